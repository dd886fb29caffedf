using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace UU.Search.Analysis;

/// <summary>
/// Lower case as Lucene's LowerCaseFilter makes it (the invariant culture, letter by letter), from a table built
/// once. Lucene's filter asks the culture for every character through a call into ICU: the largest single cost
/// in a profile of a full rebuild (dotnet-trace, 100,000 documents).
/// </summary>
internal sealed class InvariantLowerCaseFilter : TokenFilter
{
    /// <summary>The invariant lower case of every UTF-16 unit; surrogates map to themselves.</summary>
    internal static readonly char[] Lower = BuildTable();

    private readonly ICharTermAttribute _term;

    public InvariantLowerCaseFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }
        var span = _term.Buffer.AsSpan(0, _term.Length);
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (char.IsSurrogate(c))
            {
                // A letter beyond the basic plane is cased as a whole code point: the rare token goes by the string.
                LowerWithSurrogates();
                return true;
            }
            span[i] = Lower[c];
        }
        return true;
    }

    private void LowerWithSurrogates()
    {
        var lowered = _term.ToString().ToLowerInvariant();
        _term.SetEmpty().Append(lowered);
    }

    private static char[] BuildTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            table[c] = char.IsSurrogate((char)c) ? (char)c : char.ToLowerInvariant((char)c);
        }
        return table;
    }
}

/// <summary>
/// The leading grams of each word, at the word's position, for completions: those of <see cref="MinGram"/> to
/// <see cref="ShortGram"/> characters (a word of one letter is its own gram), then the word itself (cut at
/// <see cref="MaxGram"/>) when it is longer. A longer typed prefix is looked up among the words that start with it,
/// and a one-letter prefix among the two-letter grams and one-letter words that start with it
/// (<see cref="Querying.PrefixCompletions"/>): both find and score the documents its gram would (Lucene's
/// EdgeNGramTokenFilter(1, 25) made all 25, two thirds of them never typed so far into a word). A gram is the
/// word's own buffer cut short: nothing is copied.
/// </summary>
internal sealed class LeadingGramFilter : TokenFilter
{
    public const int MaxGram = 25;

    /// <summary>The shortest gram of a word of more than one letter: each such word has exactly one.</summary>
    public const int MinGram = 2;

    /// <summary>The longest gram of its own; a longer prefix is the words that start with it.</summary>
    public const int ShortGram = 3;

    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private int _longest;
    private int _count;
    private int _emitted;

    public LeadingGramFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    /// <summary>The grams a word of this length makes: all its leading grams up to 25 then stood for it.</summary>
    public static int GramsOf(int length)
    {
        var longest = Math.Min(length, MaxGram);
        return longest <= 1 ? longest : longest <= ShortGram ? longest - MinGram + 1 : ShortGram - MinGram + 2;
    }

    /// <summary>The grams EdgeNGramTokenFilter(1, 25) made of a word of this length that this filter does not.</summary>
    public static int GramsLeftOut(int length) => Math.Min(length, MaxGram) - GramsOf(length);

    public override bool IncrementToken()
    {
        if (_emitted < _count)
        {
            // The buffer still holds the whole word (nothing downstream writes to it): the next gram is one longer,
            // or, after the short ones, the word.
            _emitted++;
            var length = _emitted + MinGram - 1;
            _term.Length = length <= ShortGram ? length : _longest;
            _position.PositionIncrement = 0;
            return true;
        }
        // The next word; its first gram takes its position (offsets stay the word's).
        do
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }
        }
        while (_term.Length == 0);
        _longest = Math.Min(_term.Length, MaxGram);
        _count = GramsOf(_term.Length);
        _emitted = 1;
        _term.Length = Math.Min(_longest, MinGram);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _emitted = 0;
        _count = 0;
        _longest = 0;
    }
}
