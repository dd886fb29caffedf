using Spectre.Console;

namespace UU.Web.Features.Cli;

/// <summary>
/// Where a verb writes: its results to <see cref="Out"/>, problems and notes to <see cref="Error"/>. A progress
/// display is shown only on a terminal, so that scripts and tests read plain lines.
/// </summary>
public sealed class CliConsole(TextWriter output, TextWriter error, bool interactive)
{
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>Whether standard output is a terminal that a progress display can redraw.</summary>
    public bool Interactive { get; } = interactive;

    public static CliConsole ForProcess() => new(Console.Out, Console.Error, !Console.IsOutputRedirected);

    // The console of the progress display while one is shown: lines written then go above it, not through it.
    private IAnsiConsole? _live;

    public Task WriteLineAsync(string line)
    {
        if (_live is { } live)
        {
            live.WriteLine(line);
            return Task.CompletedTask;
        }
        return Out.WriteLineAsync(line);
    }

    public Task ErrorLineAsync(string line) => Error.WriteLineAsync(line);

    /// <summary>
    /// Runs <paramref name="work"/> under a spinner with a status line that the work updates; on anything but a
    /// terminal the work just runs.
    /// </summary>
    public async Task<T> WithProgressAsync<T>(string status, Func<IProgress<string>, Task<T>> work)
    {
        if (!Interactive)
        {
            return await work(NoProgress.Instance);
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Out) });
        _live = console;
        try
        {
            return await console.Status().StartAsync(Markup.Escape(status), context => work(new StatusProgress(context)));
        }
        finally
        {
            _live = null;
        }
    }

    private sealed class NoProgress : IProgress<string>
    {
        public static readonly NoProgress Instance = new();

        public void Report(string value)
        {
            // Nothing shows progress off a terminal: the verb's summary line says what was done.
        }
    }

    /// <summary>Updates the status line in place (synchronously: <see cref="Progress{T}"/> would post it later).</summary>
    private sealed class StatusProgress(StatusContext context) : IProgress<string>
    {
        public void Report(string value) => context.Status(Markup.Escape(value));
    }
}
