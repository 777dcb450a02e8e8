using System.Diagnostics;
using System.Text;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Judging;

/// <summary>A 10,000-row sheet: 5,000 scorecards of 834 profiles in both stages, none assigned beforehand.</summary>
public sealed class ScoreSheetImportLargeTests : IAsyncLifetime
{
    private const int ExtraProfiles = 831;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Instants.Now));
    private JudgingTestData _data = null!;
    private PaperTestKit _kit = null!;

    public async Task InitializeAsync()
    {
        _data = await JudgingTestData.CreateAsync();
        _kit = new PaperTestKit(_data, _time);
        await using var db = _data.Database.CreateDbContext();
        var contest = await db.Contests.Include(c => c.Categories).SingleAsync(c => c.Id == _data.ContestId);
        var line = await db.ProductionLines.Select(l => l.Id).FirstAsync();
        var groups = Enumerable.Range(1, ExtraProfiles)
            .Select(i => new ProducerGroup($"Grupo masivo {i}", LegalForm.InformalGroup, null, line, new GroupLocation("05", "0501", "050102", "Centro " + i), Instants.Now))
            .ToList();
        db.ProducerGroups.AddRange(groups);
        await db.SaveChangesAsync();
        foreach (var group in groups)
        {
            var profile = new BusinessProfile(contest.Id, contest.Categories[0].Id, group.Id, Instants.Now);
            profile.WriteSection(ProfileSection.Title, "Perfil de " + group.Name, Instants.Now);
            profile.Submit(contest.NextProfileCode(Instants.Now), Instants.Now);
            profile.DecideEligibility(true, "Cumple", "admin", Instants.Now);
            db.BusinessProfiles.Add(profile);
        }
        await db.SaveChangesAsync();
        foreach (var stage in new[] { _data.FieldStageId, _data.PublicStageId })
        {
            foreach (var juror in JudgingTestData.Jurors.Take(3))
            {
                Assert.True((await _kit.Judging.Jurors.AppointAsync(JudgingTestData.Admin, stage, juror)).Succeeded);
            }
        }
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task A_ten_thousand_row_file_imports_completely()
    {
        await using var read = _data.Database.CreateDbContext();
        var codes = await read.BusinessProfiles.Where(p => p.Status == ProfileStatus.Eligible).OrderBy(p => p.Code).Select(p => p.Code!).ToListAsync();
        var text = new StringBuilder("profile_code,stage_code,juror_email,criterion_code,points,comment\r\n");
        var sheets = 0;
        foreach (var code in codes)
        {
            foreach (var stage in new[] { "CAMPO", "PUBLICA" })
            {
                foreach (var juror in JudgingTestData.Jurors.Take(3))
                {
                    if (sheets == 5_000)
                    {
                        break;
                    }
                    text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{code},{stage},{juror}@t.pe,C1,{sheets % 21},\"Visita de {juror}, sin novedad\"\r\n");
                    text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{code},{stage},{juror}@t.pe,C2,{sheets % 11},\r\n");
                    sheets++;
                }
            }
        }
        Assert.Equal(5_000, sheets);
        var watch = Stopwatch.StartNew();

        var import = await _kit.Import.ImportAsync(JudgingTestData.Admin, _data.ContestId, "grande.csv", new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())));

        watch.Stop();
        Assert.True(import.Succeeded, string.Join("; ", import.Errors.Take(5)));
        Assert.Equal((10_000, 5_000, 5_000), (import.Rows, import.Scorecards, import.CreatedAssignments));
        await using var db = _data.Database.CreateDbContext();
        Assert.Equal(5_000, await db.Scorecards.CountAsync(s => s.Status == ScorecardStatus.Submitted && s.EnteredByAdminUserId == "admin"));
        Assert.Equal(10_000, await db.Set<ScorecardPoint>().CountAsync(p => p.Points != null));
        // Generous for a shared CI machine; it takes a few seconds. A per-row query would take minutes.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"The import took {watch.Elapsed}.");
    }
}
