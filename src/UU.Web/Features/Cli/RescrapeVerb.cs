using System.Globalization;
using UU.Scrapers.Runs;

namespace UU.Web.Features.Cli;

/// <summary>
/// <c>rescrape SOURCE [YYYY-MM-DD]</c>: reads a source's kept snapshots of one day again with today's parsers (no
/// network) and updates the leads.
/// </summary>
public sealed class RescrapeVerb(ScrapeRunner runner)
{
    public async Task<int> RunAsync(CliConsole console, string source, DateOnly? day, CancellationToken cancellationToken)
    {
        try
        {
            var report = await console.WithProgressAsync($"Reading the kept snapshots of {source} again", _ => runner.ReplayAsync(source, day, cancellationToken));
            if (report is not { } r)
            {
                await console.ErrorLineAsync($"{source}: no kept snapshots{(day is { } d ? " for " + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")}");
                return CommandLine.FailingSource;
            }
            await console.WriteLineAsync($"{r.Source} (from snapshots): {r.Pages - r.Unchanged304} pages read again, {r.Unchanged304} requests with no kept answer, {r.Seen} items, {r.NotEducation} not about education, {r.New} new, {r.Updated} updated, {r.Unchanged} unchanged, {r.Problems.Count} problems");
            foreach (var error in r.Errors)
            {
                await console.WriteLineAsync($"  ERROR: {error}");
            }
            return r.Errors.Count == 0 ? 0 : CommandLine.FailingSource;
        }
        catch (ArgumentException ex)
        {
            // An unknown source.
            await console.ErrorLineAsync(ex.Message);
            return CommandLine.InvalidInput;
        }
        catch (InvalidOperationException ex)
        {
            await console.ErrorLineAsync(ex.Message);
            return CommandLine.FailingSource;
        }
    }
}
