using System.Text;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using UU.Search.Analysis;

namespace UU.Search.Querying;

/// <summary>
/// Builds a Lucene query from what a visitor typed, without any query syntax: every word becomes a
/// disjunction of its exact and stemmed forms (title ranked above text), its English form, its folded form
/// (å/ä/ö typed as a/a/o), its compound parts, its synonyms and — ranked lowest — fuzzy variants.
/// </summary>
internal sealed class SearchQueryBuilder
{
    public const int MaxQueryLength = 200;
    public const int MaxTerms = 12;

    // The cost of a query is its expansion: what a visitor types is anonymous, so each part of it is bounded.
    /// <summary>Longer words are cut to this length (no Swedish word a buyer types is longer; nonsense often is).</summary>
    public const int MaxWordLength = 30;
    /// <summary>Only this many words (the first typed) get typo-tolerant variants: fuzzy matching scans the term dictionary.</summary>
    public const int MaxFuzzyWords = 4;
    /// <summary>Terms one fuzzy variant may expand to (Lucene's default is 50).</summary>
    public const int MaxFuzzyExpansions = 16;
    /// <summary>The most clauses a whole query may have; the words beyond it are left out.</summary>
    public const int MaxClauses = 300;

    private readonly Analyzers _analyzers;
    private readonly List<(string[] Words, HashSet<string> Stems)> _synonyms;

    public SearchQueryBuilder(Analyzers analyzers)
    {
        _analyzers = analyzers;
        _synonyms = analyzers.Words.SynonymGroups
            .Select(g => (g, g.SelectMany(w => Analyzers.Tokens(analyzers.SwedishQuery, Fields.Text, w)).ToHashSet(StringComparer.Ordinal)))
            .ToList();
    }

