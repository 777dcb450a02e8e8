using System.Buffers.Binary;
using System.IO.Compression;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.EndToEnd.Infrastructure;
using HakuWinay.Contests.FieldSync;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HakuWinay.Contests.EndToEnd;

public sealed partial class OfflineFieldJourney
{
    /// <summary>
    /// The technician's half of the journey: follow-up visits without signal (docs/decisions/036,
    /// "Visit reports"). A Technician prepares their open visits on a phone while in signal; the phone loses the network, the tab is
    /// closed and the visits page opened again (the service worker answers with the offline reports);
    /// two reports are filled, one first with members out of range and corrected after the message,
    /// with a photo taken on the phone; a third is filled offline while the same visit is reported
    /// online from the portal. Back online, the phone sends what it holds: the database has the two
    /// reports once each with the photo resized, the online report is not overwritten, and the
    /// refusal is shown on the phone and on the Administrator's field-sync page with its reason.
    /// Its own portal: the visits need the demo's results published, which ends the juror's field stage.
    /// </summary>
    [Collection(BrowserJourneys.Name)]
    public sealed class VisitReports(BrowserFixture browser, KestrelPortal portal, ITestOutputHelper output)
        : BrowserTest(browser, portal, output), IClassFixture<KestrelPortal>
    {
        private IDbContextFactory<ContestsDbContext> Db => Portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();

        [Fact]
        public async Task A_technician_reports_two_visits_offline_with_a_photo_and_each_is_saved_once_while_one_reported_online_is_not_overwritten()
        {
            var visits = await OpenVisitsAsync();
            var (first, second, online) = (visits[0], visits[1], visits[2]);
            var phone = await OpenPageAsync(Devices.Phone);
            var context = phone.Context;
            await SignInAsync(phone, AwardedDemo.TechnicianEmail, "/technician");
            await phone.GotoAsync("/technician/visits");
            await phone.GetByTestId("field-prepare").ClickAsync();
            var status = phone.GetByTestId("field-status");
            await Expect(status).ToHaveAttributeAsync("data-state", "stored");
            await Expect(status).ToContainTextAsync($"{visits.Count} visitas abiertas");
            await Expect(status).ToContainTextAsync("válido hasta el");

            // No network, the tab closed: the visits page opens again from the service worker, with the stored visits.
            await phone.CloseAsync();
            await context.SetOfflineAsync(true);
            var field = await context.NewPageAsync();
            var opened = await field.GotoAsync("/technician/visits");
            Assert.True(opened!.FromServiceWorker);
            await Expect(field.GetByTestId("offline-visits")).ToBeVisibleAsync();
            await Expect(field.GetByTestId("network-state")).ToHaveAttributeAsync("data-online", "false");
            await Expect(field.GetByTestId("field-visit")).ToHaveCountAsync(visits.Count);

            // The first: members out of range, the online form's message, corrected; a photo taken on the phone is resized before it is kept.
            await OpenAsync(field, first.Id);
            await FillAsync(field, first, members: "12000", observations: "Galpón techado; cuyes sanos.");
            await field.GetByTestId("field-submit").ClickAsync();
            await Expect(field.Locator("[data-error=MembersPresent]")).ToHaveTextAsync($"Los socios presentes deben estar entre 0 y {AwardVisit.MaxMembers}.");
            await Expect(field.GetByTestId("submit-confirm")).ToHaveCountAsync(0);
            await field.Locator("#members").FillAsync("14");
            var photo = Png(2400, 1800);
            await field.Locator("#photo-input").SetInputFilesAsync(new FilePayload { Name = "galpón: nuevo?.png", MimeType = "image/png", Buffer = photo });
            await Expect(field.GetByTestId("field-photo")).ToHaveCountAsync(1);

            // The tab is closed before the report is submitted: what was typed and the photo are still there.
            await field.CloseAsync();
            field = await context.NewPageAsync();
            await field.GotoAsync("/offline/visits.html");
            await OpenAsync(field, first.Id);
            await Expect(field.Locator("#members")).ToHaveValueAsync("14");
            await Expect(field.GetByTestId("field-photo")).ToHaveCountAsync(1);
            await SubmitAsync(field, "Fecha ", "14 socios presentes · 1 fotos");
            await Expect(Row(field, first.Id)).ToHaveAttributeAsync("data-state", "queued");

            // The tab is closed and opened again: what was queued is still there.
            await field.CloseAsync();
            field = await context.NewPageAsync();
            await field.GotoAsync("/offline/visits.html");
            await Expect(Row(field, first.Id)).ToHaveAttributeAsync("data-state", "queued");

            await OpenAsync(field, second.Id);
            await FillAsync(field, second, members: "9", observations: "Sin novedad.");
            await SubmitAsync(field, "9 socios presentes · 0 fotos");
            await Expect(Row(field, second.Id)).ToHaveAttributeAsync("data-state", "queued");

            // The third is filled on the phone while the same visit is reported online, from the portal.
            await OpenAsync(field, online.Id);
            await FillAsync(field, online, members: "7", observations: "Desde el teléfono.");
            await SubmitAsync(field, "7 socios presentes");
            await Expect(field.GetByTestId("sync-state")).ToHaveAttributeAsync("data-queued", "3");
            await ReportOnlineAsync(online.Id);

            // The Administrator's field-sync page is open while the phone finds a network.
            var admin = await OpenPageAsync();
            await SignInAsync(admin, AwardedDemo.AdminEmail, "/admin");
            await admin.GotoAsync($"/admin/contests/{first.ContestId}/field-sync");
            await Expect(admin.Locator("[data-testid=field-sync-live][data-interactive=true]")).ToHaveCountAsync(1);

            await context.SetOfflineAsync(false);

            await Expect(Row(field, first.Id)).ToHaveAttributeAsync("data-state", "sent");
            await Expect(Row(field, second.Id)).ToHaveAttributeAsync("data-state", "sent");
            await Expect(Row(field, online.Id)).ToHaveAttributeAsync("data-state", "refused");
            await Expect(field.GetByTestId("sync-state")).ToHaveAttributeAsync("data-queued", "0");
            await Expect(field.Locator($"[data-testid=refused-item][data-visit='{online.Id}']")).ToContainTextAsync("ya se presentó desde otro dispositivo o en línea");
            await Expect(admin.GetByTestId("field-sync-refused")).ToContainTextAsync("ya se presentó desde otro dispositivo o en línea");

            await using var db = await Db.CreateDbContextAsync();
            var saved = await db.AwardVisits.AsNoTracking().Include(v => v.Photos).Where(v => v.Id == first.Id || v.Id == second.Id || v.Id == online.Id).ToDictionaryAsync(v => v.Id);
            Assert.Equal((VisitStatus.Submitted, 14, "Galpón techado; cuyes sanos."), (saved[first.Id].Status, saved[first.Id].MembersPresent!.Value, saved[first.Id].Observations));
            Assert.Equal((VisitStatus.Submitted, 9), (saved[second.Id].Status, saved[second.Id].MembersPresent!.Value));
            Assert.Equal((VisitStatus.Submitted, 11, "Informe en línea."), (saved[online.Id].Status, saved[online.Id].MembersPresent!.Value, saved[online.Id].Observations));
            Assert.Empty(saved[second.Id].Photos);
            Assert.Empty(saved[online.Id].Photos);
            var stored = Assert.Single(saved[first.Id].Photos);
            Assert.Equal(AttachmentKind.Jpeg, stored.File.Kind);
            // A name the portal would refuse (":" and "?") is made one it takes on the phone, not refused after the sync.
            Assert.Equal("galpón- nuevo-.jpg", stored.File.DisplayName);
            var bytes = await File.ReadAllBytesAsync(Portal.Services.GetRequiredService<AttachmentStorage>().PathOf(stored.File.StorageName));
            Assert.Equal((1600, 1200), JpegSize(bytes));
            Assert.True(bytes.Length < photo.Length, $"The photo kept {bytes.Length} bytes of {photo.Length}.");
            var technicianId = await FullDemo.UserIdAsync(db, AwardedDemo.TechnicianEmail);
            var sent = await db.DeviceSubmissions.AsNoTracking().Where(s => s.UserId == technicianId && s.Kind == DeviceSubmissionKind.VisitReport).ToListAsync();
            Assert.Equal(2, sent.Count(s => s.State == DeviceSubmissionState.Accepted));
            Assert.Equal(online.Id, Assert.Single(sent, s => s.State == DeviceSubmissionState.Refused).TargetId);
            Assert.Equal(3, await db.AuditLog.CountAsync(a => a.Action == "visit.submitted"
                && (a.EntityId == first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) || a.EntityId == second.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    || a.EntityId == online.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        private sealed record OpenVisit(int Id, int ContestId, IReadOnlyList<int> LineIds);

        private static ILocator Row(IPage page, int visitId) => page.Locator($"[data-testid=field-visit][data-visit='{visitId}']");

        private static async Task OpenAsync(IPage page, int visitId)
        {
            await Row(page, visitId).ClickAsync();
            await Expect(page.Locator($"[data-testid=field-visit-form][data-visit='{visitId}'] [data-testid=field-submit]")).ToBeVisibleAsync();
        }

        /// <summary>Fills the report as a Technician would, every line at 50 %.</summary>
        private static async Task FillAsync(IPage page, OpenVisit visit, string members, string observations)
        {
            await page.Locator("#members").FillAsync(members);
            await page.Locator("#jobs").FillAsync("3");
            await page.Locator("#sales").FillAsync("1250,50");
            await page.Locator("#rating").SelectOptionAsync(nameof(VisitRating.Satisfactory));
            foreach (var line in visit.LineIds)
            {
                await page.Locator($"#progress-{line}").FillAsync("50");
            }
            await page.Locator("#observations").FillAsync(observations);
        }

        /// <summary>Submits the open report and says yes to the confirmation, after reading what it says.</summary>
        private static async Task SubmitAsync(IPage page, params string[] says)
        {
            await page.GetByTestId("field-submit").ClickAsync();
            var confirm = page.GetByTestId("submit-confirm");
            await Expect(confirm).ToContainTextAsync("¿Presentar el informe?");
            foreach (var text in says)
            {
                await Expect(confirm).ToContainTextAsync(text);
            }
            await page.GetByTestId("submit-confirm-yes").ClickAsync();
        }

        /// <summary>The demo's results published, each award's agreement recorded and first tranche paid, so its visits are dated; the Technician's open visits, in the offline page's order.</summary>
        private async Task<IReadOnlyList<OpenVisit>> OpenVisitsAsync()
        {
            await AwardedDemo.PublishAsync(Portal);
            var now = DateTime.UtcNow;
            var today = DateOnly.FromDateTime(LimaTime.ToLima(now));
            await using (var db = await Db.CreateDbContextAsync())
            {
                var adminId = await FullDemo.UserIdAsync(db, AwardedDemo.AdminEmail);
                foreach (var award in await db.Awards.Include(a => a.Tranches).Include(a => a.Visits).ToListAsync())
                {
                    award.RecordAgreement(today.AddDays(-10), new StoredFile("convenio.pdf", AttachmentStorage.NewStorageName(), AttachmentKind.Pdf, 10, new string('a', 64)), adminId, now, today);
                    var first = award.Tranches.Single(t => t.Order == 1);
                    first.MakeDue(now);
                    award.Pay(first.Id, first.Amount, today.AddDays(-5), "OP-" + award.Id, null, adminId, now, today);
                }
                await db.SaveChangesAsync();
            }
            await using var scope = Portal.Services.CreateAsyncScope();
            var technician = await TechnicianAsync();
            var rows = await scope.ServiceProvider.GetRequiredService<VisitPackageQueries>().TechnicianPackageAsync(technician);
            Assert.True(rows.Succeeded);
            var open = rows.Value!.Visits;
            Assert.True(open.Count >= 3, $"The Technician has {open.Count} open visits.");
            await using var read = await Db.CreateDbContextAsync();
            var contests = await read.AwardVisits.Join(read.Awards, v => v.AwardId, a => a.Id, (v, a) => new { v.Id, a.ContestId }).ToDictionaryAsync(v => v.Id, v => v.ContestId);
            return open.Select(v => new OpenVisit(v.VisitId, contests[v.VisitId], v.Lines.Select(l => l.Id).ToList())).ToList();
        }

        private async Task<ActingUser> TechnicianAsync()
        {
            await using var db = await Db.CreateDbContextAsync();
            return new ActingUser(await FullDemo.UserIdAsync(db, AwardedDemo.TechnicianEmail), IsTechnician: true);
        }

        private async Task ReportOnlineAsync(int visitId)
        {
            await using var scope = Portal.Services.CreateAsyncScope();
            var today = DateOnly.FromDateTime(LimaTime.ToLima(DateTime.UtcNow));
            var filed = await scope.ServiceProvider.GetRequiredService<VisitService>().SubmitReportAsync(await TechnicianAsync(), visitId,
                new VisitReport(today, 11, 900m, 2, "Informe en línea.", VisitRating.NeedsImprovement, []));
            Assert.True(filed.Succeeded, string.Join(", ", filed.Violations.Select(v => v.Rule)));
        }

        /// <summary>A real PNG of the given size (a gradient, so the phone's canvas has something to draw), as a camera would hand it over.</summary>
        private static byte[] Png(int width, int height)
        {
            var raw = new byte[height * (1 + width * 3)];
            for (var y = 0; y < height; y++)
            {
                var row = y * (1 + width * 3);
                for (var x = 0; x < width; x++)
                {
                    raw[row + 1 + x * 3] = (byte)(x * 255 / width);
                    raw[row + 2 + x * 3] = (byte)(y * 255 / height);
                    raw[row + 3 + x * 3] = (byte)((x ^ y) & 0xFF);
                }
            }
            using var png = new MemoryStream();
            png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
            var header = new byte[13];
            BinaryPrimitives.WriteInt32BigEndian(header, width);
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
            header[8] = 8; // bit depth
            header[9] = 2; // truecolour
            Chunk(png, "IHDR", header);
            using (var compressed = new MemoryStream())
            {
                using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
                {
                    zlib.Write(raw);
                }
                Chunk(png, "IDAT", compressed.ToArray());
            }
            Chunk(png, "IEND", []);
            return png.ToArray();
        }

        private static void Chunk(Stream png, string type, byte[] data)
        {
            Span<byte> number = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
            png.Write(number);
            var typed = new byte[4 + data.Length];
            System.Text.Encoding.ASCII.GetBytes(type, typed);
            data.CopyTo(typed, 4);
            png.Write(typed);
            BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
            png.Write(number);
        }

        /// <summary>PNG's chunk checksum (CRC-32, polynomial 0xEDB88320).</summary>
        private static uint Crc32(byte[] data)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in data)
            {
                crc ^= b;
                for (var bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
                }
            }
            return ~crc;
        }

        /// <summary>A JPEG's width and height, from its start-of-frame segment.</summary>
        private static (int Width, int Height) JpegSize(byte[] jpeg)
        {
            Assert.True(jpeg is [0xFF, 0xD8, ..], "Not a JPEG.");
            var at = 2;
            while (at + 9 < jpeg.Length)
            {
                Assert.Equal(0xFF, jpeg[at]);
                var marker = jpeg[at + 1];
                var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
                if (marker is 0xC0 or 0xC1 or 0xC2)
                {
                    return (BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 7)), BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 5)));
                }
                at += 2 + length;
            }
            throw new Xunit.Sdk.XunitException("The JPEG has no frame header.");
        }
    }
}
