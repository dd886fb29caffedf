using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;
using UU.Search.Analysis;

namespace UU.Search.Querying;

/// <summary>
/// The words of the Swedish text field as written with å, ä, ö (or another letter folding changes), by their
/// folded spelling: a visitor who types "forskola" finds "förskola". The index once held a folded copy of those
/// words in a field of its own, a tenth of a rebuild's tokens; the spellings are now looked up in the terms the
/// Swedish field has anyway, through a map per segment built once when the segment is first searched.
/// </summary>
internal sealed class Spellings
{
    private static readonly ConditionalWeakTable<object, Dictionary<string, List<string>>> Segments = new();

    private readonly IList<AtomicReaderContext> _leaves;

    public Spellings(IndexReader reader)
    {
        _leaves = reader.Leaves;
    }

    /// <summary>
    /// The Swedish field's words (in any segment) whose folded spelling is one of the given ones, each once; a
    /// folded spelling itself is not among them (the query has it as typed).
    /// </summary>
    public IReadOnlyList<string> Of(params IEnumerable<string> folded)
    {
        var found = new List<string>();
        foreach (var spelling in folded)
        {
            foreach (var leaf in _leaves)
            {
                if (!Of(leaf.AtomicReader).TryGetValue(spelling, out var words))
                {
                    continue;
                }
                foreach (var word in words)
                {
                    if (!found.Contains(word))
                    {
                        found.Add(word); // a word in several segments is listed once
                    }
                }
            }
        }
        return found;
    }

    /// <summary>One segment's map, built on first use (the searcher factory warms it for new segments).</summary>
    public static Dictionary<string, List<string>> Of(AtomicReader reader) => Segments.GetValue(reader.CoreCacheKey, _ => Read(reader));

    private static Dictionary<string, List<string>> Read(AtomicReader reader)
    {
        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (reader.GetTerms(Fields.Text) is { } terms)
        {
            var termsEnum = terms.GetEnumerator();
            while (termsEnum.MoveNext())
            {
                var term = termsEnum.Term;
                if (IsAscii(term))
                {
                    continue; // folding changes nothing
                }
                var word = term.Utf8ToString();
                var folded = Analyzers.Fold(word);
                if (folded == word)
                {
                    continue;
                }
                if (!lists.TryGetValue(folded, out var words))
                {
                    lists[folded] = words = [];
                }
                words.Add(word);
            }
        }
        return lists;
    }

    private static bool IsAscii(BytesRef term) => System.Text.Ascii.IsValid(term.Bytes.AsSpan(term.Offset, term.Length));
}
