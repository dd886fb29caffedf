using UU.Search.Analysis;

namespace UU.Search.Tests;

public sealed class SwedishMatchingTests : IAsyncLifetime, IDisposable
{
    private readonly TestIndex _index = new();

    public async Task InitializeAsync() => await _index.FillAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _index.Dispose();

    [Fact]
    public void Analyzer_KeepsTheWordAndItsStemAndDropsStopWords()
    {
        using var analyzers = new Analyzers(WordLists.Load());
        var tokens = Analyzers.Tokens(analyzers.SwedishQuery, Fields.Text, "Skolorna och skolan");
        Assert.Contains("skolorna", tokens);
        Assert.Contains("skolan", tokens);
        Assert.DoesNotContain("och", tokens);
        string Stem(string word) => Analyzers.Tokens(analyzers.SwedishQuery, Fields.Text, word).Last();
        foreach (var form in (string[])["skolor", "skolan", "skolorna", "skolans"])
        {
            Assert.Equal(Stem("skola"), Stem(form));
        }
    }

    [Fact]
    public void Analyzer_SplitsCompoundsIntoBaseWords()
    {
        using var analyzers = new Analyzers(WordLists.Load());
        var tokens = Analyzers.Tokens(analyzers.SwedishIndex, Fields.Text, "arbetsmiljöutbildning förskolepedagogik");
        Assert.Contains("arbetsmiljöutbildning", tokens);
        Assert.Contains("arbetsmiljö", tokens);
        Assert.Contains("utbildning", tokens);
        Assert.Contains("arbete", tokens); // the joint form "arbets" becomes its base word
        Assert.Contains("förskola", tokens);
        Assert.Contains("pedagogik", tokens);
    }

    [Fact]
    public void Search_FindsInflectedForms()
    {
        Assert.Contains("Skolor i förändring", _index.Titles("skola"));
        Assert.Contains("Skolor i förändring", _index.Titles("skolan"));
    }

    [Fact]
    public void Search_FindsCompoundWordByItsParts()
    {
        Assert.Equal("Förskolepedagogik i praktiken", _index.Titles("pedagogik förskola")[0]);
        Assert.Contains("Arbetsmiljöutbildning för chefer", _index.Titles("arbetsmiljö"));
        Assert.Contains("Arbetsmiljöutbildning för chefer", _index.Titles("utbildning arbetsmiljö"));
    }

    [Fact]
    public void Search_FindsTextWithoutSwedishLetters_RankedBelowExact()
    {
        Assert.Contains("Förskolepedagogik i praktiken", _index.Titles("forskola"));
        Assert.Contains("Demensvård och bemötande", _index.Titles("demensvard"));
        var exact = _index.Index.Search(new SearchRequest { Query = "förskola" }).Hits[0];
        var folded = _index.Index.Search(new SearchRequest { Query = "forskola" }).Hits.First(h => h.Id == exact.Id);
        Assert.True(exact.Score > folded.Score);
    }

    [Fact]
    public void Search_FindsSynonyms_RankedBelowTheWordItself()
    {
        var titles = _index.Titles("chefskap");
        Assert.Contains("Ledarskap för förskolechefer", titles);
        Assert.Contains("Digitalisering i skolan", _index.Titles("IT"));
    }

    [Fact]
    public void Search_ToleratesTypos_AfterTheUsualRule()
    {
        Assert.Equal("Specialpedagogik för lärare", _index.Titles("spesialpedagogik")[0]); // 16 letters: two edits allowed
        Assert.Contains("Demensvård och bemötande", _index.Titles("demensvåd")); // 9 letters
        Assert.Empty(_index.Titles("lek2")); // short words are exact
    }

    [Fact]
    public void Search_UsesEnglishFields()
    {
        Assert.Equal("English for Teachers", _index.Titles("English for teachers", english: true)[0]);
        Assert.Equal("Engelska för lärare", _index.Titles("English for teachers")[0]);
    }

    [Fact]
    public void Search_FindsACourseByItsCode()
    {
        var hit = _index.Index.Search(new SearchRequest { Query = "pe031g" }).Hits[0];
        Assert.Equal(("course", "PE031G"), (hit.Type, hit.Code));
    }

    [Fact]
    public void Search_SaysDidYouMeanWhenNothingMatches()
    {
        // Fuzzy matching keeps the first letter, so a typo there finds nothing and gets a suggestion instead.
        var result = _index.Index.Search(new SearchRequest { Query = "femensvård" });
        Assert.Equal(0, result.Total);
        Assert.Equal("demensvård", result.DidYouMean);
        var none = _index.Index.Search(new SearchRequest { Query = "zzzzzzzzzzzz" });
        Assert.Equal(0, none.Total);
        Assert.Null(none.DidYouMean);
    }

