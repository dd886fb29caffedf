using Lucene.Net.Analysis.TokenAttributes;
using UU.Search.Analysis;

namespace UU.Search.Tests.Analysis;

/// <summary>The folded field: only the words folding changes, folded, in their places.</summary>
public sealed class AnalysisChainTests
{
    [Fact]
    public void FoldedField_HoldsOnlyWordsThatFoldingChanges_Folded()
    {
        using var analyzers = new Analyzers(WordLists.Load());
        var tokens = Analyzers.Tokens(analyzers.FoldedIndex, Fields.Text, "Ledarskap i förskolan för chefer");
        Assert.Contains("forskolan", tokens);
        Assert.Contains("forskol", tokens); // its stem, folded
        Assert.DoesNotContain("ledarskap", tokens);
        Assert.DoesNotContain("chefer", tokens);
        Assert.All(tokens, t => Assert.DoesNotContain(t, c => c is 'å' or 'ä' or 'ö'));
    }

    [Fact]
    public void FoldedField_KeepsTheWordsPositions()
    {
        using var analyzers = new Analyzers(WordLists.Load());
        using var stream = analyzers.FoldedIndex.GetTokenStream(Fields.Text, "ledarskap chefer förskolan");
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        Assert.True(stream.IncrementToken());
        Assert.Equal("forskolan", term.ToString());
        Assert.Equal(3, increment.PositionIncrement); // the two words left out still count
        stream.End();
    }
}

