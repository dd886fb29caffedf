using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UU.Search.Analysis;
using UU.Search.Indexing;

namespace UU.Search.Tests;

public sealed class DictionaryLoadingTests
{
    private sealed class HeldLoader(IOptions<SearchOptions> options) : ILinguisticsLoader
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _release.TrySetResult();

        public async Task<Linguistics> LoadAsync(CancellationToken cancellationToken)
        {
            await _release.Task.WaitAsync(cancellationToken);
            return await new LinguisticsLoader(options, NullLogger.Instance).LoadAsync(cancellationToken);
        }
    }

    [Fact]
    public async Task Index_OpensAndCountsBeforeTheDictionariesLoad_AndRanksAsTheDirectlyLoadedIndexOnceTheyAre()
    {
        var path = Path.Combine(Path.GetTempPath(), "uu-search-tests", Guid.NewGuid().ToString("N"));
        var options = Options.Create(new SearchOptions { IndexPath = path });
        var loader = new HeldLoader(options);
        using var reference = await new TestIndex().FillAsync();
        using (var held = new SearchIndex(options, loader, NullLogger<SearchIndex>.Instance))
        {
            // The index answers what health asks while the dictionaries are still loading.
            Assert.Equal(0, held.DocumentCount);
            Assert.True(held.NeedsRebuild);
            Assert.False(held.IsLinguisticsLoaded);
            var filling = held.UpsertAsync(TestIndex.Catalogue, null, CancellationToken.None);
            Assert.False(filling.IsCompleted); // a write waits for the full analysis rather than indexing without it

            loader.Release();
            await filling;
            held.RefreshNow();
            Assert.True(held.IsLinguisticsLoaded);
            foreach (var query in new[] { "förskola", "arbetsmiljö", "demens", "skolan", "ledarskap förskolan", "preschool" })
            {
                var expected = reference.Index.Search(new SearchRequest { Query = query, PageSize = 20 }).Hits.Select(h => (h.Slug, h.Score));
                var actual = held.Search(new SearchRequest { Query = query, PageSize = 20 }).Hits.Select(h => (h.Slug, h.Score));
                Assert.Equal(expected, actual);
            }
            Assert.NotEmpty(held.Search(new SearchRequest { Query = "demens" }).Hits);
        }
        Directory.Delete(path, recursive: true);
    }
}
