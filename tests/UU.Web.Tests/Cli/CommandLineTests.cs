using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Cli;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Cli;

public abstract class CommandLineTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : UuWebFactory
{
    private static readonly string[] VerbNames = ["reindex", "create-user", "create-token", "scrape", "rescrape", "import-courses"];

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await CommandLine.RunAsync(app.Services, args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Help_ForTheProgram_ListsEveryVerbAndTheConfigurationForm()
    {
        var (exitCode, output, _) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        foreach (var verb in VerbNames)
        {
            Assert.Contains(verb, output, StringComparison.Ordinal);
        }
        Assert.Contains("--Storage:DataPath=/srv/uu", output, StringComparison.Ordinal);
        Assert.Contains("--verbose", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rescrape", "<SOURCE>", "<YYYY-MM-DD>")]
    [InlineData("create-user", "<EMAIL>", "<ROLE>")]
    [InlineData("import-courses", "<FILE>", "semicolon")]
    public async Task Help_ForAVerb_ListsItsArguments(string verb, string first, string second)
    {
        var (exitCode, output, _) = await RunAsync(verb, "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains(first, output, StringComparison.Ordinal);
        Assert.Contains(second, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownVerb_Exits2_NamingItAndListingTheVerbs()
    {
        var (exitCode, output, error) = await RunAsync("reimport");

        Assert.Equal(2, exitCode);
        Assert.Contains("unknown verb 'reimport'", error, StringComparison.Ordinal);
        Assert.Contains(string.Join(", ", VerbNames), error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("ROLE", "create-user", "someone@uu-demo.se")]
    [InlineData("SOURCE", "rescrape")]
    [InlineData("FILE", "import-courses")]
    [InlineData("EMAIL", "create-token")]
    public async Task AMissingArgument_Exits2_NamingIt(string argument, params string[] args)
    {
        var (exitCode, _, error) = await RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Contains($"the argument {argument} is missing", error, StringComparison.Ordinal);
        Assert.Contains("usage: " + args[0], error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadDayOrAnExtraArgument_Exits2_NamingIt()
    {
        var badDay = await RunAsync("rescrape", "KommersAnnons", "2026-13-01");
        var extra = await RunAsync("import-courses", "courses.csv", "more.csv");

        Assert.Equal(2, badDay.ExitCode);
        Assert.Contains("'2026-13-01' is not a day", badDay.Error, StringComparison.Ordinal);
        Assert.Equal(2, extra.ExitCode);
        Assert.Contains("'more.csv'", extra.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigurationTokens_AreNotTakenForVerbArguments()
    {
        var code = $"CF{Random.Shared.Next(100, 999)}G";
        var path = Path.Combine(app.DataPath, Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllTextAsync(path, $"code,title,credits,level,subject\n{code},Konfigurerad kurs,7.5,grund,Historia\n");

        // The host has read these already (see ProgramTests); the verb must not count them as its arguments.
        var (exitCode, output, error) = await RunAsync("import-courses", path, "--Seed:Demo=false", "--Database:Provider", app.Provider.ToString());

        Assert.True(exitCode == 0, error);
        Assert.Contains($"Imported {path}: 1 new course(s), 0 updated", output, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<UuDbContext>().Courses.AnyAsync(c => c.Code == code));
    }

    [Fact]
    public async Task EveryVerb_EndsWithASummaryLine()
    {
        var scrape = await RunAsync("scrape");
        var reindex = await RunAsync("reindex");

        Assert.Equal(0, scrape.ExitCode);
        Assert.Contains("No source is enabled", scrape.Output, StringComparison.Ordinal);
        Assert.Equal(0, reindex.ExitCode);
        Assert.Contains("Rebuilt the search index:", reindex.Output, StringComparison.Ordinal);
    }
}

public sealed class CommandLineTestsOnSqlite(SqliteApp app) : CommandLineTests<SqliteApp>(app);

public sealed class CommandLineTestsOnPostgres(PostgresApp app) : CommandLineTests<PostgresApp>(app);
