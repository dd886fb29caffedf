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
        await using var app = new UuWebFactory(Provider.Sqlite, new Dictionary<string, string?>
        {
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:SmtpStartTls"] = "false",
            ["Mail:SmtpTimeoutSeconds"] = "2",
        });
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
