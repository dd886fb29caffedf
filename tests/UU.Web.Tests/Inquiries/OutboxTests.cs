using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Inquiries;
using UU.Web.Tests.Infrastructure;
using UU.Web.Features.Notifications;

namespace UU.Web.Tests.Inquiries;

public sealed class OutboxTests
{
    private static async Task<string> SubmitAsync(UuWebFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var inquiry = await scope.ServiceProvider.GetRequiredService<InquiryService>().SubmitAsync(new InquiryForm
        {
            OrganisationName = "Region Västernorrland",
            OrganisationNumber = "232100-0156",
            ContactName = "Sofia Berg",
            Email = "sofia.berg@rvn.example.se",
            Description = "Vi behöver utbilda enhetschefer i ledarskap.",
            Modules = ["ledarskap-i-vard-och-omsorg"],
            Consent = true,
        }, "sv", CancellationToken.None);
        return inquiry.ReferenceNumber;
    }

    /// <summary>The app sending through an SMTP server on 127.0.0.1:<paramref name="port"/> (nothing may listen there yet).</summary>
    private static UuWebFactory SmtpApp(int port) => new(Provider.Sqlite, new Dictionary<string, string?>
    {
        ["Mail:SmtpHost"] = "127.0.0.1",
        ["Mail:SmtpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:SmtpStartTls"] = "false",
        ["Mail:SmtpTimeoutSeconds"] = "2",
    });

    private static async Task<OutboxRunResult> DispatchAsync(UuWebFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().DispatchDueAsync(CancellationToken.None);
    }

    private static async Task<List<OutboxMessage>> MessagesAsync(UuWebFactory app, string reference)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UuDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Reference == reference).ToListAsync();
    }

    [Fact]
    public async Task SmtpOutage_LosesNothing_AndTheMessagesGoOutWhenTheServerIsBack()
    {
        var port = LoopbackSmtpServer.FreePort();
        await using var app = SmtpApp(port);
        var reference = await SubmitAsync(app);

        // Nothing listens on the port: every message fails, is kept, and is scheduled for a later try.
        var down = await DispatchAsync(app);
        Assert.Equal(0, down.Sent);
        Assert.Equal(3, down.Failed); // coordinator, subject contact, confirmation to the sender
        var failed = await MessagesAsync(app, reference);
        Assert.All(failed, m =>
        {
            Assert.Null(m.SentAt);
            Assert.Equal(1, m.Attempts);
            Assert.False(string.IsNullOrEmpty(m.LastError));
            Assert.Equal(app.Clock.GetUtcNow().AddSeconds(30), m.NextAttemptAt);
        });
        Assert.Equal(new OutboxRunResult(0, 0), await DispatchAsync(app)); // not due yet

        await using var smtp = new LoopbackSmtpServer(port);
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        var up = await DispatchAsync(app);

        Assert.Equal(3, up.Sent);
        Assert.All(await MessagesAsync(app, reference), m => Assert.NotNull(m.SentAt));
        Assert.Equal(3, smtp.Messages.Count);
        Assert.Contains(smtp.Messages, m => m.Contains("Ny förfrågan " + reference, StringComparison.Ordinal) || m.Contains(reference, StringComparison.Ordinal));
        Assert.Contains(smtp.Messages, m => m.Contains("sara.eklund@uu-demo.se", StringComparison.Ordinal));
        Assert.Equal(new OutboxRunResult(0, 0), await DispatchAsync(app)); // sent once, never again
    }

    [Fact]
    public async Task SmtpDownForAnHour_EveryMessageGoesOutOnceAfter_AndARefusedAddressIsNotRetriedForever()
    {
        var port = LoopbackSmtpServer.FreePort();
        await using var app = SmtpApp(port);
        var reference = await SubmitAsync(app);

        // An hour with nothing listening: the dispatcher keeps trying (every five minutes here) and keeps everything.
        var tries = 0;
        for (var minute = 0; minute < 60; minute += 5)
        {
            tries += (await DispatchAsync(app)).Failed;
            app.Clock.Advance(TimeSpan.FromMinutes(5));
        }
        Assert.True(tries >= 6, $"only {tries} failed tries in the hour"); // three messages, backing off
        Assert.All(await MessagesAsync(app, reference), m => Assert.Null(m.SentAt));

        // The server is back, and it does not know the sender's address.
        await using var smtp = new LoopbackSmtpServer(port, refusedRecipient: "sofia.berg@rvn.example.se");
        app.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1)); // the longest backoff
        var up = await DispatchAsync(app);
        Assert.Equal(new OutboxRunResult(2, 1), up);
        var messages = await MessagesAsync(app, reference);
        Assert.Equal(2, messages.Count(m => m.SentAt is not null));
        var refused = Assert.Single(messages, m => m.SentAt is null);
        Assert.Equal("sofia.berg@rvn.example.se", refused.ToAddress);
        Assert.StartsWith(OutboxProcessor.RefusedPrefix, refused.LastError, StringComparison.Ordinal);

        // A week later nothing has gone out twice and the refused message has not been tried again.
        var attempts = refused.Attempts;
        for (var day = 0; day < 7; day++)
        {
            app.Clock.Advance(TimeSpan.FromDays(1));
            Assert.Equal(new OutboxRunResult(0, 0), await DispatchAsync(app));
        }
        Assert.Equal(2, smtp.Messages.Count);
        Assert.Equal(attempts, Assert.Single(await MessagesAsync(app, reference), m => m.SentAt is null).Attempts);

        // An admin sees the refused message and the server's answer in the office, and sends it again once the
        // address is known; an editor does not see the queue at all.
        var editor = await OfficeUsers.SignedInClientAsync(app, UU.Web.Features.Accounts.Roles.Editor);
        using (var denied = await editor.GetAsync("/office/utskick"))
        {
            Assert.NotEqual(System.Net.HttpStatusCode.OK, denied.StatusCode);
        }
        var admin = await OfficeUsers.SignedInClientAsync(app, UU.Web.Features.Accounts.Roles.Admin);
        var queue = await admin.GetDocumentAsync("/office/utskick");
        var row = Assert.Single(queue.QuerySelectorAll("tbody tr"));
        Assert.Contains("sofia.berg@rvn.example.se", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Försöks inte igen", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(OutboxProcessor.RefusedPrefix, row.TextContent, StringComparison.Ordinal);
        Assert.Contains(refused.LastError![OutboxProcessor.RefusedPrefix.Length..], row.TextContent, StringComparison.Ordinal);
        smtp.RefusedRecipient = null;
        using (var retried = await OfficeUsers.PostFormAsync(admin, "/office/utskick", "Retry", new() { ["id"] = refused.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, retried.StatusCode);
        }
        Assert.Equal(new OutboxRunResult(1, 0), await DispatchAsync(app));
        Assert.Equal(3, smtp.Messages.Count);
        Assert.Empty((await admin.GetDocumentAsync("/office/utskick")).QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task WithoutSmtp_MessagesAreWrittenAsEmlFiles()
    {
        await using var app = new UuWebFactory(Provider.Sqlite);
        var reference = await SubmitAsync(app);
        var result = await DispatchAsync(app);
        Assert.Equal(3, result.Sent);
        var files = Directory.GetFiles(Path.Combine(app.DataPath, "mail"), "*.eml");
        Assert.Equal(3, files.Length);
        Assert.All(files, f => Assert.Contains(reference, File.ReadAllText(f), StringComparison.Ordinal));
    }
}
