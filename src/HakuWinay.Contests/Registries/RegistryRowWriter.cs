using System.Data.Common;
using System.Text;
using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace HakuWinay.Contests.Registries;

/// <summary>
/// Writes a padrón's rows with multi-row INSERTs built from the EF model (table, columns, type
/// mappings and quoting of the current provider), in one transaction per batch. Change tracking
/// and reading back every generated key made a 100,000-household padrón take minutes; nothing here
/// needs the keys. Only for the row tables of <see cref="RegistryImportService"/>: they have a
/// generated key, no owned types and no interceptor-managed column.
/// </summary>
internal static class RegistryRowWriter
{
    /// <summary>SQL Server takes at most 2,100 parameters per command; stay below it on every provider.</summary>
    private const int MaxParameters = 2_000;

    public static async Task InsertAsync<T>(ContestsDbContext db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entity.GetProperties().Where(p => !p.IsPrimaryKey()).ToList();
        var header = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES ";
        var rowsPerCommand = Math.Max(1, MaxParameters / columns.Count);

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var connection = db.Database.GetDbConnection();
            foreach (var chunk in rows.Chunk(rowsPerCommand))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction.GetDbTransaction();
                var text = new StringBuilder(header);
                var index = 0;
                for (var r = 0; r < chunk.Length; r++)
                {
                    text.Append(r == 0 ? "(" : ", (");
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var name = "p" + index++;
                        text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                        command.Parameters.Add(Parameter(command, columns[c], name, chunk[r]));
                    }
                    text.Append(')');
                }
                command.CommandText = text.ToString();
                await command.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DbParameter Parameter(DbCommand command, IProperty property, string name, object row)
    {
        var mapping = (RelationalTypeMapping)property.GetTypeMapping();
        var value = property.GetGetter().GetClrValue(row);
        // The mapping applies the property's converter (an enum to its number, a DateOnly to the provider's date).
        return mapping.CreateParameter(command, name, value, property.IsNullable);
    }
}
