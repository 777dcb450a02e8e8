namespace HakuWinay.Contests.Disbursements;

/// <summary>
/// The addresses the execution sweep's emails link to (an award's page for the Admins, a visit's
/// page for its Technician). The web project implements it: the domain does not know the
/// portal's address.
/// </summary>
public interface IExecutionLinks
{
    string Award(int awardId);

    string Visit(int visitId);
}
