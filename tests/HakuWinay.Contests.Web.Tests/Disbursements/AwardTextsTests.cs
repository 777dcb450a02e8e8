using System.Text.RegularExpressions;
using System.Xml.Linq;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.FollowUp;

namespace HakuWinay.Contests.Web.Tests.Disbursements;

/// <summary>The award pages build some text keys from enum values and the service answers rule keys: each has a text.</summary>
public sealed partial class AwardTextsTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Every_award_enum_value_and_rule_the_service_answers_has_a_text()
    {
        var spanish = XDocument.Load(Path.Combine(Root, "src/HakuWinay.Contests.Web/Resources/SharedResource.resx")).Root!.Elements("data")
            .Select(d => d.Attribute("name")!.Value).ToHashSet(StringComparer.Ordinal);
        var service = File.ReadAllText(Path.Combine(Root, "src/HakuWinay.Contests/Disbursements/AwardAdminService.cs"));
        var keys = Enum.GetNames<AwardStatus>().Select(n => $"Awards.Status.{n}")
            .Concat(Enum.GetNames<TrancheStatus>().Select(n => $"Awards.TrancheStatus.{n}"))
            .Concat(Enum.GetNames<VisitStatus>().Select(n => $"Awards.VisitStatus.{n}"))
            .Concat(Enum.GetNames<VisitRating>().Select(n => $"Awards.Rating.{n}"))
            .Concat(Enum.GetNames<TrancheNotDueReason>().Select(n => $"Awards.NotDue.{n}"))
            .Concat(Enum.GetNames<AwardClosureBlocker>().Select(n => $"Awards.Blocker.{n}"))
            .Concat(Enum.GetNames<AwardNextStepKind>().Select(n => $"Awards.Next.{n}"))
            .Concat(RuleKey().Matches(service).Select(m => m.Groups[1].Value))
            .ToList();

        Assert.True(keys.Count > 50);
        Assert.All(keys, key => Assert.True(spanish.Contains(key), $"Missing text {key}"));
    }

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !Directory.Exists(Path.Combine(folder.FullName, "src", "HakuWinay.Contests.Web")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new DirectoryNotFoundException("The repository root was not found.");
    }

    [GeneratedRegex("\"(Awards\\.[A-Za-z]+)\"")]
    private static partial Regex RuleKey();
}
