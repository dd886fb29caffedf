using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using UU.Search.Analysis;
using UU.Search.Querying;

namespace UU.Search.Tests.Querying;

/// <summary>Words typed without å, ä and ö are looked up among the Swedish field's own terms, segment by segment.</summary>
public sealed class SpellingsTests
{
    [Fact]
    public void FoldedSpelling_FindsTheWordsWrittenWithSwedishLetters_InEverySegment_Once()
    {
        using var directory = new RAMDirectory();
        using var analyzer = new Lucene.Net.Analysis.Core.WhitespaceAnalyzer(Analyzers.Version);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Analyzers.Version, analyzer)))
        {
            writer.AddDocument(Doc("förskola ledarskap"));
            writer.Commit(); // a segment of its own
            writer.AddDocument(Doc("förskola forskola"));
            writer.AddDocument(Doc("fårskola färskola café"));
            writer.Commit();
        }
        using var reader = DirectoryReader.Open(directory);
        Assert.Equal(2, reader.Leaves.Count);
        var spellings = new Spellings(reader);

        Assert.Equal(["förskola"], spellings.Of("forskola")); // in both segments, listed once
        Assert.Equal(["färskola", "fårskola"], spellings.Of("farskola").Order(StringComparer.Ordinal)); // ordinal: ä before å
        Assert.Equal(["café"], spellings.Of("cafe"));
        Assert.Empty(spellings.Of("ledarskap")); // folding changes nothing in it
        Assert.Empty(spellings.Of("förskola")); // keys are folded spellings only
    }

    private static Document Doc(string text) => [new TextField(Fields.Text, text, Field.Store.NO), new TextField(Fields.TextWords, "förskola", Field.Store.NO)];
}
