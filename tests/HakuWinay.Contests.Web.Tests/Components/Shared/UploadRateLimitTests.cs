using Bunit;
using Bunit.TestDoubles;
using HakuWinay.Contests.Web.Components.Shared;
using HakuWinay.Contests.Web.Hosting;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Components.Shared;

/// <summary>Every upload of the portal goes through <see cref="FileUpload"/>, which takes an upload permit per account first.</summary>
public sealed class UploadRateLimitTests : FormComponentTestBase
{
    private readonly List<string> _stored = [];
    private readonly BunitAuthorizationContext _auth;

    public UploadRateLimitTests()
    {
        Services.AddSingleton(new RateLimitSettings { UploadsPerMinute = 2 });
        _auth = AddAuthorization();
    }

    private IRenderedComponent<FileUpload> RenderUpload() =>
        Render<FileUpload>(p => p
            .Add(u => u.Label, "Documento")
            .Add(u => u.MaxBytes, 1024)
            .Add(u => u.Upload, (name, content, _) =>
            {
                _stored.Add(name);
                return Task.FromResult<string?>(null);
            }));

    private void SignInAs(string userId)
    {
        _auth.SetAuthorized(userId);
        _auth.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, userId));
    }

    private static void Upload(IRenderedComponent<FileUpload> cut, string name) =>
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("contenido", name));

    [Fact]
    public void The_upload_over_the_limit_shows_the_wait_and_stores_nothing_while_another_account_still_uploads()
    {
        SignInAs("user-ana");
        var cut = RenderUpload();
        Upload(cut, "uno.pdf");
        cut.WaitForAssertion(() => Assert.Equal("ready", cut.Find("[data-testid=file-upload]").GetAttribute("data-state")));
        Upload(cut, "dos.pdf");
        cut.WaitForAssertion(() => Assert.Equal(["uno.pdf", "dos.pdf"], _stored));

        Upload(cut, "tres.pdf");

        cut.WaitForAssertion(() => Assert.Matches("^Demasiadas subidas seguidas; intente de nuevo en [0-9]+ segundos\\.$", cut.Find("[data-testid=upload-error]").TextContent));
        Assert.Equal(["uno.pdf", "dos.pdf"], _stored);

        SignInAs("user-rosa");
        var other = RenderUpload();
        Upload(other, "cuatro.pdf");
        other.WaitForAssertion(() => Assert.Equal(["uno.pdf", "dos.pdf", "cuatro.pdf"], _stored));
        Assert.Empty(other.FindAll("[data-testid=upload-error]"));
    }
}
