using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using UU.Web.Data;
using UU.Web.Features.Accounts;

namespace UU.Web.Features.Cli;

/// <summary>
/// Verbs of the same program: <c>dotnet run --project src/UU.Web -- VERB ...</c>. Configuration tokens
/// (<c>--Section:Key=value</c>, <c>--Section:Key value</c>, <c>--urls</c>, <c>--environment</c>, <c>--contentRoot</c>)
/// go to the host and may stand anywhere; the rest is the verb and its arguments. Without a verb the site starts.
/// </summary>
public static class CommandLine
{
    public const int Ok = 0;
    public const int FailingSource = 1;
    public const int InvalidInput = 2;

    // The host's own settings (WebApplicationFactory passes applicationName, environment and contentRoot too).
    private static readonly string[] HostOptions = ["urls", "environment", "contentRoot", "applicationName", "webroot"];
    private static readonly string[] VerbOptions = ["verbose", "help", "version"];

    /// <summary>The tokens for the host's configuration: all of them when no verb is given.</summary>
    public static string[] HostArguments(IReadOnlyList<string> args) => [.. Split(args).Host];

    /// <summary>Whether anything other than configuration is on the command line: then it is a verb, known or not.</summary>
    public static bool IsVerb(IReadOnlyList<string> args) => Split(args).Verb.Count > 0;

    public static bool IsVerbose(IReadOnlyList<string> args) =>
        Split(args).Verb.TakeWhile(t => t != "--").Any(t => t is "--verbose" or "-v");

