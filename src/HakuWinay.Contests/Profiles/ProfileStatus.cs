namespace HakuWinay.Contests.Profiles;

public enum ProfileStatus
{
    Draft = 0,
    Submitted = 1,
    Withdrawn = 2,
    Eligible = 3,
    Ineligible = 4,
}
