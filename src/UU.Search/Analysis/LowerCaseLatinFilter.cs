using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace UU.Search.Analysis;

/// <summary>
/// Lower case, as Lucene's LowerCaseFilter, with the letters of Swedish and English text (ASCII and Latin-1)
/// mapped in place. Lucene's filter asks the culture for every token, and that call was a quarter of a full
/// rebuild's analysis; a token with any other letter still goes through the invariant culture.
/// </summary>
internal sealed class LowerCaseLatinFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public LowerCaseLatinFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }
        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c < 'A')
            {
                continue;
            }
            if (c <= 'Z')
            {
                buffer[i] = (char)(c + 32);
            }
            else if (c >= '\u00C0')
            {
                if (c <= '\u00DE' && c != '\u00D7')
                {
                    // À–Þ (but ×) lie 32 below their small letters, as A–Z do.
                    buffer[i] = (char)(c + 32);
                }
                else if (c > '\u00FF')
                {
                    LowerRest(buffer, i, length);
                    return true;
                }
            }
        }
        return true;
    }

    /// <summary>The rest of the token through the invariant culture, surrogate pairs included.</summary>
    private void LowerRest(char[] buffer, int start, int length)
    {
        var lowered = new string(buffer, start, length - start).ToLowerInvariant();
        if (lowered.Length == length - start)
        {
            lowered.CopyTo(0, buffer, start, lowered.Length);
            return;
        }
        var head = new string(buffer, 0, start);
        _term.SetEmpty().Append(head).Append(lowered);
    }
}
