using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace UU.Search.Analysis;

/// <summary>The analysis chains; one instance per index, shared by writer and searchers (analyzers are thread-safe).</summary>
public sealed class Analyzers : IDisposable
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public Analyzers(WordLists words) : this(words, Linguistics.None)
    {
    }

    public Analyzers(WordLists words, Linguistics linguistics)
    {
        Words = words;
        Forms = new WordForms(linguistics, words);
        Linguistics = linguistics;
        // Folded, "for" is "för" typed without ö: both spellings are stop words there.
        var foldedStops = new CharArraySet(Version, SwedishStops.Select(w => w.ToString()!).Concat(SwedishStops.Select(w => Fold(w.ToString()!))).ToList(), ignoreCase: false);
        SwedishIndex = new ExpandingChain(Forms, ExpandingFilter.Mode.Compounds, SwedishStops);
        SwedishQuery = new ExpandingChain(Forms, ExpandingFilter.Mode.Stems, SwedishStops);
        FoldedIndex = new ExpandingChain(Forms, ExpandingFilter.Mode.Compounds | ExpandingFilter.Mode.Fold, foldedStops, onlyFoldable: true);
        FoldedQuery = new ExpandingChain(Forms, ExpandingFilter.Mode.Stems | ExpandingFilter.Mode.Fold, foldedStops);
        Exact = new ExactChain();
        English = new EnglishChain();
        SuggestIndex = new SuggestChain(index: true);
        SuggestQuery = new SuggestChain(index: false);
        Plain = new PlainChain();
        PerField = new PerFieldAnalyzerWrapper(SwedishIndex, new Dictionary<string, Analyzer>
        {
            [Fields.TitleWords] = Exact,
            [Fields.TextWords] = Exact,
            [Fields.TitleEn] = English,
            [Fields.TextEn] = English,
            [Fields.Suggest] = SuggestIndex,
            [Fields.SuggestModule] = SuggestIndex,
            [Fields.Spell] = Plain,
        });
        _indexStreams = new ThreadLocal<IndexStreams>(() => new IndexStreams(Plain, Forms));
    }

    private readonly ThreadLocal<IndexStreams> _indexStreams;

    /// <summary>
    /// This thread's token streams for the text fields of a document being indexed, over its words: the tokens
    /// <see cref="PerField"/> makes of each field's text, from words broken once for all fields.
    /// </summary>
    internal IndexStreams StreamsFor(SearchDocument document) => _indexStreams.Value!.Over(document);

    /// <summary>
    /// Lucene's Swedish stop words, compared as they are: every chain lower-cases before its stop filter, and a set
    /// that ignores case lower-cases each word again through the culture (15% of the samples of a rebuild's profile).
    /// </summary>
    internal static readonly CharArraySet SwedishStops = new(Version, SwedishAnalyzer.DefaultStopSet, ignoreCase: false);

    /// <summary>Lucene's English stop words, compared as they are (see <see cref="SwedishStops"/>).</summary>
    internal static readonly CharArraySet EnglishStops = new(Version, EnglishAnalyzer.DefaultStopSet, ignoreCase: false);

    public WordLists Words { get; }

    public WordForms Forms { get; }

    public Linguistics Linguistics { get; }

    /// <summary>Lower case, Swedish stop words, and each word as written, stemmed and (a compound) split into its parts.</summary>
    public Analyzer SwedishIndex { get; }

    /// <summary>As <see cref="SwedishIndex"/> without splitting compounds: the index holds the parts, so a query needs not.</summary>
    public Analyzer SwedishQuery { get; }

    /// <summary>
    /// The words that folding changes (å, ä, ö and accents), folded, with their forms: for visitors who type
    /// "forskola". A word without such letters is left out. The staff search matches with it; the index finds
    /// such words through the Swedish field's own terms instead (<see cref="Querying.Spellings"/>).
    /// </summary>
    public Analyzer FoldedIndex { get; }

    public Analyzer FoldedQuery { get; }

    /// <summary>The words as written (lower case, no stop words): the field exact matches and phrases are scored on.</summary>
    public Analyzer Exact { get; }

    public Analyzer English { get; }

    public Analyzer SuggestIndex { get; }

    public Analyzer SuggestQuery { get; }

    /// <summary>Lower-cased words as written, for "did you mean".</summary>
    public Analyzer Plain { get; }

    public Analyzer PerField { get; }

    public static string Fold(string text)
    {
        var chars = text.ToCharArray();
        var output = new char[chars.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(chars, 0, output, 0, chars.Length);
        return new string(output, 0, length);
    }

    /// <summary>Every token the analyzer makes of the text, in order (same-position variants included).</summary>
    public static List<string> Tokens(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }
        stream.End();
        return tokens;
    }

    public void Dispose()
    {
        _indexStreams.Dispose();
        PerField.Dispose();
        SwedishIndex.Dispose();
        SwedishQuery.Dispose();
        FoldedIndex.Dispose();
        FoldedQuery.Dispose();
        Exact.Dispose();
        English.Dispose();
        SuggestIndex.Dispose();
        SuggestQuery.Dispose();
        Plain.Dispose();
    }

    internal sealed class ExpandingChain(WordForms forms, ExpandingFilter.Mode mode, CharArraySet stops, bool onlyFoldable = false) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new InvariantLowerCaseFilter(source);
            stream = new StopFilter(Version, stream, stops);
            return new TokenStreamComponents(source, Expand(stream, forms, mode, onlyFoldable));
        }

        /// <summary>The chain after the stop words; the index's streams (<see cref="IndexStreams"/>) end the same way.</summary>
        public static TokenStream Expand(TokenStream withoutStops, WordForms forms, ExpandingFilter.Mode mode, bool onlyFoldable) =>
            new ExpandingFilter(onlyFoldable ? new FoldableFilter(withoutStops) : withoutStops, forms, mode);
    }

    private sealed class ExactChain : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new InvariantLowerCaseFilter(source);
            stream = new StopFilter(Version, stream, SwedishStops);
            return new TokenStreamComponents(source, stream);
        }
    }

    private sealed class SuggestChain(bool index) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new InvariantLowerCaseFilter(source);
            stream = new ASCIIFoldingFilter(stream);
            if (index)
            {
                stream = new LeadingGramFilter(stream);
            }
            return new TokenStreamComponents(source, stream);
        }
    }

    /// <summary>
    /// Lucene's EnglishAnalyzer chain (possessives, lower case, English stop words, Porter stems) with the
    /// table-driven lower case; a test holds it to EnglishAnalyzer's tokens.
    /// </summary>
    internal sealed class EnglishChain : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            return new TokenStreamComponents(source, AfterLowerCase(new InvariantLowerCaseFilter(source)));
        }

        /// <summary>
        /// The chain after the lower case (Lucene's StandardFilter passes tokens through in 4.8, and the possessive
        /// filter knows "'s" lower-cased as well); the index's streams (<see cref="IndexStreams"/>) end the same way.
        /// </summary>
        public static TokenStream AfterLowerCase(TokenStream lowerCased) => new EnglishWordFilter(lowerCased);

        /// <summary>Lucene's possessive, stop and Porter filters one after the other, as EnglishAnalyzer chains them.</summary>
        public static TokenStream LucenesFilters(TokenStream lowerCased) =>
            new PorterStemFilter(new StopFilter(Version, new EnglishPossessiveFilter(Version, lowerCased), EnglishStops));
    }

    private sealed class PlainChain : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            return new TokenStreamComponents(source, new InvariantLowerCaseFilter(source));
        }
    }
}

