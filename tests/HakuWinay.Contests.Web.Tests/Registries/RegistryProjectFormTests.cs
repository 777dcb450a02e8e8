using Bunit;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Registries;
using HakuWinay.Contests.Web.Components.Pages.Registries;
using HakuWinay.Contests.Web.Tests.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Registries;

/// <summary>The hand-made project form: created and edited in the same render, refusals next to their fields, nothing written on a refusal.</summary>
public sealed class RegistryProjectFormTests : ComponentTestBase
{
    public RegistryProjectFormTests() => Services.AddScoped<RegistryProjectService>();

    private async Task<IRenderedComponent<RegistryProjectForm>> RenderAsync(int? editId = null)
    {
        var admin = await Database.AddUserAsync("admin@t.pe", Roles.Admin);
        SignInAs(admin.Id, admin.Email!, Roles.Admin);
        RenderAsLiveCircuit();
        var cut = Render<RegistryProjectForm>(p => p.Add(x => x.EditId, editId));
        cut.WaitForElement("[data-testid=project-districts]");
        return cut;
    }

    private static void Fill(IRenderedComponent<RegistryProjectForm> cut, string code, string name, string nec, params string[] districts)
    {
        cut.Find("#project-region").Change("05");
        cut.Find("#project-code").Change(code);
        cut.Find("#project-name").Change(name);
        cut.Find("#project-nec").Change(nec);
        foreach (var district in districts)
        {
            cut.Find($"#d-{district}").Change(true);
        }
    }

    private async Task<List<RegistryProject>> ProjectsAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.RegistryProjects.Include(p => p.Districts).ToListAsync();
    }

    [Fact]
    public async Task An_administrator_creates_a_project_with_its_nec_and_districts_and_the_form_is_ready_for_the_next()
    {
        var cut = await RenderAsync();

        Fill(cut, "hw-aya-07", "Haku Wiñay Ayacucho 7", "NEC Quinua", "050101", "050102");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal("Proyecto HW-AYA-07 guardado.", cut.Find("[data-testid=project-saved]").TextContent));
        Assert.Equal("", cut.Find("#project-code").GetAttribute("value"));
        var project = Assert.Single(await ProjectsAsync());
        Assert.Equal(("HW-AYA-07", "NEC Quinua"), (project.Code, project.NecName));
        Assert.Equal(["050101", "050102"], project.Districts.Select(d => d.DistrictCode).Order());
    }

    [Fact]
    public async Task A_taken_code_and_no_district_are_refused_next_to_their_fields_and_nothing_is_written()
    {
        await using (var db = Database.CreateDbContext())
        {
            db.RegistryProjects.Add(new RegistryProject("HW-AYA-07", "Otro", "05", Now));
            await db.SaveChangesAsync();
        }
        var cut = await RenderAsync();

        Fill(cut, "HW-AYA-07", "<script>alert('x')</script>", "");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal(
            ["Ya existe un proyecto con el código HW-AYA-07.", "Marque al menos un distrito."],
            cut.FindAll(".text-danger").Select(m => m.TextContent)));
        Assert.Empty(cut.FindAll("[data-testid=project-saved]"));
        Assert.Single(await ProjectsAsync());
        // The name is text: shown back in its box, never markup.
        Assert.Empty(cut.FindAll("script"));
    }

    [Fact]
    public async Task An_edit_shows_the_project_keeps_its_code_and_saves_the_new_districts()
    {
        int id;
        await using (var db = Database.CreateDbContext())
        {
            var project = new RegistryProject("HW-AYA-08", "Quinua", "05", Now);
            project.Cover(["050101", "050102"]);
            db.RegistryProjects.Add(project);
            await db.SaveChangesAsync();
            id = project.Id;
        }
        var cut = await RenderAsync(id);
        Assert.True(cut.Find("#project-code").HasAttribute("disabled"));
        Assert.Equal("Quinua", cut.Find("#project-name").GetAttribute("value"));
        Assert.True(cut.Find("#d-050102").HasAttribute("checked"));

        cut.Find("#d-050101").Change(false);
        cut.Find("#project-nec").Change("NEC Quinua");
        await cut.Find("form").SubmitAsync();

        cut.WaitForAssertion(() => Assert.Equal("Proyecto HW-AYA-08 guardado.", cut.Find("[data-testid=project-saved]").TextContent));
        var saved = Assert.Single(await ProjectsAsync());
        Assert.Equal(("HW-AYA-08", "NEC Quinua"), (saved.Code, saved.NecName));
        Assert.Equal(["050102"], saved.Districts.Select(d => d.DistrictCode));
    }
}