    /// <summary>Removes control characters and cuts the input to a sane length; never throws.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var builder = new StringBuilder(Math.Min(text.Length, MaxQueryLength));
        foreach (var c in text)
        {
            if (builder.Length >= MaxQueryLength)
            {
                break;
            }
            builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? ' ' : c);
        }
        return builder.ToString().Trim();
    }

    /// <summary>The words that carry meaning: lower-cased, without Swedish or English stop words (but "it" stays: IT).</summary>
    public List<string> Words(string cleaned) =>
        Analyzers.Tokens(_analyzers.Plain, Fields.Spell, cleaned)
            .Where(w => !SwedishAnalyzer.DefaultStopSet.Contains(w) && (w == "it" || !EnglishAnalyzer.DefaultStopSet.Contains(w)))
            .Select(w => w.Length > MaxWordLength ? w[..MaxWordLength] : w)
            .Distinct()
            .Take(MaxTerms)
            .ToList();

    /// <param name="relaxed">Any word may match rather than (nearly) all of them.</param>
    /// <param name="fuzzy">Add typo-tolerant alternatives (costly: only when the exact forms found nothing).</param>
    public Query? Build(IReadOnlyList<string> words, bool relaxed, bool fuzzy)
    {
        if (words.Count == 0)
        {
            return null;
        }
        var query = new BooleanQuery();
        var clauses = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var clause = TermClause(words[i], fuzzy && i < MaxFuzzyWords);
            var size = Count(clause);
            if (clauses + size > MaxClauses && query.Clauses.Count > 0)
            {
                break;
            }
            clauses += size;
            query.Add(clause, Occur.SHOULD);
        }
        var used = query.Clauses.Count;
        query.MinimumNumberShouldMatch = relaxed ? 1 : used <= 2 ? used : used - 1;
        return query;
    }

    /// <summary>The number of leaf clauses of a query (term and fuzzy queries), as the searcher will have to run them.</summary>
    internal static int Count(Query query) => query switch
    {
        BooleanQuery boolean => boolean.Clauses.Sum(c => Count(c.Query)),
        DisjunctionMaxQuery max => max.Disjuncts.Sum(Count),
        _ => 1,
    };

    private DisjunctionMaxQuery TermClause(string word, bool fuzzy)
    {
        var clause = new DisjunctionMaxQuery(0.2f);
        var swedish = Analyzers.Tokens(_analyzers.SwedishQuery, Fields.Text, word);
        foreach (var form in swedish)
        {
            clause.Add(Term(Fields.Title, form, 4f));
            clause.Add(Term(Fields.Text, form, 1.5f));
        }
        foreach (var form in Analyzers.Tokens(_analyzers.English, Fields.TextEn, word))
        {
            clause.Add(Term(Fields.TitleEn, form, 3f));
            clause.Add(Term(Fields.TextEn, form, 1f));
        }
        foreach (var form in Analyzers.Tokens(_analyzers.FoldedQuery, Fields.Folded, word))
        {
            clause.Add(Term(Fields.Folded, form, 0.6f));
        }
        if (CompoundParts(word) is { } parts)
        {
            clause.Add(parts);
        }
        foreach (var synonym in Synonyms(word, swedish))
        {
            clause.Add(synonym);
        }
        if (fuzzy && word.Length >= 5)
        {
            // The usual rule: exact for short words, one edit from five letters, two from nine.
            var edits = word.Length >= 9 ? 2 : 1;
            clause.Add(new FuzzyQuery(new Term(Fields.Text, word), edits, 1, MaxFuzzyExpansions, transpositions: true) { Boost = 0.35f });
            clause.Add(new FuzzyQuery(new Term(Fields.Folded, Analyzers.Fold(word)), edits, 1, MaxFuzzyExpansions, transpositions: true) { Boost = 0.25f });
        }
        return clause;
    }

    /// <summary>A compound typed as one word also finds texts that use its parts separately, all of them required.</summary>
    private BooleanQuery? CompoundParts(string word)
    {
        var parts = new List<string>();
        using (var stream = _analyzers.SwedishIndex.GetTokenStream(Fields.Text, word))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var keyword = stream.AddAttribute<IKeywordAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var value = term.ToString();
                if (keyword.IsKeyword && value != word && value.Length >= 3 && !parts.Contains(value))
                {
                    parts.Add(value);
                }
            }
            stream.End();
        }
        // A part contained in a longer part ("skola" in "grundskola") adds nothing on its own.
        parts = parts.Where(p => !parts.Any(o => o != p && o.Contains(p, StringComparison.Ordinal))).ToList();
        if (parts.Count < 2)
        {
            return null;
        }
        var all = new BooleanQuery { Boost = 0.8f };
        foreach (var part in parts)
        {
            var forms = new BooleanQuery();
            foreach (var form in Analyzers.Tokens(_analyzers.SwedishQuery, Fields.Text, part))
            {
                forms.Add(Term(Fields.Text, form, 1f), Occur.SHOULD);
            }
            all.Add(forms, Occur.MUST);
        }
        return all;
    }

    private IEnumerable<Query> Synonyms(string word, List<string> forms)
    {
        foreach (var (group, stems) in _synonyms)
        {
            if (!group.Contains(word) && !forms.Any(stems.Contains))
            {
                continue;
            }
            foreach (var synonym in group.Where(s => s != word))
            {
                var synonymWords = synonym.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var all = new BooleanQuery { Boost = 0.5f };
                foreach (var synonymWord in synonymWords)
                {
                    var alternatives = new BooleanQuery();
                    foreach (var form in Analyzers.Tokens(_analyzers.SwedishQuery, Fields.Text, synonymWord))
                    {
                        alternatives.Add(Term(Fields.Text, form, 1f), Occur.SHOULD);
                        alternatives.Add(Term(Fields.Title, form, 2f), Occur.SHOULD);
                    }
                    foreach (var form in Analyzers.Tokens(_analyzers.English, Fields.TextEn, synonymWord))
                    {
                        alternatives.Add(Term(Fields.TextEn, form, 1f), Occur.SHOULD);
                    }
                    if (alternatives.Clauses.Count > 0)
                    {
                        all.Add(alternatives, Occur.MUST);
                    }
                }
                if (all.Clauses.Count > 0)
                {
                    yield return all;
                }
            }
        }
    }

    private static TermQuery Term(string field, string value, float boost) => new(new Term(field, value)) { Boost = boost };
}
