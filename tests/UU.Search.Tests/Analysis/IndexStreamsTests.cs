using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Microsoft.Extensions.Logging.Abstractions;
using UU.Search.Analysis;
using UU.Search.Evaluation;

namespace UU.Search.Tests.Analysis;

/// <summary>
/// The index's token streams, fed from words broken once per document, make the tokens each field's analyzer makes
/// of the field's texts joined as the index joined them before: same terms, same positions, same length.
/// </summary>
public sealed class IndexStreamsTests : IDisposable
{
    private readonly Analyzers _analyzers = new(WordLists.Load(), Linguistics.Load(Linguistics.DefaultHunspellPath, Linguistics.DefaultFreedictPath, NullLogger.Instance));

    public void Dispose() => _analyzers.Dispose();

    private static string Join(params string?[] parts) => string.Join("\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>Each text field, its stream and the text its analyzer reads.</summary>
    private static IEnumerable<(string Field, Func<IndexStreams, TokenStream> Stream, string Text)> FieldsOf(SearchDocument d) =>
    [
        (Fields.Title, s => s.Title, Join(d.Title, d.Code)),
        (Fields.Text, s => s.Text, Join(d.Title, d.Code, d.Summary, d.Body)),
        (Fields.TitleWords, s => s.TitleWords, Join(d.Title, d.Code)),
        (Fields.TextWords, s => s.TextWords, Join(d.Title, d.Code, d.Summary, d.Body)),
        // The index read the English title as it was; a blank one has no words either way, and only the end
        // offset, which the index does not keep, would differ.
        (Fields.TitleEn, s => s.TitleEn, Join(d.TitleEn)),
        (Fields.TextEn, s => s.TextEn, Join(d.TitleEn, d.SummaryEn, d.BodyEn)),
        (Fields.Suggest, s => s.Suggest, Join(d.Title, d.TitleEn, d.Code)),
        (Fields.Spell, s => s.Spell, Join(d.TitleEn, d.SummaryEn)),
    ];

    /// <summary>Every token with its position increment, then the increment and offset the stream ends with.</summary>
    private static List<string> Run(TokenStream stream)
    {
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var tokens = new List<string>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add($"{term}+{increment.PositionIncrement}@{offset.StartOffset}-{offset.EndOffset}");
        }
        stream.End();
        tokens.Add($"end+{increment.PositionIncrement}@{offset.EndOffset}");
        stream.Dispose();
        return tokens;
    }

    private void AssertSameTokens(SearchDocument document)
    {
        var streams = _analyzers.StreamsFor(document);
        foreach (var (field, stream, text) in FieldsOf(document))
        {
            var expected = Run(_analyzers.PerField.GetTokenStream(field, text));
            var actual = Run(stream(streams));
            Assert.True(expected.SequenceEqual(actual), $"{document.Key} {field}: expected [{string.Join(' ', expected)}] but was [{string.Join(' ', actual)}]");
        }
    }

    private static SearchDocument Doc(string title, string? code = null, string? summary = null, string? body = null, string? titleEn = null, string? summaryEn = null, string? bodyEn = null) => new()
    {
        Type = "module",
        Id = 1,
        Slug = "m1",
        Title = title,
        Code = code,
        Summary = summary,
        Body = body,
        TitleEn = titleEn,
        SummaryEn = summaryEn,
        BodyEn = bodyEn,
    };

    [Fact]
    public void EveryRealCourse_GetsTheTokensItsFieldsAnalyzersMake()
    {
        var set = RealCourseSet.Load(Path.Combine(AppContext.BaseDirectory, "Relevance", "Real"));
        Assert.True(set.Documents.Count >= 200);
        foreach (var document in set.Documents.Concat(TestIndex.Catalogue))
        {
            AssertSameTokens(document);
        }
    }

    public static TheoryData<SearchDocument> EdgeCases() =>
    [
        // Stop words at the start and end of a text and between texts: their positions go to the next word kept.
        Doc("Och för ledarskap i", code: "FÖ117G", summary: "och", body: "att leda är en konst och", titleEn: "The teacher's guide", summaryEn: "of the", bodyEn: "and"),
        // Blank and missing texts are left out of the join; a text of only punctuation has no words.
        Doc("Demensvård", code: "  ", summary: "", body: null, titleEn: " \n ", summaryEn: "— …", bodyEn: "Dementia care"),
        // A word too long to keep still takes a position, at the end of a text too.
        Doc("Kort " + new string('x', 300), code: "VÅ1060", summary: new string('y', 260) + " slut " + new string('z', 256), body: "Förskolans pedagogik", titleEn: new string('q', 400)),
        // Upper case, folded letters, English possessives in capitals, digits and mixed scripts.
        Doc("SKOLANS ÖVERSYN", summary: "Élève Straße İstanbul 2ÖÄ008 15 hp", titleEn: "TEACHERS' AND PRINCIPAL'S ROLE", summaryEn: "Schools’ work 😀 𐐀𐐁"),
        Doc("", titleEn: "Only English"),
    ];

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void EdgeCase_GetsTheTokensItsFieldsAnalyzersMake(SearchDocument document) => AssertSameTokens(document);

    [Fact]
    public void RandomTextsOfLettersDigitsAndPunctuation_GetTheTokensItsFieldsAnalyzersMake()
    {
        // Words are broken without the tokenizer where a text has only these characters (and by it where one
        // of the last few, which it may not take, turns up): the joining marks between letters and digits most.
        const string letters = "aeksAZåäöÅÄÖéÉüßÿ";
        const string digits = "0159";
        const string marks = ":.,;'‘’";
        const string breaks = " \n\t-–—/()!?\"“”#%&*+<=>@[]×";
        const string others = "İ…·\u00AD_$";
        var random = new Random(20261208);
        for (var n = 0; n < 3000; n++)
        {
            var text = new System.Text.StringBuilder();
            var length = random.Next(0, 60);
            for (var i = 0; i < length; i++)
            {
                var pick = random.Next(100);
                var from = pick < 45 ? letters : pick < 65 ? digits : pick < 85 ? marks : pick < 99 ? breaks : others;
                text.Append(from[random.Next(from.Length)]);
            }
            AssertSameTokens(Doc(text.ToString(), summary: text.ToString().ToUpperInvariant()));
        }
    }

    [Theory]
    [InlineData("Pedagogiskt ledarskap: förskolans uppdrag, 7,5 hp (PE031G) – “kvalitet” och barns lärande.", true)]
    [InlineData("Lärare i İstanbul", false)]
    [InlineData("Ett ord med mjukt\u00ADbindestreck", false)]
    public void PlainLatinText_IsBrokenWithoutTheTokenizer(string text, bool plain)
    {
        var tokens = new DocumentTokens(_analyzers.Plain);
        Assert.Equal(plain, LatinWords.Break(text, tokens));
        Assert.Equal(plain ? Analyzers.Tokens(_analyzers.Plain, Fields.Spell, text).Count : 0, tokens.TokenCount);
    }

    [Fact]
    public void Streams_ReusedForTheNextDocument_HoldOnlyItsWords()
    {
        AssertSameTokens(Doc("Ledarskap för förskolechefer", summary: "Pedagogiskt ledarskap och kvalitetsarbete i förskolan.", titleEn: "Leadership"));
        AssertSameTokens(Doc("Demensvård", summary: "Omvårdnad."));
        var streams = _analyzers.StreamsFor(Doc("Demensvård"));
        Assert.DoesNotContain(Run(streams.Text), t => t.StartsWith("ledarskap", StringComparison.Ordinal));
        Assert.Equal(["end+0@0"], Run(streams.TextEn));
    }
}
