using System.Text.RegularExpressions;
using System.Xml.Linq;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Notifications;

namespace HakuWinay.Contests.Web.Tests.Localization;

/// <summary>Every UI text exists in Spanish and in English, and nothing the pages ask for is missing.</summary>
public sealed partial class ResourceTests
{
    private static readonly string WebProject = FindWebProject();

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(WebProject, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [Fact]
    public void Spanish_and_english_resources_have_the_same_keys_and_no_empty_text()
    {
        var spanish = Read("SharedResource.resx");
        var english = Read("SharedResource.en.resx");

        Assert.Equal(spanish.Keys.Order(StringComparer.Ordinal), english.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(spanish, kv => string.IsNullOrWhiteSpace(kv.Value));
        Assert.DoesNotContain(english, kv => string.IsNullOrWhiteSpace(kv.Value));
    }

    [Fact]
    public void Every_text_a_component_asks_for_exists()
    {
        var spanish = Read("SharedResource.resx");
        var used = Directory.EnumerateFiles(Path.Combine(WebProject, "Components"), "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(used);
        var missing = used.Where(u => !spanish.ContainsKey(u.Key)).Select(u => $"{u.File}: {u.Key}").ToList();
        Assert.True(missing.Count == 0, "Missing texts: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_enum_value_shown_on_screen_has_a_text()
    {
        var spanish = Read("SharedResource.resx");
        var keys = Enum.GetNames<ContestStatus>().Select(n => $"ContestStatus.{n}")
            .Concat(Enum.GetNames<OutboxStatus>().Select(n => $"Outbox.Status.{n}"))
            .Concat(Enum.GetNames<LegalForm>().Select(n => $"LegalForm.{n}"))
            .Concat(Enum.GetNames<HouseholdRole>().Select(n => $"HouseholdRole.{n}"))
            .Concat(Enum.GetNames<Sex>().Select(n => $"Sex.{n}"))
            .Concat(Enum.GetNames<HakuWinay.Contests.Profiles.InvestmentCategory>().Select(n => $"InvestmentCategory.{n}"))
            .Concat(Enum.GetNames<HakuWinay.Contests.Profiles.ProfileStatus>().Select(n => $"ProfileStatus.{n}"))
            .Concat(Enum.GetNames<ScoreAggregation>().Select(n => $"ScoreAggregation.{n}"))
            .Concat(Enum.GetNames<ScoreGranularity>().Select(n => $"ScoreGranularity.{n}"))
            .Concat(Enum.GetNames<BudgetAllocationPolicy>().Select(n => $"BudgetAllocationPolicy.{n}"))
            .Concat(Enum.GetNames<TieBreakerKind>().Select(n => $"TieBreakerKind.{n}"))
            .Concat(Enum.GetNames<PriorityKind>().Select(n => $"PriorityKind.{n}"))
            .Concat(Enum.GetNames<TrancheTrigger>().Select(n => $"TrancheTrigger.{n}"))
            .Concat(Enum.GetNames<TrancheTrigger>().Select(n => $"ContestPage.Tranche.{n}"))
            .Concat(Enum.GetNames<ContestTransition>().Select(n => $"ContestTransition.{n}"))
            .Concat(new[] { "General", "Timeline", "Categories", "Eligibility", "Evaluation", "Plans" }.Select(t => $"ContestAdmin.Tab.{t}"))
            .Concat(Roles.All.Select(r => $"Role.{r}"))
            .Concat(Roles.All.Select(r => $"RoleName.{r}"))
            .Concat(Enum.GetNames<AccountStatus>().Select(n => $"AccountStatus.{n}"));

        Assert.All(keys, key => Assert.True(spanish.ContainsKey(key), $"Missing text {key}"));
    }

    [GeneratedRegex("""L\["([A-Za-z.]+)"\]""")]
    private static partial Regex LiteralKey();

    private static string FindWebProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "HakuWinay.Contests.Web");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("src/HakuWinay.Contests.Web not found above " + AppContext.BaseDirectory);
    }
}
