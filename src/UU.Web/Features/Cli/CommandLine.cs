using System.Diagnostics;
using UU.Web.Data;
using Microsoft.AspNetCore.Identity;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Office;
using UU.Web.Features.Search;
using UU.Web.Features.Accounts;
using UU.Web.Features.Accounts.Office;
using UU.Web.Features.Audit;

namespace UU.Web.Features.Cli;

/// <summary>Verbs of the same program: <c>dotnet run --project src/UU.Web -- VERB ...</c>.</summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["import-courses", "reindex", "create-user", "create-token", "scrape", "rescrape"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

        // The same start-up work as the site: the database is created or migrated (and seeded when empty) first.
        var initializer = services.GetRequiredService<DatabaseInitializer>();
        await initializer.StartAsync(cancel.Token);

        await using var scope = services.CreateAsyncScope();
        switch (args[0].ToLowerInvariant())
        {
            case "import-courses":
                if (args.Length != 2)
                {
                    await Console.Error.WriteLineAsync("usage: import-courses FILE   (a JSON array, or CSV with code,title,titleEn,credits,level,subject,description)");
                    return 64;
                }
                var result = await scope.ServiceProvider.GetRequiredService<CourseImporter>().ImportFileAsync(args[1], cancel.Token);
                if (!result.Succeeded)
                {
                    await Console.Error.WriteLineAsync($"Nothing was imported: {result.Problems.Count} problem(s) in {args[1]}:");
                    foreach (var problem in result.Problems)
                    {
                        await Console.Error.WriteLineAsync("  " + problem);
                    }
                    return 2;
                }
                Console.WriteLine($"Imported {args[1]}: {result.Created} new course(s), {result.Updated} updated, {result.SubjectsCreated} new subject(s).");
                return 0;
            case "reindex":
                return await ReindexAsync(scope.ServiceProvider, cancel.Token);
            case "scrape":
                return await ScrapeAsync(scope.ServiceProvider, args, cancel.Token);
            case "rescrape":
                return await RescrapeAsync(scope.ServiceProvider, args, cancel.Token);
            case "create-user":
                return await CreateUserAsync(scope.ServiceProvider, args);
            case "create-token":
                return await CreateTokenAsync(scope.ServiceProvider, args, cancel.Token);
            default:
                await Console.Error.WriteLineAsync($"unknown verb '{args[0]}'");
                return 64;
        }
    }

    /// <summary>
    /// Asks every node to rebuild its index from the database (a journal entry), and rebuilds this node's index
    /// at once when no running site holds it. Searches keep answering from the old index during a rebuild.
    /// </summary>
    private static async Task<int> ReindexAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<UuDbContext>();
        db.IndexChanges.Add(new IndexChange { EntityType = "all", CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        IndexSynchronizer synchronizer;
        try
        {
            synchronizer = services.GetRequiredService<IndexSynchronizer>();
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("locked", StringComparison.Ordinal))
        {
            Console.WriteLine("The index is in use by a running site; it (and every other node) rebuilds from the database within a second.");
            return 0;
        }
        var watch = Stopwatch.StartNew();
        var count = await synchronizer.RebuildAsync(cancellationToken);
        Console.WriteLine($"Rebuilt the search index: {count} documents in {watch.Elapsed.TotalSeconds:0.0} s. Other nodes rebuild from the journal.");
        return 0;
    }

    private static async Task<int> CreateUserAsync(IServiceProvider services, string[] args)
    {
        if (args.Length != 3)
        {
            await Console.Error.WriteLineAsync($"usage: create-user EMAIL ROLE   (ROLE is one of {string.Join(", ", Roles.All)})");
            return 64;
        }
        var users = services.GetRequiredService<UserManager<UuUser>>();
        var role = Roles.All.FirstOrDefault(r => r.Equals(args[2], StringComparison.OrdinalIgnoreCase));
        var (user, password, errors) = await UserAccounts.CreateAsync(users, services.GetRequiredService<TimeProvider>(), args[1], role);
        if (user is null)
        {
            var texts = services.GetRequiredService<Localization.Texts>();
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync(error.StartsWith("office.", StringComparison.Ordinal) ? texts[error] : error);
            }
            return 2;
        }
        await services.GetRequiredService<AuditTrail>().RecordAsync("user-created", "user", user.Id, $"{user.Email} as {role} (command line)", email: "cli");
        Console.WriteLine($"Created {user.Email} with the role {role}.");
        Console.WriteLine($"Temporary password (shown once; the user changes it under /office/konto): {password}");
        return 0;
    }

    private static async Task<int> CreateTokenAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        if (args.Length is < 2 or > 3)
        {
            await Console.Error.WriteLineAsync("usage: create-token EMAIL [NAME]");
            return 64;
        }
        var user = await services.GetRequiredService<UserManager<UuUser>>().FindByEmailAsync(args[1]);
        if (user is null)
        {
            await Console.Error.WriteLineAsync($"No user with the email {args[1]}; create one with create-user first.");
            return 2;
        }
        var (token, secret) = await services.GetRequiredService<ApiTokens>().CreateAsync(user, args.Length == 3 ? args[2] : "command line", cancellationToken);
        await services.GetRequiredService<AuditTrail>().RecordAsync("token-created", "token", token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), token.Name + " (command line)", user: user, cancellationToken: cancellationToken);
        Console.WriteLine(secret);
        await Console.Error.WriteLineAsync($"Token for {user.Email}: send it as 'Authorization: Bearer <token>'. It is shown once; revoke it under /office/konto.");
        return 0;
    }

    /// <summary>Reads a source's kept snapshots of one day again with today's parsers (no network) and updates the leads.</summary>
    private static async Task<int> RescrapeAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        DateOnly? day = null;
        if (args.Length == 3 && DateOnly.TryParseExact(args[2], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
        {
            day = parsed;
        }
        else if (args.Length != 2)
        {
            await Console.Error.WriteLineAsync("usage: rescrape SOURCE [YYYY-MM-DD]   (the day, UTC, whose kept snapshots to read again; default the latest)");
            return 64;
        }
        var runner = services.GetRequiredService<UU.Scrapers.Runs.ScrapeRunner>();
        try
        {
            if (await runner.ReplayAsync(args[1], day, cancellationToken) is not { } r)
            {
                await Console.Error.WriteLineAsync($"{args[1]}: no kept snapshots{(day is { } d ? " for " + d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "")}");
                return 1;
            }
            Console.WriteLine($"{r.Source} (from snapshots): {r.Pages - r.Unchanged304} pages read again, {r.Unchanged304} requests with no kept answer, {r.Seen} items, {r.NotEducation} not about education, {r.New} new, {r.Updated} updated, {r.Unchanged} unchanged, {r.Problems.Count} problems");
            foreach (var error in r.Errors)
            {
                Console.WriteLine($"  ERROR: {error}");
            }
            return r.Errors.Count == 0 ? 0 : 1;
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 64;
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    /// <summary>Runs one source, or every enabled source, once, and prints what each run did.</summary>
    private static async Task<int> ScrapeAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        var runner = services.GetRequiredService<UU.Scrapers.Runs.ScrapeRunner>();
        var sources = await runner.SourcesAsync(cancellationToken);
        var names = args.Length > 1 ? [args[1]] : sources.Where(s => s.Runnable).Select(s => s.Name).ToList();
        if (args.Length > 1 && !sources.Any(s => s.Name.Equals(args[1], StringComparison.OrdinalIgnoreCase)))
        {
            await Console.Error.WriteLineAsync($"unknown source '{args[1]}'; known: {string.Join(", ", sources.Select(s => s.Name))}");
            return 64;
        }
        if (names.Count == 0)
        {
            Console.WriteLine("No source is enabled (Scrapers:Sources:<Name>:Enabled, or a web list under /office/leads/kallor).");
            return 0;
        }
        var failing = 0;
        foreach (var name in names)
        {
            try
            {
                var r = await runner.RunAsync(name, cancellationToken);
                Console.WriteLine($"{r.Source}: {r.Pages} pages ({r.Unchanged304} unchanged), {r.Seen} items, {r.NotEducation} not about education, {r.New} new, {r.Updated} updated, {r.Unchanged} unchanged, {r.Problems.Count} problems, {r.Duration.TotalSeconds:0.0} s");
                if (r.Failing)
                {
                    failing++;
                    Console.WriteLine($"  FAILING: {r.FailingReason}");
                }
            }
            catch (InvalidOperationException ex)
            {
                failing++;
                await Console.Error.WriteLineAsync($"{name}: {ex.Message}");
            }
        }
        return failing == 0 ? 0 : 1;
    }
}