    /// <summary>Parses the verb and runs it (migrating the database first); returns the process's exit code.</summary>
    /// <param name="output">Where results go; standard output (with progress on a terminal) when null.</param>
    /// <param name="error">Where problems go; standard error when null.</param>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter? output = null, TextWriter? error = null)
    {
        var console = output is null && error is null ? CliConsole.ForProcess() : new CliConsole(output ?? TextWriter.Null, error ?? TextWriter.Null, interactive: false);
        var root = Verbs(services, console);
        var tokens = Split(args).Verb;
        var parsed = root.Parse(tokens);
        if (parsed.Errors.Count > 0)
        {
            await ReportAsync(console, root, parsed);
            return InvalidInput;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false });
    }

    private static RootCommand Verbs(IServiceProvider services, CliConsole console)
    {
        var root = new RootCommand("""
            UU, the site for commissioned education. Without a verb it starts the web server.
            Configuration may be given with any verb: --Section:Key=value or --Section:Key value (for example
            --Storage:DataPath=/srv/uu --Database:Provider=Postgres), and --urls, --environment, --contentRoot.
            Exit codes: 0 done, 1 a source is failing, 2 invalid input (an argument, a verb, a file).
            """);
        root.Options.Add(new Option<bool>("--verbose", "-v") { Description = "Show the framework's log (EF Core, hosting, Quartz) below Warning too.", Recursive = true });

        var reindex = new Command("reindex", "Rebuild the search index from the database; a running site (and every node) rebuilds from the journal.");
        reindex.SetAction((_, ct) => RunVerbAsync<ReindexVerb>(services, (verb, c) => verb.RunAsync(console, c), ct));
        root.Subcommands.Add(reindex);

        var email = new Argument<string>("EMAIL") { Description = "The user's email address." };
        var role = new Argument<string>("ROLE") { Description = $"One of {string.Join(", ", Roles.All)}." };
        var faculty = new Option<string?>("--faculty") { Description = "For a FacultyOffice user: the faculty (its Swedish or English name) whose cases and agreements they read." };
        var createUser = new Command("create-user", "Add an office user and print a temporary password once.") { email, role, faculty };
        createUser.SetAction((p, ct) => RunVerbAsync<CreateUserVerb>(services, (verb, c) => verb.RunAsync(console, p.GetRequiredValue(email), p.GetRequiredValue(role), p.GetValue(faculty), c), ct));
        root.Subcommands.Add(createUser);

        var tokenEmail = new Argument<string>("EMAIL") { Description = "The email of an existing user." };
        var tokenName = new Argument<string?>("NAME") { Description = $"What the token is for (default '{CreateTokenVerb.DefaultName}').", Arity = ArgumentArity.ZeroOrOne };
        var createToken = new Command("create-token", "Print a personal API token (send it as 'Authorization: Bearer ...'); it carries the user's roles.") { tokenEmail, tokenName };
        createToken.SetAction((p, ct) => RunVerbAsync<CreateTokenVerb>(services, (verb, c) => verb.RunAsync(console, p.GetRequiredValue(tokenEmail), p.GetValue(tokenName), c), ct));
        root.Subcommands.Add(createToken);

        var source = new Argument<string?>("SOURCE") { Description = "One source (Ted, KommersAnnons, EAvrop, JobTech, Skolverket or a web list); default every enabled one.", Arity = ArgumentArity.ZeroOrOne };
        var scrape = new Command("scrape", "Run one source, or every enabled one, once; exit code 1 when a source is failing.") { source };
        scrape.SetAction((p, ct) => RunVerbAsync<ScrapeVerb>(services, (verb, c) => verb.RunAsync(console, p.GetValue(source), c), ct));
        root.Subcommands.Add(scrape);

        var replayed = new Argument<string>("SOURCE") { Description = "The source whose kept snapshots to read again." };
        var day = new Argument<DateOnly?>("YYYY-MM-DD")
        {
            Description = "The day (UTC) whose snapshots to read; default the latest day kept.",
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
                if (text is null)
                {
                    return null;
                }
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    return parsed;
                }
                result.AddError($"YYYY-MM-DD: '{text}' is not a day; write it as 2026-03-16.");
                return null;
            },
        };
        var rescrape = new Command("rescrape", "Read a source's kept snapshots again with today's parsers (no network) and update the leads; exit code 1 when nothing was kept that day.") { replayed, day };
        rescrape.SetAction((p, ct) => RunVerbAsync<RescrapeVerb>(services, (verb, c) => verb.RunAsync(console, p.GetRequiredValue(replayed), p.GetValue(day), c), ct));
        root.Subcommands.Add(rescrape);

        var file = new Argument<string>("FILE") { Description = "A JSON array, or CSV with the columns code,title,titleEn,credits,level,subject,description (comma or semicolon)." };
        var import = new Command("import-courses", "Upsert regular courses by course code; if any row is bad nothing is imported and every problem is printed.") { file };
        import.SetAction((p, ct) => RunVerbAsync<ImportCoursesVerb>(services, (verb, c) => verb.RunAsync(console, p.GetRequiredValue(file), c), ct));
        root.Subcommands.Add(import);

        var archive = new Argument<string>("PATH") { Description = "The archive, a .tar.gz file." };
        var backup = new Command("backup", "Write the database (a consistent copy while the site runs; pg_dump for PostgreSQL) and the storage folder (media, documents, snapshots) to one archive.") { archive };
        backup.SetAction((p, ct) => RunVerbAsync<BackupVerb>(services, (verb, c) => verb.RunAsync(console, p.GetRequiredValue(archive), c), ct));
        root.Subcommands.Add(backup);

        var restored = new Argument<string>("PATH") { Description = "An archive written by backup." };
        var force = new Option<bool>("--force") { Description = "Replace the data folder's files and the database even when they are not empty." };
        var restore = new Command("restore", "Put a backup's database and storage folder into this configuration's empty data folder and database (pg_restore for PostgreSQL).") { restored, force };
        // Before any migration: the target must stay as empty as it was found.
        restore.SetAction(async (p, ct) =>
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<RestoreVerb>().RunAsync(console, p.GetRequiredValue(restored), p.GetValue(force), ct);
        });
        root.Subcommands.Add(restore);

        return root;
    }

    /// <summary>The same start-up work as the site first (the database is created or migrated, and seeded when empty), then the verb in a scope.</summary>
    private static async Task<int> RunVerbAsync<TVerb>(IServiceProvider services, Func<TVerb, CancellationToken, Task<int>> run, CancellationToken cancellationToken)
        where TVerb : notnull
    {
        await services.GetRequiredService<DatabaseInitializer>().StartAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<TVerb>(), cancellationToken);
    }

    /// <summary>Says what is wrong in words that name the verb or the argument, and where the help is.</summary>
    private static async Task ReportAsync(CliConsole console, RootCommand root, ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        if (command == root)
        {
            var first = parsed.Tokens.FirstOrDefault(t => t.Type != TokenType.Option && !t.Value.StartsWith('-'));
            await console.ErrorLineAsync(first is null
                ? "No verb was given."
                : $"unknown verb '{first.Value}'.");
            await console.ErrorLineAsync($"The verbs are: {string.Join(", ", root.Subcommands.Select(c => c.Name))}. Run with --help for what each does.");
            return;
        }
        var missing = command.Arguments.Where(a => a.Arity.MinimumNumberOfValues > 0 && parsed.GetResult(a) is not ArgumentResult { Tokens.Count: > 0 }).ToList();
        foreach (var argument in missing)
        {
            await console.ErrorLineAsync($"{command.Name}: the argument {argument.Name} is missing ({argument.Description})");
        }
        foreach (var error in parsed.Errors.Where(e => !(missing.Count > 0 && e.SymbolResult is ArgumentResult or CommandResult && e.Message.Contains("Required argument", StringComparison.Ordinal))))
        {
            await console.ErrorLineAsync($"{command.Name}: {error.Message}");
        }
        await console.ErrorLineAsync($"usage: {Usage(command)}   (run '{command.Name} --help' for more)");
    }

    private static string Usage(Command command) =>
        string.Join(' ', [command.Name, .. command.Arguments.Select(a => a.Arity.MinimumNumberOfValues > 0 ? a.Name : $"[{a.Name}]")]);

    /// <summary>Sorts the tokens into the host's configuration and the verb's own, as the host reads them.</summary>
    private static (List<string> Host, List<string> Verb) Split(IReadOnlyList<string> args)
    {
        var host = new List<string>();
        var verb = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            {
                verb.Add(token);
                continue;
            }
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? token[2..] : token[2..equals];
            // --Key=value is always configuration (WebApplicationFactory passes its settings that way), except for
            // the verbs' own options; the two-token form only for section keys and the host's settings.
            var configuration = equals >= 0
                ? !VerbOptions.Contains(name, StringComparer.OrdinalIgnoreCase)
                : name.Contains(':', StringComparison.Ordinal) || HostOptions.Contains(name, StringComparer.OrdinalIgnoreCase);
            if (!configuration)
            {
                verb.Add(token);
                continue;
            }
            host.Add(token);
            if (equals < 0 && i + 1 < args.Count)
            {
                // The two-token form --Section:Key value: the host takes the next token as the value, whatever it is.
                host.Add(args[++i]);
            }
        }
        return (host, verb);
    }
}
