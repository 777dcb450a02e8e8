using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Profiles;

public sealed record SubmissionFilter(int ContestId, string? CategoryCode = null, ProfileStatus? Status = null, string? ProductionLineCode = null, string? DistrictCode = null);

public sealed record SubmissionRow(
    int ProfileId, string? Code, string Title, string Category, string Group, string ProductionLine, string District,
    ProfileStatus Status, decimal FundRequest, decimal Counterpart, decimal CounterpartPercent, int Households, DateTime? SubmittedAtUtc);

/// <summary>
/// The administrator's list of a contest's profiles: filtered, in a stable order (code, then
/// drafts by group), and exported as CSV. Drafts are included so the admin sees who is preparing one.
/// </summary>
public sealed class SubmissionQueries(IDbContextFactory<ContestsDbContext> dbFactory)
{
    public static readonly IReadOnlyList<string> CsvHeader =
    [
        "codigo", "titulo", "categoria", "grupo", "linea_de_negocio", "distrito", "estado", "monto_solicitado",
        "contrapartida", "contrapartida_pct", "hogares", "fecha_de_envio_lima",
    ];

    public async Task<IReadOnlyList<SubmissionRow>> ListAsync(SubmissionFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var profiles = db.BusinessProfiles.AsNoTracking().Include(p => p.Lines).Where(p => p.ContestId == filter.ContestId);
        if (filter.Status is { } status)
        {
            profiles = profiles.Where(p => p.Status == status);
        }
        var rows = await (
            from p in profiles
            join c in db.Set<Contests.ContestCategory>() on p.CategoryId equals c.Id
            join g in db.ProducerGroups on p.ProducerGroupId equals g.Id
            join l in db.ProductionLines on g.ProductionLineId equals l.Id
            join d in db.Districts on g.Location.DistrictCode equals d.Code into districts
            from d in districts.DefaultIfEmpty()
            where (filter.CategoryCode == null || c.Code == filter.CategoryCode)
                  && (filter.ProductionLineCode == null || l.Code == filter.ProductionLineCode)
                  && (filter.DistrictCode == null || g.Location.DistrictCode == filter.DistrictCode)
            select new { Profile = p, Category = c.Name, Group = g.Name, Line = l.Name, District = d != null ? d.Name : g.Location.DistrictCode, Households = g.Households.Count })
            .ToListAsync(ct);
        return rows
            .Select(r =>
            {
                var totals = r.Profile.Totals;
                return new SubmissionRow(r.Profile.Id, r.Profile.Code, r.Profile.Title, r.Category, r.Group, r.Line, r.District, r.Profile.Status,
                    totals.FundRequest, totals.Counterpart, totals.CounterpartPercent, r.Households, r.Profile.SubmittedAtUtc);
            })
            .OrderBy(r => r.Code is null).ThenBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.Group, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<byte[]> ExportCsvAsync(SubmissionFilter filter, CancellationToken ct = default) =>
        CsvWriter.Write(await ExportTableAsync(filter, ct));

    /// <summary>The rows of the export, which its CSV and its Excel file are both written from.</summary>
    public async Task<DownloadTable> ExportTableAsync(SubmissionFilter filter, CancellationToken ct = default)
    {
        var rows = await ListAsync(filter, ct);
        return DownloadTable.Of(CsvHeader, rows.Select(r => new object?[]
        {
            r.Code, r.Title, r.Category, r.Group, r.ProductionLine, r.District, r.Status.ToString(), r.FundRequest,
            r.Counterpart, r.CounterpartPercent, r.Households, r.SubmittedAtUtc,
        }));
    }
}