/// <summary>
/// Keeps only the words folding can change: those with a letter beyond ASCII (å, ä, ö, é…). Lucene's filtering
/// base keeps the positions of the words it leaves out.
/// </summary>
internal sealed class FoldableFilter(TokenStream input) : FilteringTokenFilter(Analyzers.Version, input)
{
    private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();

    protected override bool Accept() => !System.Text.Ascii.IsValid(_term.Buffer.AsSpan(0, _term.Length));
}

/// <summary>
/// Emits each word followed, at the same position, by its stems and (with <see cref="Mode.Compounds"/>) its
/// compound parts, from <see cref="WordForms"/>'s cache; optionally folded (å, ä, ö → a, a, o).
/// </summary>
internal sealed class ExpandingFilter : TokenFilter
{
    [System.Flags]
    public enum Mode
    {
        Stems = 1,
        Compounds = 2,
        Fold = 4,
    }

    private readonly WordForms _forms;
    private readonly Mode _mode;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private string[] _pending = [];
    private int _next;

    public ExpandingFilter(TokenStream input, WordForms forms, Mode mode) : base(input)
    {
        _forms = forms;
        _mode = mode;
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next < _pending.Length)
        {
            _term.SetEmpty().Append(_pending[_next++]);
            _position.PositionIncrement = 0;
            return true;
        }
        if (!m_input.IncrementToken())
        {
            return false;
        }
        // What a word becomes is worked out once per distinct word and mode (see WordForms.Emitted): a rebuild
        // repeats its vocabulary, so most tokens cost one look-up and no allocation.
        var emitted = _forms.Emitted(_term.Buffer.AsSpan(0, _term.Length), _mode);
        _pending = emitted.Pending;
        _next = 0;
        if (emitted.Replacement is { } replacement)
        {
            _term.SetEmpty().Append(replacement);
        }
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending = [];
        _next = 0;
    }
}

/// <summary>
/// What <see cref="Analyzers.EnglishChain.LucenesFilters"/> make of each lower-cased word (its stem, or nothing for a
/// stop word), worked out once per distinct word and remembered: the three filters look at the word alone, and the
/// Porter stemmer was a twentieth of a rebuild's samples. A stop word's position counts, as the stop filter keeps it.
/// </summary>
internal sealed class EnglishWordFilter : FilteringTokenFilter
{
    private const int MaxCached = 200_000;

    /// <summary>Per word: its stem, or null for a stop word.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> Stems = new(StringComparer.Ordinal);

    private readonly ICharTermAttribute _term;

    public EnglishWordFilter(TokenStream input) : base(Analyzers.Version, input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    protected override bool Accept()
    {
        var word = _term.Buffer.AsSpan(0, _term.Length);
        if (!Stems.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var stem))
        {
            var text = word.ToString();
            stem = Compute(text);
            if (Stems.Count < MaxCached)
            {
                Stems.TryAdd(text, stem);
            }
        }
        if (stem is null)
        {
            return false;
        }
        if (!word.SequenceEqual(stem))
        {
            _term.SetEmpty().Append(stem);
        }
        return true;
    }

    /// <summary>The word through Lucene's own filters.</summary>
    private static string? Compute(string word)
    {
        using var stream = Analyzers.EnglishChain.LucenesFilters(new KeywordTokenizer(new StringReader(word)));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var stem = stream.IncrementToken() ? term.ToString() : null;
        stream.End();
        return stem;
    }
}
