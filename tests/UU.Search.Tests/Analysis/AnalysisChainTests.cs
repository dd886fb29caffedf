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
}
