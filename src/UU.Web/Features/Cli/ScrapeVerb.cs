using UU.Scrapers.Runs;

namespace UU.Web.Features.Cli;

/// <summary><c>scrape [SOURCE]</c>: runs one source, or every enabled source, once, and prints what each run did.</summary>
public sealed class ScrapeVerb(ScrapeRunner runner)
{
    public async Task<int> RunAsync(CliConsole console, string? source, CancellationToken cancellationToken)
    {
        var sources = await runner.SourcesAsync(cancellationToken);
        if (source is not null && !sources.Any(s => s.Name.Equals(source, StringComparison.OrdinalIgnoreCase)))
        {
            await console.ErrorLineAsync($"unknown source '{source}'; known: {string.Join(", ", sources.Select(s => s.Name))}");
            return CommandLine.InvalidInput;
        }
        var names = source is not null ? [source] : sources.Where(s => s.Runnable).Select(s => s.Name).ToList();
        if (names.Count == 0)
        {
            await console.WriteLineAsync("No source is enabled (Scrapers:Sources:<Name>:Enabled, or a web list under /office/leads/kallor).");
            return 0;
        }
        var (failing, newLeads, updatedLeads) = await console.WithProgressAsync($"Scraping {names[0]}", async progress =>
        {
            int failing = 0, newLeads = 0, updatedLeads = 0;
            for (var i = 0; i < names.Count; i++)
            {
                var name = names[i];
                progress.Report(names.Count == 1 ? $"Scraping {name}" : $"Scraping {name} ({i + 1} of {names.Count})");
                try
                {
                    var r = await runner.RunAsync(name, cancellationToken);
                    newLeads += r.New;
                    updatedLeads += r.Updated;
                    await console.WriteLineAsync($"{r.Source}: {r.Pages} pages ({r.Unchanged304} unchanged), {r.Seen} items, {r.NotEducation} not about education, {r.New} new, {r.Updated} updated, {r.Unchanged} unchanged, {r.Problems.Count} problems, {r.Duration.TotalSeconds:0.0} s");
                    if (r.Failing)
                    {
                        failing++;
                        await console.WriteLineAsync($"  FAILING: {r.FailingReason}");
                    }
                }
                catch (InvalidOperationException ex)
                {
                    failing++;
                    await console.ErrorLineAsync($"{name}: {ex.Message}");
                }
            }
            return (failing, newLeads, updatedLeads);
        });
        await console.WriteLineAsync($"Scraped {names.Count} source(s): {newLeads} new and {updatedLeads} updated lead(s), {failing} failing.");
        return failing == 0 ? 0 : CommandLine.FailingSource;
    }
}
