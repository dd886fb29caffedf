using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;

namespace UU.Search.Analysis;

/// <summary>The texts of a document that the indexed fields are made of, in the order the fields join them.</summary>
internal enum TextPart
{
    Title,
    Code,
    Summary,
    Body,
    TitleEn,
    SummaryEn,
    BodyEn,
}

/// <summary>
/// A document's texts broken into lower-cased words once, for all the fields that read them. Eight indexed fields
/// are made of seven texts (the Swedish text field alone repeats the title, the code, the summary and the body
/// that four other fields read), and breaking text into words was a sixth of a rebuild. Each field replays the
/// words of its texts through the rest of its chain (<see cref="IndexStreams"/>); a test holds every field's
/// tokens to those its analyzer makes of the joined texts.
/// </summary>
internal sealed class DocumentTokens
{
    private static readonly int PartCount = Enum.GetValues<TextPart>().Length;

    private readonly Analyzer _words;
    private readonly Part[] _parts = new Part[PartCount];
    private char[] _chars = new char[8192];
    private Token[] _tokens = new Token[1024];
    private int _charCount;
    private int _tokenCount;

    public DocumentTokens(Analyzer words)
    {
        _words = words;
    }

    /// <summary>Breaks the document's texts into words, replacing the previous document's.</summary>
    public void Fill(SearchDocument document)
    {
        _charCount = 0;
        _tokenCount = 0;
        Add(TextPart.Title, document.Title);
        Add(TextPart.Code, document.Code);
        Add(TextPart.Summary, document.Summary);
        Add(TextPart.Body, document.Body);
        Add(TextPart.TitleEn, document.TitleEn);
        Add(TextPart.SummaryEn, document.SummaryEn);
        Add(TextPart.BodyEn, document.BodyEn);
    }

    public Part this[TextPart part] => _parts[(int)part];

    public ref readonly Token TokenAt(int index) => ref _tokens[index];

    /// <summary>The words' letters, one after the other (a token's are at its start, for its length).</summary>
    public char[] Chars => _chars;

    private void Add(TextPart part, string? text)
    {
        // The fields join their texts with a line break and leave out blank ones (a line break ends a word).
        if (string.IsNullOrWhiteSpace(text))
        {
            _parts[(int)part] = new Part(_tokenCount, 0, 0, 0, Blank: true);
            return;
        }
        var first = _tokenCount;
        if (LatinWords.Break(text, this))
        {
            _parts[(int)part] = new Part(first, _tokenCount - first, 0, text.Length, Blank: false);
            return;
        }
        // A text beyond plain Latin letters and punctuation goes through the tokenizer itself.
        using var stream = _words.GetTokenStream(Fields.Text, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            term.Buffer.AsSpan(0, term.Length).CopyTo(Reserve(term.Length));
            Push(term.Length, increment.PositionIncrement, offset.StartOffset, offset.EndOffset);
        }
        stream.End();
        // A word too long to keep still counts as a position, which the next text's first word carries.
        _parts[(int)part] = new Part(first, _tokenCount - first, increment.PositionIncrement, text.Length, Blank: false);
    }

    /// <summary>Adds a word of the text (lower-cased as <see cref="InvariantLowerCaseFilter"/> does), at the next position.</summary>
    internal void AddWord(string text, int start, int end)
    {
        var length = end - start;
        var into = Reserve(length);
        var lower = InvariantLowerCaseFilter.Lower;
        for (var i = 0; i < length; i++)
        {
            into[i] = lower[text[start + i]];
        }
        Push(length, 1, start, end);
    }

    /// <summary>Room for the next token and its letters: the span to write them to.</summary>
    private Span<char> Reserve(int length)
    {
        if (_tokenCount == _tokens.Length)
        {
            Array.Resize(ref _tokens, _tokens.Length * 2);
        }
        if (_charCount + length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + length));
        }
        return _chars.AsSpan(_charCount, length);
    }

    /// <summary>Takes the letters written to <see cref="Reserve"/> as the next token.</summary>
    private void Push(int length, int increment, int startOffset, int endOffset)
    {
        var stop = Analyzers.SwedishStops.Contains(_chars, _charCount, length);
        _tokens[_tokenCount++] = new Token(_charCount, length, increment, startOffset, endOffset, stop);
        _charCount += length;
    }

    /// <summary>Takes back the words added since <paramref name="tokenCount"/> (their letters too).</summary>
    internal void TruncateTo(int tokenCount)
    {
        if (tokenCount < _tokenCount)
        {
            _charCount = _tokens[tokenCount].Start;
            _tokenCount = tokenCount;
        }
    }

    internal int TokenCount => _tokenCount;

    /// <param name="SwedishStop">One of the Swedish stop words, which the Swedish fields leave out.</param>
    internal readonly record struct Token(int Start, int Length, int Increment, int StartOffset, int EndOffset, bool SwedishStop);

    /// <param name="EndIncrement">The positions left after the last word (words too long to keep).</param>
    internal readonly record struct Part(int First, int Count, int EndIncrement, int TextLength, bool Blank);
}

