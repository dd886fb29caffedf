using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UU.Search.Analysis;
using UU.Search.Indexing;

namespace UU.Search.Tests.Analysis;

/// <summary>Stems, compound parts and translations from Debian's hunspell-sv and dict-freedict-eng-swe (test.sh installs both).</summary>
public sealed class LinguisticsTests
{
    private static async Task<TestIndex> IndexOfAsync(params SearchDocument[] documents) => await new TestIndex().FillAsync(documents);

    [Fact]
    public void DebianDictionaries_AreInstalledWhereTheEngineReadsThem()
    {
        Assert.True(File.Exists(Linguistics.DefaultHunspellPath + ".dic"), "hunspell-sv is missing: run test.sh as root or apt-get install hunspell-sv");
        Assert.True(File.Exists(Linguistics.DefaultFreedictPath + ".index"), "dict-freedict-eng-swe is missing: apt-get install dict-freedict-eng-swe");
    }

    [Fact]
    public async Task Search_FindsIrregularFormsThroughTheDictionary()
    {
        using var index = await IndexOfAsync(TestIndex.Module(1, "Läsa en bok med barnen", "Högläsning i förskolan.", "svenska"));
        Assert.Contains("Läsa en bok med barnen", index.Titles("böcker")); // no suffix rule turns böcker into bok
        Assert.Contains("Läsa en bok med barnen", index.Titles("barn"));
    }

    [Fact]
    public async Task Search_SplitsCompoundsTheCuratedListDoesNotKnow()
    {
        using var index = await IndexOfAsync(TestIndex.Module(1, "Klimatanpassningsarbete i kommunen", "Översvämningar och värmeböljor.", "miljo"));
        Assert.Contains("Klimatanpassningsarbete i kommunen", index.Titles("klimatanpassning"));
        Assert.Contains("Klimatanpassningsarbete i kommunen", index.Titles("anpassning klimat"));
    }

    [Fact]
    public async Task Search_TranslatesEnglishQueryWordsToSwedish()
    {
        using var index = await IndexOfAsync(
            TestIndex.Module(1, "Skogens ekologi", "Om skogsbruk och biologisk mångfald.", "biologi"),
            TestIndex.Module(2, "Musikens historia", "Från medeltid till nutid.", "musik"));
        Assert.Equal(["Skogens ekologi"], index.Titles("forest"));
        Assert.Equal("Musikens historia", index.Titles("music history")[0]);
    }

    [Fact]
    public async Task WithoutTheDictionaryFiles_SearchStillWorks_AndSaysWhatIsMissing()
    {
        var logger = new ListLogger();
        var path = Path.Combine(Path.GetTempPath(), "uu-search-tests", Guid.NewGuid().ToString("N"));
        using (var index = new SearchIndex(Options.Create(new SearchOptions
        {
            IndexPath = path,
            HunspellPath = "/nonexistent/sv_SE",
            FreedictPath = "/nonexistent/freedict-eng-swe",
        }), logger))
        {
            await index.UpsertAsync([TestIndex.Module(1, "Förskolepedagogik i praktiken", "Lek och lärande i förskolan.", "pedagogik")], null, CancellationToken.None);
            index.RefreshNow();
            Assert.Equal(1, index.Search(new SearchRequest { Query = "förskolan" }).Total);
            Assert.Equal(1, index.Search(new SearchRequest { Query = "pedagogik" }).Total); // the curated compound list still splits
        }
        Directory.Delete(path, recursive: true);
        Assert.Contains(logger.Warnings, w => w.Contains("hunspell-sv", StringComparison.Ordinal) && w.Contains("/nonexistent/sv_SE.aff", StringComparison.Ordinal));
        Assert.Contains(logger.Warnings, w => w.Contains("dict-freedict-eng-swe", StringComparison.Ordinal));
    }

    private sealed class ListLogger : ILogger<SearchIndex>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
