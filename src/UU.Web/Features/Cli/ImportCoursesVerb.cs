using UU.Web.Features.Catalogue;

namespace UU.Web.Features.Cli;

/// <summary><c>import-courses FILE</c>: upserts regular courses from a JSON array or a CSV file, all or nothing.</summary>
public sealed class ImportCoursesVerb(CourseImporter importer)
{
    public async Task<int> RunAsync(CliConsole console, string file, CancellationToken cancellationToken)
    {
        var result = await console.WithProgressAsync($"Importing {Path.GetFileName(file)}", progress => importer.ImportFileAsync(file, progress, cancellationToken));
        if (!result.Succeeded)
        {
            await console.ErrorLineAsync($"Nothing was imported: {result.Problems.Count} problem(s) in {file}:");
            foreach (var problem in result.Problems)
            {
                await console.ErrorLineAsync("  " + problem);
            }
            return CommandLine.InvalidInput;
        }
        await console.WriteLineAsync($"Imported {file}: {result.Created} new course(s), {result.Updated} updated, {result.SubjectsCreated} new subject(s).");
        return 0;
    }
}
