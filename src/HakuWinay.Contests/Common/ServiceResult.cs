namespace HakuWinay.Contests.Common;

public enum ServiceOutcome
{
    Ok,
    NotFound,
    Forbidden,
    /// <summary>The record changed elsewhere (another tab, another person) since it was read.</summary>
    Conflict,
    /// <summary>A rule refused it; <see cref="ServiceResult{T}.Violations"/> say which and where.</summary>
    Invalid,
}

/// <summary>
/// What a feature service answers a page: a value, or why not. Rule failures carry the field
/// they belong to, so the page can put each message next to its field.
/// </summary>
public sealed record ServiceResult<T>(ServiceOutcome Outcome, T? Value, IReadOnlyList<Profiles.RuleViolation> Violations)
{
    public bool Succeeded => Outcome == ServiceOutcome.Ok;

    public static ServiceResult<T> Ok(T value) => new(ServiceOutcome.Ok, value, []);

    public static ServiceResult<T> Fail(ServiceOutcome outcome) => new(outcome, default, []);

    public static ServiceResult<T> Invalid(IReadOnlyList<Profiles.RuleViolation> violations) => new(ServiceOutcome.Invalid, default, violations);

    public static ServiceResult<T> Invalid(string field, string rule, params object[] arguments) =>
        new(ServiceOutcome.Invalid, default, [new Profiles.RuleViolation(field, rule, arguments)]);
}

/// <summary>Who is acting: the group's own representative, or staff acting on its behalf.</summary>
public sealed record ActingUser(string UserId, bool IsAdmin = false, bool IsTechnician = false)
{
    public bool IsStaff => IsAdmin || IsTechnician;
}
