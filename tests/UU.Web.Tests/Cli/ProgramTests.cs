using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace UU.Web.Tests.Cli;

/// <summary>The program as it is started: its own process, the arguments as a shell passes them.</summary>
public sealed class ProgramTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "uu-tests", Guid.NewGuid().ToString("N"));

    public ProgramTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
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
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
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
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"'{string.Join(' ', args)}' did not end; it printed: {await output}");
        }
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task ImportCourses_WithTheDataPathOnTheCommandLine_ImportsIntoThatFoldersDatabase()
    {
        var data = Path.Combine(_folder, "srv-uu");
        var file = Path.Combine(_folder, "kurser.csv");
        await File.WriteAllTextAsync(file, "code;title;credits;level;subject\nKP101G;Kommunal planering;7,5;grund;Kulturgeografi\n");

        var (exitCode, output, error) = await RunProgramAsync("import-courses", file, $"--Storage:DataPath={data}", "--Database:Provider", "Sqlite", "--Seed:Demo=false");

        Assert.True(exitCode == 0, error);
        Assert.Contains("1 new course(s)", output, StringComparison.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "uu.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT TitleSv FROM Courses WHERE Code = 'KP101G'";
        Assert.Equal("Kommunal planering", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AnUnknownVerb_ExitsWith2_InsteadOfStartingTheSite()
    {
        var (exitCode, _, error) = await RunProgramAsync("reimport", $"--Storage:DataPath={_folder}");

        Assert.Equal(2, exitCode);
        Assert.Contains("unknown verb 'reimport'", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "uu.db"))); // nothing was started, not even the database
    }
}