    [Theory]
    [InlineData("\"unbalanced quote")]
    [InlineData("(brackets] {and} [more")]
    [InlineData("*")]
    [InlineData("~~~ ::: AND OR NOT +-!^")]
    [InlineData("title:hack OR text:*")]
    [InlineData("\u0000\u0001\u001b[31m")]
    [InlineData("\ud800 lone surrogate")]
    [InlineData("")]
    [InlineData("   ")]
    public void HostileInput_NeverBreaksAQuery(string query)
    {
        var result = _index.Index.Search(new SearchRequest { Query = query, FacetNames = ["subject"] });
        Assert.True(result.Total >= 0);
        Assert.NotNull(_index.Index.Suggest(query, english: false));
    }

    [Fact]
    public void VeryLongInput_IsCutAndStillAnswered()
    {
        var result = _index.Index.Search(new SearchRequest { Query = "demens " + new string('a', 10_000) });
        Assert.Contains(result.Hits, h => h.Title == "Demensvård och bemötande");
    }

    [Fact]
    public void Facets_CountMatchesAndIgnoreTheirOwnFilter()
    {
        var all = _index.Index.Search(new SearchRequest { FacetNames = ["subject", "format", "type"] });
        Assert.Equal(9, all.Total);
        Assert.Equal(4, all.Facets["subject"].Single(f => f.Value == "pedagogik").Count);
        Assert.Equal(8, all.Facets["type"].Single(f => f.Value == "module").Count);

        var filtered = _index.Index.Search(new SearchRequest
        {
            Filters = new Dictionary<string, IReadOnlyList<string>> { ["subject"] = ["pedagogik"], ["format"] = ["distans"] },
            FacetNames = ["subject", "format"],
        });
        Assert.Equal(3, filtered.Total); // modules 1, 5, 7 (the course has no format)
        // Subject counts ignore the subject filter but honour the format filter.
        Assert.Equal(3, filtered.Facets["subject"].Single(f => f.Value == "pedagogik").Count);
        Assert.Equal(1, filtered.Facets["subject"].Single(f => f.Value == "engelska").Count);
        // Format counts honour the subject filter.
        Assert.DoesNotContain(filtered.Facets["format"], f => f.Value == "blandat");
    }

    [Fact]
    public async Task Highlights_MarkMatchesAndEncodeMarkup()
    {
        using var index = new TestIndex();
        await index.FillAsync(TestIndex.Module(1, "Säkerhet <script>", "Om <script>alert(1)</script> och säkerhet i demensvård.", "omvardnad"));
        var hit = index.Index.Search(new SearchRequest { Query = "demensvård" }).Hits.Single();
        Assert.Contains("<mark>", hit.Highlight, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", hit.Highlight, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", hit.Highlight, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggest_CompletesTitlesFromTheirBeginnings()
    {
        var suggestions = _index.Index.Suggest("dem", english: false);
        Assert.Equal("Demensvård och bemötande", suggestions[0].Title);
        Assert.Contains(_index.Index.Suggest("ledarskap förs", english: false), s => s.Title == "Ledarskap för förskolechefer");
        Assert.Contains(_index.Index.Suggest("forskole", english: false), s => s.Title == "Förskolepedagogik i praktiken");
        Assert.Equal("Dementia Care", _index.Index.Suggest("dementia", english: true)[0].Title);
    }

    [Theory]
    [InlineData("dem")]
    [InlineData("led")]
    [InlineData("f")]
    [InlineData("för")]
    public void Suggest_OffersModulesBeforeCourses(string typed)
    {
        var suggestions = _index.Index.Suggest(typed, english: false);
        Assert.NotEmpty(suggestions);
        // Modules and courses are searched in fields of their own: all modules first, then courses, none twice.
        var firstCourse = suggestions.TakeWhile(s => s.Type == "module").Count();
        Assert.All(suggestions.Skip(firstCourse), s => Assert.Equal("course", s.Type));
        Assert.Equal(suggestions.Count, suggestions.Select(s => s.Type + s.Slug).Distinct().Count());
    }

    [Fact]
    public void Suggest_GoesOnWithCoursesWhenFewModulesMatch()
    {
        var suggestions = _index.Index.Suggest("f", english: false, limit: 20);
        Assert.Contains(suggestions, s => s.Type == "module");
        Assert.Contains(suggestions, s => s.Type == "course");
    }

    [Fact]
    public void DidYouMean_KnowsEnglishWordsAsWellAsSwedishOnes()
    {
        // "Dementia" is only in the English texts, which the Swedish fields and the typo-tolerant search do not read.
        var result = _index.Index.Search(new SearchRequest { Query = "dementai" });
        Assert.Equal(0, result.Total);
        Assert.Equal("dementia", result.DidYouMean);
    }
}
