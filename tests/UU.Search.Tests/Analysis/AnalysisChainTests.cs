using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using UU.Search.Analysis;

namespace UU.Search.Tests.Analysis;

/// <summary>The analysis chains' own parts: the lower-case filter and the folded field.</summary>
public sealed class AnalysisChainTests
{
    [Theory]
    [InlineData("ÅSA ÄNGEL ÖSTRA Öresund")]
    [InlineData("CAFÉ NAÏVE ÉLÈVE ÜBER Straße ÇA ÆØÅ ÞORN ÐIN ÿ µ × ÷")]
    [InlineData("ΑΘΗΝΑ ΣΟΦΊΑ Москва İSTANBUL")]
    [InlineData("Mixed ÅÄÖ then ΔΕΛΤΑ then ÅÄÖ")]
    [InlineData("𐐀𐐁 DESERET 𝐀 emoji 😀 A")]
    [InlineData("FÖ117G VÅ1060 2ÖÄ008 IT-stöd")]
    public void LowerCase_GivesWhatLucenesLowerCaseFilterGives(string text)
    {
        Assert.Equal(Tokens(new LuceneLowerCase(), text), Tokens(new LatinLowerCase(), text));
    }

    [Fact]
    public void FoldedField_HoldsOnlyWordsThatFoldingChanges_Folded()
    {
        using var analyzers = new Analyzers(WordLists.Load());
        var tokens = Analyzers.Tokens(analyzers.FoldedIndex, Fields.Folded, "Ledarskap i förskolan för chefer");
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
        using var stream = analyzers.FoldedIndex.GetTokenStream(Fields.Folded, "ledarskap chefer förskolan");
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        Assert.True(stream.IncrementToken());
        Assert.Equal("forskolan", term.ToString());
        Assert.Equal(3, increment.PositionIncrement); // the two words left out still count
        stream.End();
    }

    private static List<string> Tokens(Analyzer analyzer, string text) => Analyzers.Tokens(analyzer, "f", text);

    private sealed class LuceneLowerCase : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Analyzers.Version, reader);
            return new TokenStreamComponents(source, new LowerCaseFilter(Analyzers.Version, source));
        }
    }

    private sealed class LatinLowerCase : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Analyzers.Version, reader);
            return new TokenStreamComponents(source, new LowerCaseLatinFilter(source));
        }
    }
}
