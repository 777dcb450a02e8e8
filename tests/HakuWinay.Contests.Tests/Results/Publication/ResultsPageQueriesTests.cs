using HakuWinay.Contests.Catalog;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Results.Publication;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Tests.Results.Publication;

/// <summary>The results pages' heading (the contest's places by name) and the acta's jurors present per stage.</summary>
public sealed class ResultsPageQueriesTests : IAsyncLifetime
{
    private PublicationTestData _data = null!;

    public async Task InitializeAsync() => _data = await PublicationTestData.CreateAsync();

    public async Task DisposeAsync() => await _data.DisposeAsync();

    private ResultsPageQueries Queries => new(_data.Database);

    [Fact]
    public async Task The_heading_shows_the_region_code_when_the_catalog_has_no_name_for_it()
    {
        var contest = await _data.ContestAsync();

        var heading = await Queries.ContestAsync(_data.ContestId);

        Assert.Equal(new ResultsContestPlace(_data.ContestId, _data.ContestCode, contest.Title, "05", null, null), heading);
    }

    [Fact]
    public async Task The_heading_names_region_province_and_district_and_the_code_is_read_as_urls_write_it()
    {
        await _data.WithDbAsync(async db =>
        {
            db.Regions.Add(new Region("05", "Ayacucho"));
            db.Provinces.Add(new Province("0501", "Huamanga"));
            (await db.Contests.SingleAsync(c => c.Id == _data.ContestId)).LocateIn("05", "0501", "050108");
            return await db.SaveChangesAsync();
        });

        var heading = await Queries.ContestAsync($"  {_data.ContestCode.ToLowerInvariant()} ");

        Assert.Equal((_data.ContestId, "Ayacucho", "Huamanga", "Quinua"), (heading!.Id, heading.RegionName, heading.ProvinceName, heading.DistrictName));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("NO-EXISTE")]
    public async Task An_unknown_or_blank_code_has_no_heading(string? code)
    {
        Assert.Null(await Queries.ContestAsync(code));
    }

    [Fact]
    public async Task An_overlong_code_or_an_unknown_id_has_no_heading()
    {
        Assert.Null(await Queries.ContestAsync(new string('A', Contest.MaxCodeLength + 1)));
        Assert.Null(await Queries.ContestAsync(999_999));
    }

    [Fact]
    public async Task The_acta_names_per_stage_in_the_rules_order_each_juror_with_a_submitted_scorecard_once()
    {
        await _data.ScoreAsync("j2", _data.FieldStageId, _data.ProfileIds[0], 18, 9);
        await _data.ScoreAsync("j1", _data.FieldStageId, _data.ProfileIds[0], 18, 9);
        await _data.ScoreAsync("j1", _data.FieldStageId, _data.ProfileIds[1], 14, 7);
        await _data.ScoreAsync("j3", _data.PublicStageId, _data.ProfileIds[0], 18, 9, submit: false);
        await _data.ScoreAsync("j4", _data.PublicStageId, _data.ProfileIds[1], 14, 7);
        await _data.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == "j4")).FullName = "";
            return await db.SaveChangesAsync();
        });
        var rules = (await _data.Inputs.BuildAsync(_data.ContestId))!.Input.Rules;

        var jurors = await Queries.JurorsByStageAsync(_data.ContestId, rules);

        Assert.Equal(
            [("CAMPO", "Etapa CAMPO", "Persona j1|Persona j2"), ("PUBLICA", "Etapa PUBLICA", "j4@t.pe")],
            jurors.Select(s => (s.StageCode, s.StageName, string.Join("|", s.Names))).ToList());
    }

    [Fact]
    public async Task A_stage_without_submitted_scorecards_names_nobody()
    {
        await _data.ScoreAsync("j1", _data.FieldStageId, _data.ProfileIds[0], 18, 9, submit: false);
        var rules = (await _data.Inputs.BuildAsync(_data.ContestId))!.Input.Rules;

        var jurors = await Queries.JurorsByStageAsync(_data.ContestId, rules);

        Assert.Equal(["CAMPO", "PUBLICA"], jurors.Select(s => s.StageCode));
        Assert.All(jurors, s => Assert.Empty(s.Names));
    }
}
