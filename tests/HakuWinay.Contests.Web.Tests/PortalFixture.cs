using HakuWinay.Contests.Testing;

namespace HakuWinay.Contests.Web.Tests;

/// <summary>One demo portal shared by the tests of a class that only read from it.</summary>
public sealed class PortalFixture : IDisposable
{
    public PortalFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}
