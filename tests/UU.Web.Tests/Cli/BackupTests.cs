using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using UU.Web.Data;
using UU.Web.Features.Cli;
using UU.Web.Features.Commissions;
using UU.Web.Features.Inquiries;
using UU.Web.Features.Leads;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Cli;

/// <summary>backup while the site runs, restore with the program into an empty data folder, and the site there has it all.</summary>
public abstract class BackupTests(Provider provider) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "uu-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a folder in the temp directory behind.
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunProgramAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "UU.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // A guard against a program that starts the web server instead of running the verb, not a timing assertion.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(guard.Token);
        return (process.ExitCode, await output, await error);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunVerbAsync(UuWebFactory app, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await CommandLine.RunAsync(app.Services, args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Backup_WhileTheSiteRuns_RestoresIntoAnEmptyDataFolder_WithEveryInquiryCaseLeadAndMediaFile()
    {
        Directory.CreateDirectory(_folder);
        await using var app = new UuWebFactory(provider);
        _ = app.Services; // the site is running
        string reference;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var inquiry = await scope.ServiceProvider.GetRequiredService<InquiryService>().SubmitAsync(new InquiryForm
            {
                OrganisationName = "Härnösands kommun",
                OrganisationNumber = "212000-2403",
                ContactName = "Maria Sjöberg",
                Email = "maria.sjoberg@harnosand.example.se",
                Description = "Vi vill fortbilda förskolans personal i språkutveckling.",
                Modules = ["specialpedagogik-for-larare"],
                Consent = true,
            }, "sv", CancellationToken.None);
            reference = inquiry.ReferenceNumber;
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            db.Set<CaseNote>().Add(new CaseNote { InquiryId = inquiry.Id, Text = "Ring tillbaka om upplägget.", At = app.Clock.GetUtcNow(), By = "samordnare@uu-demo.se" });
            db.Leads.Add(new Lead { Title = "Upphandling av handledning i lågaffektivt bemötande", Buyer = "Timrå kommun", CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }
        var media = app.Services.GetRequiredService<DataPaths>().Folder("media");
        await File.WriteAllBytesAsync(Path.Combine(media, "campus.png"), [137, 80, 78, 71, 1, 2, 3]);
        var archive = Path.Combine(_folder, "uu-backup.tar.gz");

        var backup = await RunVerbAsync(app, "backup", archive);

        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Contains("Backed up the " + provider, backup.Output, StringComparison.Ordinal);

        var restoredData = Path.Combine(_folder, "restored");
        var settings = new List<string> { "restore", archive, $"--Storage:DataPath={restoredData}", $"--Database:Provider={provider}" };
        string? restoredDatabase = null;
        if (provider == Provider.Postgres)
        {
            restoredDatabase = "uu_restored_" + Guid.NewGuid().ToString("N")[..12];
            settings.Add("--ConnectionStrings:UU=" + new NpgsqlConnectionStringBuilder(UuWebFactory.PostgresBase) { Database = restoredDatabase }.ConnectionString);
        }
        try
        {
            var restore = await RunProgramAsync([.. settings]);
            Assert.True(restore.ExitCode == 0, restore.Error + restore.Output);

            // A second restore into what is now full is refused unless --force.
            var again = await RunProgramAsync([.. settings]);
            Assert.Equal(CommandLine.InvalidInput, again.ExitCode);
            Assert.Contains("is not empty", again.Error, StringComparison.Ordinal);
            Assert.Contains("--force", again.Error, StringComparison.Ordinal);
            var forced = await RunProgramAsync([.. settings, "--force"]);
            Assert.True(forced.ExitCode == 0, forced.Error + forced.Output);

            var restoredSettings = new Dictionary<string, string?> { ["Storage:DataPath"] = restoredData };
            if (restoredDatabase is not null)
            {
                restoredSettings["ConnectionStrings:UU"] = settings[^1]["--ConnectionStrings:UU=".Length..];
            }
            await using var restored = new UuWebFactory(provider, restoredSettings);
            await using var check = restored.Services.CreateAsyncScope();
            var db = check.ServiceProvider.GetRequiredService<UuDbContext>();
            var inquiry = await db.Inquiries.SingleAsync(i => i.ReferenceNumber == reference);
            Assert.Equal("Härnösands kommun", inquiry.OrganisationName);
            Assert.Equal("Ring tillbaka om upplägget.", (await db.Set<CaseNote>().SingleAsync(n => n.InquiryId == inquiry.Id)).Text);
            Assert.True(await db.Leads.AnyAsync(l => l.Title == "Upphandling av handledning i lågaffektivt bemötande"));
            Assert.Equal([137, 80, 78, 71, 1, 2, 3], await File.ReadAllBytesAsync(Path.Combine(restoredData, "media", "campus.png")));
        }
        finally
        {
            if (restoredDatabase is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var connection = new NpgsqlConnection(UuWebFactory.PostgresBase);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{restoredDatabase}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    [Fact]
    public async Task Restore_OfAFileThatIsNoArchive_SaysSo()
    {
        Directory.CreateDirectory(_folder);
        var bogus = Path.Combine(_folder, "not-a-backup.tar.gz");
        await File.WriteAllTextAsync(bogus, "det här är ingen säkerhetskopia");

        var (exitCode, _, error) = await RunProgramAsync("restore", bogus, $"--Storage:DataPath={Path.Combine(_folder, "empty")}", "--Database:Provider=Sqlite");

        Assert.Equal(CommandLine.InvalidInput, exitCode);
        Assert.Contains("is not a UU backup archive", error, StringComparison.Ordinal);
    }
}

public sealed class BackupTestsOnSqlite() : BackupTests(Provider.Sqlite);

public sealed class BackupTestsOnPostgres() : BackupTests(Provider.Postgres);
