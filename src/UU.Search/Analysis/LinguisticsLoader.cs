using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UU.Search.Indexing;

namespace UU.Search.Analysis;

/// <summary>
/// Reads the language resources for an index. The index starts without waiting for it: opening the index, the
/// refresh loop and health answer at once, while the first search or write waits until the dictionaries are in.
/// </summary>
public interface ILinguisticsLoader
{
    Task<Linguistics> LoadAsync(CancellationToken cancellationToken);
}

/// <summary>Reads hunspell-sv and FreeDict from the paths in <see cref="SearchOptions"/>, off the caller's thread.</summary>
public sealed class LinguisticsLoader(IOptions<SearchOptions> options, ILogger logger) : ILinguisticsLoader
{
    public Task<Linguistics> LoadAsync(CancellationToken cancellationToken) =>
        Task.Run(() => Linguistics.Load(options.Value.HunspellPath, options.Value.FreedictPath, logger), cancellationToken);
}

/// <summary>The DI form of <see cref="LinguisticsLoader"/>, logging under the index's category.</summary>
internal sealed class HostedLinguisticsLoader(IOptions<SearchOptions> options, ILogger<SearchIndex> logger) : ILinguisticsLoader
{
    private readonly LinguisticsLoader _loader = new(options, logger);

    public Task<Linguistics> LoadAsync(CancellationToken cancellationToken) => _loader.LoadAsync(cancellationToken);
}
