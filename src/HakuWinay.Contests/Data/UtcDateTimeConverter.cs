using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HakuWinay.Contests.Data;

/// <summary>SQLite and SQL Server forget a DateTime's kind; this puts UTC back on the way in and out.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
