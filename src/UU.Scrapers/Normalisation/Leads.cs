using System.Text;

namespace UU.Scrapers.Normalisation;

/// <summary>Whether an item is about education or training: by CPV code when it has any, else by its words.</summary>
public static class EducationFilter
{
    /// <summary>CPV 80 is "education and training services"; 79632 is "personnel-training services".</summary>
    public static readonly string[] DefaultCpvPrefixes = ["80", "79632"];

    private static readonly string[] Words =
    [
        "utbildning", "fortbildning", "kompetensutveckling", "kompetenslyft", "uppdragsutbildning", "kurs", "handledning",
        "lärarlyft", "rektorsprogram", "training", "education", "course",
    ];

    public static bool IsEducation(ScrapedItem item, IReadOnlyCollection<string>? cpvPrefixes = null)
    {
        var prefixes = cpvPrefixes ?? DefaultCpvPrefixes;
        if (item.CpvCodes.Count > 0)
        {
            // A cleaning contract for schools mentions schools; its CPV says what is bought.
            return item.CpvCodes.Any(code => prefixes.Any(p => code.StartsWith(p, StringComparison.Ordinal)));
        }
        var text = (item.Title + " " + item.Description).ToLowerInvariant();
        return Words.Any(w => text.Contains(w, StringComparison.Ordinal));
    }
}

/// <summary>The kind of buyer from its name, for sources that give no organisation number.</summary>
public static class BuyerClassifier
{
    private static readonly string[] AgencyWords = ["myndighet", "verket", "styrelsen", "inspektionen", "kassan", "skolverket", "universitet", "högskola", "polisen", "domstol"];

    public static BuyerKind FromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return BuyerKind.Unknown;
        }
        var n = name.Trim().ToLowerInvariant();
        if (n.Contains("kommun", StringComparison.Ordinal) || n.EndsWith("stad", StringComparison.Ordinal))
        {
            return BuyerKind.Municipality;
        }
        if (n.StartsWith("region ", StringComparison.Ordinal) || n.StartsWith("regionen ", StringComparison.Ordinal) || n.Contains("landsting", StringComparison.Ordinal))
        {
            return BuyerKind.Region;
        }
        if (AgencyWords.Any(w => n.Contains(w, StringComparison.Ordinal)))
        {
            return BuyerKind.Agency;
        }
        if (n.EndsWith(" ab", StringComparison.Ordinal) || n.Contains("aktiebolag", StringComparison.Ordinal) || n.EndsWith(" ab (publ)", StringComparison.Ordinal))
        {
            return BuyerKind.Company;
        }
        return BuyerKind.Unknown;
    }
}

/// <summary>Items from several sources that are the same procurement, merged into one lead.</summary>
public sealed record MergedLead(IReadOnlyList<ScrapedItem> Items)
{
    /// <summary>The item with the most to say leads; the others contribute what it lacks.</summary>
    public ScrapedItem Primary => Items.OrderByDescending(i => (i.Buyer is null ? 0 : 1) + (i.Deadline is null ? 0 : 1) + (i.ProcurementId is null ? 0 : 1) + i.CpvCodes.Count).First();

    public IEnumerable<string> Sources => Items.Select(i => i.Source).Distinct();
}

/// <summary>
/// De-duplicates across sources: the same upphandlings-ID, then the same TED number, then the same buyer with a
/// closely matching title and the same deadline day, unless the two carry different upphandlings-IDs or TED numbers.
/// Merges are transitive.
/// </summary>
public static class Deduplicator
{
    public const double TitleSimilarity = 0.6;

    public static List<MergedLead> Merge(IReadOnlyList<ScrapedItem> items)
    {
        var parent = Enumerable.Range(0, items.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        void Union(int a, int b) => parent[Find(a)] = Find(b);

        void UnionBy(Func<ScrapedItem, string?> key)
        {
            foreach (var group in items.Select((item, index) => (Key: key(item), index)).Where(p => p.Key is not null).GroupBy(p => p.Key))
            {
                var first = group.First().index;
                foreach (var (_, index) in group.Skip(1))
                {
                    Union(first, index);
                }
            }
        }
        UnionBy(i => i.ProcurementId);
        UnionBy(i => i.TedNumber);
        // Each group's identifiers, so a content match never joins two groups that carry different ones (even through a third item).
        var ids = new Dictionary<int, (HashSet<string> Procurement, HashSet<string> Ted)>();
        (HashSet<string> Procurement, HashSet<string> Ted) IdsOf(int root)
        {
            if (!ids.TryGetValue(root, out var set))
            {
                var members = Enumerable.Range(0, items.Count).Where(i => Find(i) == root).Select(i => items[i]).ToList();
                ids[root] = set = (members.Select(m => m.ProcurementId).OfType<string>().ToHashSet(), members.Select(m => m.TedNumber).OfType<string>().ToHashSet());
            }
            return set;
        }
        static bool Conflict(HashSet<string> x, HashSet<string> y) => x.Count > 0 && y.Count > 0 && !x.Overlaps(y);
        for (var a = 0; a < items.Count; a++)
        {
            for (var b = a + 1; b < items.Count; b++)
            {
                int ra = Find(a), rb = Find(b);
                if (ra == rb || !SameByContent(items[a], items[b]))
                {
                    continue;
                }
                var (pa, ta) = IdsOf(ra);
                var (pb, tb) = IdsOf(rb);
                if (Conflict(pa, pb) || Conflict(ta, tb))
                {
                    continue;
                }
                Union(a, b);
                var root = Find(a);
                ids.Remove(ra);
                ids.Remove(rb);
                ids[root] = ([.. pa, .. pb], [.. ta, .. tb]);
            }
        }
        return items.Select((item, index) => (item, root: Find(index)))
            .GroupBy(p => p.root)
            .Select(g => new MergedLead(g.Select(p => p.item).ToList()))
            .ToList();
    }

    /// <summary>Whether two items are one procurement by the rules <see cref="Merge"/> applies pairwise: the same upphandlings-ID or TED number, else alike by content.</summary>
    public static bool Same(ScrapedItem a, ScrapedItem b) =>
        (a.ProcurementId is not null && a.ProcurementId == b.ProcurementId)
        || (a.TedNumber is not null && a.TedNumber == b.TedNumber)
        || SameByContent(a, b);

    private static bool SameByContent(ScrapedItem a, ScrapedItem b)
    {
        // Two different identifiers of the same kind are two procurements, however alike their titles.
        if ((a.ProcurementId is not null && b.ProcurementId is not null && a.ProcurementId != b.ProcurementId)
            || (a.TedNumber is not null && b.TedNumber is not null && a.TedNumber != b.TedNumber))
        {
            return false;
        }
        if (a.Buyer is null || b.Buyer is null || Normalise(a.Buyer) != Normalise(b.Buyer))
        {
            return false;
        }
        if (a.Deadline is { } da && b.Deadline is { } db && Math.Abs((da - db).TotalHours) > 24)
        {
            return false;
        }
        return Similarity(a.Title, b.Title) >= TitleSimilarity;
    }

    /// <summary>Jaccard similarity of the titles' words (lower case, accents kept, short words dropped).</summary>
    public static double Similarity(string a, string b)
    {
        var x = Words(a);
        var y = Words(b);
        return x.Count == 0 || y.Count == 0 ? 0 : x.Intersect(y).Count() / (double)x.Union(y).Count();
    }

    private static HashSet<string> Words(string text) =>
        Normalise(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 2).ToHashSet();

    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