/// <summary>
/// Breaks plain Latin text into the words Lucene's StandardTokenizer (Unicode's word boundaries, UAX #29) makes of
/// it, without its scanner: ASCII and Latin-1 letters and digits, white space, and common punctuation, the curly
/// apostrophes and the dashes. A letter joins a letter, a digit joins a digit or a letter; ":" joins two letters,
/// "," and ";" two digits, "." and the apostrophes either. A text with any other character (or a word longer than
/// the tokenizer keeps) is left to the tokenizer; a test holds the words, offsets and positions to its over random
/// texts of these characters and every real course.
/// </summary>
internal static class LatinWords
{
    private const byte Unsupported = 0, Other = 1, Letter = 2, Digit = 3, MidLetter = 4, MidNumLet = 5, MidNum = 6;
    private const int MaxWord = 255; // StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH

    private static readonly byte[] Classes = BuildClasses();

    private static byte[] BuildClasses()
    {
        var classes = new byte[0x2020];
        for (var c = 'a'; c <= 'z'; c++) classes[c] = Letter;
        for (var c = 'A'; c <= 'Z'; c++) classes[c] = Letter;
        for (var c = '0'; c <= '9'; c++) classes[c] = Digit;
        for (var c = 0xC0; c <= 0xFF; c++) classes[c] = c is 0xD7 or 0xF7 ? Other : Letter;
        foreach (var c in " \t\n\r!\"#%&()*+-/<=>?@[]–—“”") classes[c] = Other;
        classes[':'] = MidLetter;
        foreach (var c in ".'‘’") classes[c] = MidNumLet;
        classes[','] = MidNum;
        classes[';'] = MidNum;
        return classes;
    }

    /// <summary>Adds the text's words to <paramref name="into"/>, or adds nothing and returns false.</summary>
    public static bool Break(string text, DocumentTokens into)
    {
        var classes = Classes;
        var first = into.TokenCount;
        var n = text.Length;
        var i = 0;
        while (i < n)
        {
            var c = text[i];
            var kind = c < classes.Length ? classes[c] : Unsupported;
            if (kind == Unsupported)
            {
                into.TruncateTo(first);
                return false;
            }
            if (kind is not (Letter or Digit))
            {
                i++;
                continue;
            }
            var start = i++;
            var last = kind;
            while (i < n)
            {
                var next = text[i];
                var k = next < classes.Length ? classes[next] : Unsupported;
                if (k is Letter or Digit)
                {
                    last = k;
                    i++;
                    continue;
                }
                if (i + 1 < n && (k is MidLetter or MidNumLet or MidNum))
                {
                    var after = text[i + 1];
                    var a = after < classes.Length ? classes[after] : Unsupported;
                    // Letter (: . ') letter, and digit (, ; . ') digit.
                    if ((last == Letter && a == Letter && k != MidNum) || (last == Digit && a == Digit && k != MidLetter))
                    {
                        last = a;
                        i += 2;
                        continue;
                    }
                }
                break;
            }
            if (i - start > MaxWord)
            {
                into.TruncateTo(first);
                return false;
            }
            into.AddWord(text, start, i);
        }
        return true;
    }
}

/// <summary>
/// A field's words: those of its texts in order, as the tokenizer and the lower case make them of the texts joined
/// by line breaks, optionally without the Swedish stop words (their positions kept, as Lucene's stop filter keeps
/// them). Reused from one document to the next on its thread.
/// </summary>
internal sealed class TokenReplay : TokenStream
{
    private readonly DocumentTokens _tokens;
    private readonly TextPart[] _parts;
    private readonly bool _skipSwedishStops;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IOffsetAttribute _offset;
    private int _part;
    private int _next;
    private int _end;
    private int _endIncrement;
    private int _carried;
    private int _offsetBase;
    private int _joinedLength;
    private int _texts;

