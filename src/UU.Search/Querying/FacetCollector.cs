using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace UU.Search.Querying;

/// <summary>
/// Counts the values of one facet over the matching documents from sorted-set doc values, per segment by
/// ordinal, resolving ordinals to values once per segment (the Facet module is not available here).
/// </summary>
internal sealed class FacetCollector(string field) : ICollector
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private SortedSetDocValues? _values;
    private int[] _segmentCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public IReadOnlyDictionary<string, int> Counts
    {
        get
        {
            Flush();
            return _counts;
        }
    }

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _values = context.AtomicReader.GetSortedSetDocValues(field);
        _segmentCounts = _values is null ? [] : new int[_values.ValueCount];
    }

    public void Collect(int doc)
    {
        if (_values is null)
        {
            return;
        }
        _values.SetDocument(doc);
        long ord;
        while ((ord = _values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
        {
            _segmentCounts[ord]++;
        }
    }

    private void Flush()
    {
        if (_values is null)
        {
            return;
        }
        var bytes = new BytesRef();
        for (var ord = 0; ord < _segmentCounts.Length; ord++)
        {
            if (_segmentCounts[ord] == 0)
            {
                continue;
            }
            _values.LookupOrd(ord, bytes);
            var value = bytes.Utf8ToString();
            _counts[value] = _counts.GetValueOrDefault(value) + _segmentCounts[ord];
        }
        _values = null;
        _segmentCounts = [];
    }
}