/// <summary>The filters that replace Lucene's for speed make the same tokens as Lucene's own.</summary>
public sealed class FasterFilterTests
{
    private static List<(string Term, int Increment)> Run(Lucene.Net.Analysis.TokenStream stream)
    {
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var tokens = new List<(string, int)>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), increment.PositionIncrement));
        }
        stream.End();
        stream.Dispose();
        return tokens;
    }

    private static Lucene.Net.Analysis.Core.KeywordTokenizer Whole(string text) =>
        new Lucene.Net.Analysis.Core.KeywordTokenizer(new StringReader(text));

    [Fact]
    public void InvariantLowerCase_MatchesLuceneOnEveryCharacterOfTheBasicPlane()
    {
        var all = new string(Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => !char.IsSurrogate(c)).ToArray());
        var lucene = Run(new Lucene.Net.Analysis.Core.LowerCaseFilter(Analyzers.Version, Whole(all)));
        var ours = Run(new InvariantLowerCaseFilter(Whole(all)));
        Assert.Equal(lucene.Single().Term.Length, ours.Single().Term.Length);
        var differences = lucene.Single().Term.Zip(ours.Single().Term).Select((p, i) => (p, i)).Where(x => x.p.First != x.p.Second).Take(5).ToList();
        Assert.Empty(differences);
    }

    [Theory]
    [InlineData("ÅÄÖ ÉCOLE Straße İstanbul ΣΟΦΙΑ")]
    [InlineData("Deseret 𐐀𐐁 and emoji 😀 in A Token")]
    public void InvariantLowerCase_MatchesLuceneOnMixedText(string text)
    {
        var lucene = Run(new Lucene.Net.Analysis.Core.LowerCaseFilter(Analyzers.Version, new Lucene.Net.Analysis.Core.WhitespaceTokenizer(Analyzers.Version, new StringReader(text))));
        var ours = Run(new InvariantLowerCaseFilter(new Lucene.Net.Analysis.Core.WhitespaceTokenizer(Analyzers.Version, new StringReader(text))));
        Assert.Equal(lucene, ours);
    }

    [Theory]
    [InlineData("Förskolans pedagogiska uppdrag")]
    [InlineData("a bb ccc dddd Kompetensutvecklingsinsatsernasochmycketmer x")]
    public void LeadingGrams_AreLucenesEdgeNGramsUpToThreeLetters_ThenTheWord(string text)
    {
        static InvariantLowerCaseFilter Source(string t) =>
            new InvariantLowerCaseFilter(new Lucene.Net.Analysis.Standard.StandardTokenizer(Analyzers.Version, new StringReader(t)));
        var lucene = Run(new Lucene.Net.Analysis.NGram.EdgeNGramTokenFilter(Analyzers.Version, Source(text), 1, LeadingGramFilter.MaxGram));
        var ours = Run(new LeadingGramFilter(Source(text)));
        // Of each word's leading grams, those of two and three letters and the longest (the word, cut at 25); a
        // word of one letter is its own gram.
        var longest = new List<int>();
        foreach (var (term, increment) in lucene)
        {
            if (increment > 0)
            {
                longest.Add(0);
            }
            longest[^1] = term.Length;
        }
        var word = -1;
        var carried = 0;
        var expected = new List<(string Term, int Increment)>();
        foreach (var t in lucene)
        {
            word += t.Increment > 0 ? 1 : 0;
            carried += t.Increment;
            if ((t.Term.Length >= LeadingGramFilter.MinGram && t.Term.Length <= LeadingGramFilter.ShortGram) || t.Term.Length == longest[word])
            {
                // The first gram kept takes the word's position.
                expected.Add((t.Term, carried));
                carried = 0;
            }
        }
        Assert.Equal(expected, ours);
        // Each word opens one position; its longer grams stand at that position, up to 25 letters.
        Assert.Equal(text.Split(' ').Length, ours.Count(t => t.Increment == 1));
        Assert.All(ours, t => Assert.InRange(t.Term.Length, 1, LeadingGramFilter.MaxGram));
        // The grams left out are what EdgeNGram made beyond these.
        Assert.Equal(lucene.Count - ours.Count, text.Split(' ').Sum(w => LeadingGramFilter.GramsLeftOut(w.Length)));
    }

    [Fact]
    public void EnglishChain_MakesTheTokensOfLucenesEnglishAnalyzer()
    {
        const string text = "The Teacher's guide to Leading Schools: managing changes, and the teachers' well-being in 2025";
        using var lucene = new Lucene.Net.Analysis.En.EnglishAnalyzer(Analyzers.Version);
        using var analyzers = new Analyzers(WordLists.Load());
        Assert.Equal(Analyzers.Tokens(lucene, Fields.TextEn, text), Analyzers.Tokens(analyzers.English, Fields.TextEn, text));
        Assert.Contains("teacher", Analyzers.Tokens(analyzers.English, Fields.TextEn, text));
    }

    [Fact]
    public void EnglishChain_RemembersEachWord_AndKeepsTheStopWordsPositions()
    {
        // Each word is stemmed once and then looked up: the second pass reads what the first remembered.
        const string text = "The nurses' Studies of THE running of it all: studies, nurse’s running and being";
        using var lucene = new Lucene.Net.Analysis.En.EnglishAnalyzer(Analyzers.Version);
        using var analyzers = new Analyzers(WordLists.Load());
        var expected = Run(lucene.GetTokenStream(Fields.TextEn, text));
        Assert.Equal(expected, Run(analyzers.English.GetTokenStream(Fields.TextEn, text)));
        Assert.Equal(expected, Run(analyzers.English.GetTokenStream(Fields.TextEn, text)));
        Assert.Contains(("run", 3), expected); // "of" and "the" left out, their positions kept
    }

    [Fact]
    public void StopWords_AreLucenesOwn_AndDroppedWhateverTheirCase()
    {
        Assert.Equal(Lucene.Net.Analysis.Sv.SwedishAnalyzer.DefaultStopSet.Count, Analyzers.SwedishStops.Count);
        Assert.All(Lucene.Net.Analysis.Sv.SwedishAnalyzer.DefaultStopSet.Select(w => w.ToString()!), w => Assert.True(Analyzers.SwedishStops.Contains(w), w));
        Assert.Equal(Lucene.Net.Analysis.En.EnglishAnalyzer.DefaultStopSet.Count, Analyzers.EnglishStops.Count);
        using var analyzers = new Analyzers(WordLists.Load());
        // The sets compare as they are; the chains lower-case first, so "OCH", "För" and "THE" are still stop words.
        Assert.Equal(["ledarskap", "skolan"], Analyzers.Tokens(analyzers.Exact, Fields.TextWords, "Ledarskap OCH För skolan"));
        Assert.Equal(["school"], Analyzers.Tokens(analyzers.English, Fields.TextEn, "THE School"));
    }
}