    public TokenReplay(DocumentTokens tokens, TextPart[] parts, bool skipSwedishStops)
    {
        _tokens = tokens;
        _parts = parts;
        _skipSwedishStops = skipSwedishStops;
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    public override bool IncrementToken()
    {
        while (NextToken(out var index))
        {
            ref readonly var token = ref _tokens.TokenAt(index);
            _carried += token.Increment;
            if (_skipSwedishStops && token.SwedishStop)
            {
                continue; // its position counts, as in Lucene's stop filter
            }
            ClearAttributes();
            _term.CopyBuffer(_tokens.Chars, token.Start, token.Length);
            _increment.PositionIncrement = _carried;
            _offset.SetOffset(_offsetBase + token.StartOffset, _offsetBase + token.EndOffset);
            _carried = 0;
            return true;
        }
        return false;
    }

    public override void End()
    {
        base.End();
        while (NextToken(out var index))
        {
            _carried += _tokens.TokenAt(index).Increment;
        }
        // The positions after the last word kept, and the length of the joined texts, as a tokenizer ends.
        _increment.PositionIncrement = _carried;
        _offset.SetOffset(_joinedLength, _joinedLength);
    }

    public override void Reset()
    {
        base.Reset();
        _part = 0;
        _next = 0;
        _end = 0;
        _endIncrement = 0;
        _carried = 0;
        _offsetBase = 0;
        _joinedLength = 0;
        _texts = 0;
    }

    /// <summary>The next word of the texts; a text's positions after its last word carry over to the next word.</summary>
    private bool NextToken(out int index)
    {
        while (_next == _end)
        {
            _carried += _endIncrement;
            _endIncrement = 0;
            if (!NextText())
            {
                index = -1;
                return false;
            }
        }
        index = _next++;
        return true;
    }

    private bool NextText()
    {
        while (_part < _parts.Length)
        {
            var text = _tokens[_parts[_part++]];
            if (text.Blank)
            {
                continue; // left out of the join
            }
            // The joined texts are separated by one line break.
            _offsetBase = _texts++ == 0 ? 0 : _joinedLength + 1;
            _joinedLength = _offsetBase + text.TextLength;
            _next = text.First;
            _end = text.First + text.Count;
            _endIncrement = text.EndIncrement;
            return true;
        }
        return false;
    }
}

/// <summary>
/// One thread's token streams for the indexed text fields, each its analyzer's chain after the lower case, fed
/// from the document's words broken once (<see cref="DocumentTokens"/>). A document takes them for its fields and
/// is added on the same thread before the next one takes them again.
/// </summary>
internal sealed class IndexStreams
{
    private static readonly TextPart[] TitleParts = [TextPart.Title, TextPart.Code];
    private static readonly TextPart[] TextParts = [TextPart.Title, TextPart.Code, TextPart.Summary, TextPart.Body];
    private static readonly TextPart[] TitleEnParts = [TextPart.TitleEn];
    private static readonly TextPart[] TextEnParts = [TextPart.TitleEn, TextPart.SummaryEn, TextPart.BodyEn];
    private static readonly TextPart[] SuggestParts = [TextPart.Title, TextPart.TitleEn, TextPart.Code];
    private static readonly TextPart[] SpellParts = [TextPart.TitleEn, TextPart.SummaryEn];

    private readonly DocumentTokens _tokens;

    public IndexStreams(Analyzer words, WordForms forms)
    {
        _tokens = new DocumentTokens(words);
        // Each chain is its analyzer's in Analyzers after the tokenizer and the lower case (the Swedish stop
        // filter is the replay's), so the fields hold the tokens they held when each analyzer read its text.
        Title = Analyzers.ExpandingChain.Expand(Replay(TitleParts, swedishStops: true), forms, ExpandingFilter.Mode.Compounds, onlyFoldable: false);
        Text = Analyzers.ExpandingChain.Expand(Replay(TextParts, swedishStops: true), forms, ExpandingFilter.Mode.Compounds, onlyFoldable: false);
        TitleWords = Replay(TitleParts, swedishStops: true);
        TextWords = Replay(TextParts, swedishStops: true);
        TitleEn = Analyzers.EnglishChain.AfterLowerCase(Replay(TitleEnParts, swedishStops: false));
        TextEn = Analyzers.EnglishChain.AfterLowerCase(Replay(TextEnParts, swedishStops: false));
        Suggest = new LeadingGramFilter(new ASCIIFoldingFilter(Replay(SuggestParts, swedishStops: false)));
        Spell = Replay(SpellParts, swedishStops: false);
    }

    public TokenStream Title { get; }

    public TokenStream Text { get; }

    public TokenStream TitleWords { get; }

    public TokenStream TextWords { get; }

    public TokenStream TitleEn { get; }

    public TokenStream TextEn { get; }

    public TokenStream Suggest { get; }

    public TokenStream Spell { get; }

    /// <summary>These streams, now over the document's words.</summary>
    public IndexStreams Over(SearchDocument document)
    {
        _tokens.Fill(document);
        return this;
    }

    private TokenReplay Replay(TextPart[] parts, bool swedishStops) => new(_tokens, parts, swedishStops);
}
