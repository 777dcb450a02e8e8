using System.Runtime.CompilerServices;
using Bunit;

namespace HakuWinay.Contests.Web.Tests.Components;

/// <summary>
/// bUnit's WaitFor helpers give up after one second by default. A page that reads PostgreSQL on a
/// loaded CI machine can take longer than that to render its next state, so every wait in this
/// assembly may last up to half a minute; a wait that is met returns as soon as it is.
/// </summary>
internal static class WaitTimeout
{
    [ModuleInitializer]
    internal static void Lengthen() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(30);
}
