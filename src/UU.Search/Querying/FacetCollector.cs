using System.Runtime.CompilerServices;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace UU.Search.Querying;

/// <summary>
/// Counts the values of several facets over the matching documents at once (the Facet module is not available
/// here). A document costs one increment whatever the number of facets: it is counted by its
/// <see cref="FacetSignatures">signature</see>, the combination of facet values it has, and each signature's
/// count goes to its values when the segment is done.
/// </summary>
internal sealed class FacetCollector(IEnumerable<string> facets) : ICollector
{
    private readonly HashSet<string> _facets = facets.ToHashSet(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, int>> _counts = new(StringComparer.Ordinal);
    private FacetSignatures? _signatures;
    private int[] _segmentCounts = [];

    public bool AcceptsDocsOutOfOrder => true;

    /// <summary>The count of each value of one facet (empty when nothing matched or the facet is unknown).</summary>
    public IReadOnlyDictionary<string, int> Counts(string facet)
    {
        Flush();
        return _counts.TryGetValue(facet, out var counts) ? counts : [];
    }

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _signatures = FacetSignatures.Of(context.AtomicReader);
        _segmentCounts = new int[_signatures.Count];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Collect(int doc) => _segmentCounts[_signatures!.OfDocument[doc]]++;

    private void Flush()
    {
        if (_signatures is null)
        {
            return;
        }
        for (var signature = 0; signature < _segmentCounts.Length; signature++)
        {
            var count = _segmentCounts[signature];
            if (count == 0)
            {
                continue;
            }
            foreach (var (facet, value) in _signatures.Values[signature])
            {
                if (!_facets.Contains(facet))
                {
                    continue;
                }
                if (!_counts.TryGetValue(facet, out var counts))
                {
                    counts = new Dictionary<string, int>(StringComparer.Ordinal);
                    _counts[facet] = counts;
                }
                counts[value] = counts.GetValueOrDefault(value) + count;
            }
        }
        _signatures = null;
        _segmentCounts = [];
    }
}

/// <summary>
/// The distinct combinations of facet values in one segment and which one each document has, read once from
/// the sorted-set doc values of the facet fields and kept as long as the segment is open (deletions do not
/// change it). A catalogue has far fewer combinations (type, subject, level, format, credits, size) than documents.
/// </summary>
internal sealed class FacetSignatures
{
    private static readonly ConditionalWeakTable<object, FacetSignatures> Segments = new();

    private FacetSignatures(int[] ofDocument, (string Facet, string Value)[][] values)
    {
        OfDocument = ofDocument;
        Values = values;
    }

    /// <summary>The signature of each document of the segment.</summary>
    public int[] OfDocument { get; }

    /// <summary>The facet values (facet name without its field prefix) of each signature.</summary>
    public (string Facet, string Value)[][] Values { get; }

    public int Count => Values.Length;

    public static FacetSignatures Of(AtomicReader reader) => Segments.GetValue(reader.CoreCacheKey, _ => Read(reader));

    private static FacetSignatures Read(AtomicReader reader)
    {
        var fields = reader.FieldInfos
            .Where(f => f.Name.StartsWith(Fields.FacetPrefix, StringComparison.Ordinal) && f.DocValuesType == DocValuesType.SORTED_SET)
            .Select(f => (Facet: f.Name[Fields.FacetPrefix.Length..], Values: reader.GetSortedSetDocValues(f.Name)))
            .Where(f => f.Values is not null)
            .ToArray();
        var ofDocument = new int[reader.MaxDoc];
        var known = new Dictionary<string, int>(StringComparer.Ordinal);
        var values = new List<(string, string)[]>();
        var key = new StringBuilder();
        var ords = new List<(int Field, long Ord)>();
        var bytes = new BytesRef();
        var names = fields.Select(_ => new Dictionary<long, string>()).ToArray();
        for (var doc = 0; doc < ofDocument.Length; doc++)
        {
            key.Clear();
            ords.Clear();
            for (var f = 0; f < fields.Length; f++)
            {
                var docValues = fields[f].Values;
                docValues.SetDocument(doc);
                long ord;
                while ((ord = docValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                {
                    ords.Add((f, ord));
                    key.Append(f).Append(':').Append(ord).Append(' ');
                }
            }
            var text = key.ToString();
            if (!known.TryGetValue(text, out var signature))
            {
                signature = values.Count;
                known[text] = signature;
                values.Add([.. ords.Select(o => (fields[o.Field].Facet, Name(o.Field, o.Ord)))]);
            }
            ofDocument[doc] = signature;
        }
        return new FacetSignatures(ofDocument, [.. values]);

        string Name(int field, long ord)
        {
            if (!names[field].TryGetValue(ord, out var name))
            {
                fields[field].Values.LookupOrd(ord, bytes);
                name = bytes.Utf8ToString();
                names[field][ord] = name;
            }
            return name;
        }
    }
}
