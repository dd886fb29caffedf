using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Compound;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.NGram;
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

    public Analyzers(WordLists words)
    {
        Words = words;
        var foldedStops = new CharArraySet(Version, SwedishAnalyzer.DefaultStopSet.Select(w => Fold(w.ToString()!)).ToList(), ignoreCase: true);
        SwedishIndex = new SwedishAnalyzerChain(words, decompound: true);
        SwedishQuery = new SwedishAnalyzerChain(words, decompound: false);
        FoldedIndex = new FoldingChain(words, foldedStops, decompound: true);
        FoldedQuery = new FoldingChain(words, foldedStops, decompound: false);
        English = new EnglishAnalyzer(Version);
        SuggestIndex = new SuggestChain(index: true);
        SuggestQuery = new SuggestChain(index: false);
        Plain = new PlainChain();
        PerField = new PerFieldAnalyzerWrapper(SwedishIndex, new Dictionary<string, Analyzer>
        {
            [Fields.TitleEn] = English,
            [Fields.TextEn] = English,
            [Fields.Folded] = FoldedIndex,
            [Fields.Suggest] = SuggestIndex,
            [Fields.Spell] = Plain,
        });
    }

    public WordLists Words { get; }

    /// <summary>Lower case, Swedish stop words, compound parts, and each word both as written and lightly stemmed.</summary>
    public Analyzer SwedishIndex { get; }

    /// <summary>As <see cref="SwedishIndex"/> without splitting compounds: the index holds the parts, so a query needs not.</summary>
    public Analyzer SwedishQuery { get; }

    /// <summary>Like the Swedish chain with å, ä, ö and accents folded, for visitors who type "forskola".</summary>
    public Analyzer FoldedIndex { get; }

    public Analyzer FoldedQuery { get; }

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
        PerField.Dispose();
        SwedishIndex.Dispose();
        SwedishQuery.Dispose();
        FoldedIndex.Dispose();
        FoldedQuery.Dispose();
        English.Dispose();
        SuggestIndex.Dispose();
        SuggestQuery.Dispose();
        Plain.Dispose();
    }

    private sealed class SwedishAnalyzerChain(WordLists words, bool decompound) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new LowerCaseFilter(Version, source);
            stream = new StopFilter(Version, stream, SwedishAnalyzer.DefaultStopSet);
            if (decompound)
            {
                stream = new DictionaryCompoundWordTokenFilter(Version, stream, words.CompoundParts, 6, 2, 20, onlyLongestMatch: false);
                stream = new JointFormFilter(stream, words.JointForms);
            }
            stream = new KeywordRepeatFilter(stream);
            // The light stemmer removes one suffix; a second pass lets the definite forms meet
            // the base word ("skolan" → "skola" → "skol", like "skolor" → "skol").
            stream = new SwedishLightStemFilter(stream);
            stream = new SwedishLightStemFilter(stream);
            stream = new RemoveDuplicatesTokenFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    }

    private sealed class FoldingChain(WordLists words, CharArraySet foldedStops, bool decompound) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new LowerCaseFilter(Version, source);
            if (decompound)
            {
                stream = new DictionaryCompoundWordTokenFilter(Version, stream, words.CompoundParts, 6, 2, 20, onlyLongestMatch: false);
                stream = new JointFormFilter(stream, words.JointForms);
            }
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(Version, stream, foldedStops);
            stream = new KeywordRepeatFilter(stream);
            // The light stemmer removes one suffix; a second pass lets the definite forms meet
            // the base word ("skolan" → "skola" → "skol", like "skolor" → "skol").
            stream = new SwedishLightStemFilter(stream);
            stream = new SwedishLightStemFilter(stream);
            stream = new RemoveDuplicatesTokenFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    }

    private sealed class SuggestChain(bool index) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new LowerCaseFilter(Version, source);
            stream = new ASCIIFoldingFilter(stream);
            if (index)
            {
                stream = new EdgeNGramTokenFilter(Version, stream, 1, 25);
            }
            return new TokenStreamComponents(source, stream);
        }
    }

    private sealed class PlainChain : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            return new TokenStreamComponents(source, new LowerCaseFilter(Version, source));
        }
    }
}

/// <summary>Replaces a compound's joint form with its base word ("arbets" becomes "arbete") so it stems like the word.</summary>
internal sealed class JointFormFilter : TokenFilter
{
    private readonly IReadOnlyDictionary<string, string> _map;
    private readonly ICharTermAttribute _term;

    public JointFormFilter(TokenStream input, IReadOnlyDictionary<string, string> map) : base(input)
    {
        _map = map;
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }
        if (_map.Count > 0 && _map.TryGetValue(_term.ToString(), out var baseWord))
        {
            _term.SetEmpty().Append(baseWord);
        }
        return true;
    }
}
