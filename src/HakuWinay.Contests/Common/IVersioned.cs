namespace HakuWinay.Contests.Common;

/// <summary>
/// An entity guarded by an application-managed concurrency token. The token is a fresh
/// <see cref="Guid"/> on every save (see <c>VersionStampInterceptor</c>), which works the same on
/// SQLite, SQL Server and PostgreSQL, unlike provider-specific row versions.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
