using System.Text;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Index;
using Lucene.Net.Search;
using UU.Search.Analysis;
using UU.Search.Indexing;

namespace UU.Search.Querying;

/// <summary>
/// Builds a Lucene query from what a visitor typed, without any query syntax, in layers so that expansions can
/// never outrank what was typed: the topic words must match in some form (as written, stemmed, folded, English,
/// as compound parts, synonyms, translations — each with its own weight); on top of that, the words as written
/// score in their own fields, phrases and nearby words add more, genre words ("kurs", "fortbildning") only add.
/// </summary>
internal sealed class SearchQueryBuilder
{
    public const int MaxQueryLength = 200;
    public const int MaxTerms = 12;

    /// <summary>Words that say what kind of thing is wanted rather than what about: optional in a query.</summary>
    public static readonly HashSet<string> GenreWords = new(StringComparer.Ordinal)
    {
        "kurs", "kurser", "kursen", "kurserna", "utbildning", "utbildningar", "utbildningen", "vidareutbildning", "vidareutbildningar",
        "kompetensutveckling", "kompetensutvecklingen", "fortbildning", "fortbildningar", "uppdragsutbildning", "uppdragsutbildningar",
        "webbkurs", "distanskurs", "kurstillfälle", "program", "programmet", "utbildningsprogram", "introduktion", "grundkurs",
        "course", "courses", "training", "trainings", "education", "programme", "program", "module", "modul", "moduler",
        "workshop", "seminarium", "föreläsning", "kompetenshöjning", "upskilling", "cpd", "online", "distans", "hp", "högskolepoäng",
    };

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
    private readonly RankingOptions _weights;
    private readonly List<(HashSet<string> Triggers, HashSet<string> TriggerStems, string[] Targets, bool OneWay)> _synonyms;
    private readonly List<(string[] Words, string[] Targets)> _phraseSynonyms;

    public SearchQueryBuilder(Analyzers analyzers, RankingOptions weights)
    {
        _analyzers = analyzers;
        _weights = weights;
        _synonyms = analyzers.Words.Synonyms
            .Select(r => (
                r.Triggers.ToHashSet(StringComparer.Ordinal),
                r.Triggers.Where(w => !w.Contains(' ', StringComparison.Ordinal)).Select(WordForms.LightStem).ToHashSet(StringComparer.Ordinal),
                r.Targets,
                !r.Triggers.SequenceEqual(r.Targets)))
            .ToList();
        _phraseSynonyms = analyzers.Words.Synonyms
            .SelectMany(r => r.Triggers.Where(t => t.Contains(' ', StringComparison.Ordinal)).Select(t => (t.Split(' ', StringSplitOptions.RemoveEmptyEntries), r.Targets)))
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
        return builder.ToString().Normalize(NormalizationForm.FormC).Trim();
    }

    /// <summary>The words that carry meaning: lower-cased, without Swedish or English stop words (but "it" stays: IT).</summary>
    public List<string> Words(string cleaned) =>
        Analyzers.Tokens(_analyzers.Plain, Fields.Spell, cleaned)
            .Where(w => !Analyzers.SwedishStops.Contains(w) && (w == "it" || !Analyzers.EnglishStops.Contains(w)))
            .Select(w => w.Length > MaxWordLength ? w[..MaxWordLength] : w)
            .Distinct()
            .Take(MaxTerms)
            .ToList();

    /// <param name="relaxed">Any word may match rather than (nearly) all of them.</param>
    /// <param name="fuzzy">Add typo-tolerant alternatives (costly: only when the exact forms found nothing).</param>
    /// <param name="anyPart">A compound also matches through any one of its parts (for related hits, never the hits).</param>
    /// <param name="automata">The search's typo automata, shared by its queries (a new set when not given).</param>
    /// <param name="spellings">The index's words by folded spelling, for words typed without å, ä and ö (none when not given).</param>
    public Query? Build(IReadOnlyList<string> words, bool relaxed, bool fuzzy, bool anyPart = false, FuzzyAutomata? automata = null, Spellings? spellings = null)
    {
        automata ??= new FuzzyAutomata();
        if (words.Count == 0)
        {
            return null;
        }
        var topic = words.Where(w => !GenreWords.Contains(w)).ToList();
        var genre = words.Where(GenreWords.Contains).ToList();
        if (topic.Count == 0)
        {
            (topic, genre) = (genre, []);
        }

        var core = new BooleanQuery();
        var clauses = 0;
        for (var i = 0; i < topic.Count; i++)
        {
            var word = topic[i];
            var clause = Expanded(word, fuzzy && i < MaxFuzzyWords, automata, spellings, anyPart);
            // A trigger of several words ("social work") adds its targets to each of its words when all are typed.
            foreach (var (triggerWords, targets) in _phraseSynonyms)
            {
                if (triggerWords.Contains(word) && triggerWords.All(words.Contains))
                {
                    foreach (var target in targets)
                    {
                        clause.Add(AllOf(target.Split(' ', StringSplitOptions.RemoveEmptyEntries), _weights.Synonym));
                    }
                }
            }
            var size = Count(clause);
            if (clauses + size > MaxClauses && core.Clauses.Count > 0)
            {
                // The words beyond the bound are left out (and so not required).
                topic = topic.Take(i).ToList();
                break;
            }
            clauses += size;
            core.Add(clause, Occur.SHOULD);
        }
        core.MinimumNumberShouldMatch = relaxed ? 1 : topic.Count <= 2 ? topic.Count : topic.Count - 1;
        var query = new BooleanQuery { { core, Occur.MUST } };

        // The words as written: a document that has them ranks above one reached only through their variants.
        var exact = new BooleanQuery { Boost = _weights.Exact };
        foreach (var word in topic)
        {
            exact.Add(new DisjunctionMaxQuery(0.1f)
            {
                Term(Fields.TitleWords, word, _weights.ExactTitle),
                Term(Fields.TextWords, word, 1f),
            }, Occur.SHOULD);
        }
        query.Add(exact, Occur.SHOULD);

        if (topic.Count >= 2)
        {
            // Stop words leave gaps ("lärare i matematik"), so a phrase allows two.
            query.Add(Phrase(Fields.TitleWords, topic, 2, _weights.PhraseTitle), Occur.SHOULD);
            query.Add(Phrase(Fields.TextWords, topic, 2, _weights.PhraseText), Occur.SHOULD);
            query.Add(Phrase(Fields.TextWords, topic, 12, _weights.Proximity), Occur.SHOULD);
        }
        foreach (var word in genre)
        {
            var optional = Expanded(word, fuzzy: false, automata, spellings);
            optional.Boost = _weights.Genre;
            query.Add(optional, Occur.SHOULD);
        }
        return query;
    }

    /// <summary>The number of leaf clauses of a query (term and fuzzy queries), as the searcher will have to run them.</summary>
    internal static int Count(Query query) => query switch
    {
        BooleanQuery boolean => boolean.Clauses.Sum(c => Count(c.Query)),
        DisjunctionMaxQuery max => max.Disjuncts.Sum(Count),
        _ => 1,
    };

    private static PhraseQuery Phrase(string field, IReadOnlyList<string> words, int slop, float boost)
    {
        var phrase = new PhraseQuery { Slop = slop, Boost = boost };
        foreach (var word in words)
        {
            phrase.Add(new Term(field, word));
        }
        return phrase;
    }

    /// <summary>Every form of one word, each with its weight; the best-scoring form counts (plus a little of the others).</summary>
    private DisjunctionMaxQuery Expanded(string word, bool fuzzy, FuzzyAutomata automata, Spellings? spellings, bool anyPart = false)
    {
        var w = _weights;
        var clause = new DisjunctionMaxQuery(0.1f);
        var expansion = _analyzers.Forms.Of(word);
        clause.Add(Term(Fields.Title, word, w.Title));
        clause.Add(Term(Fields.Text, word, w.Text));
        foreach (var stem in expansion.Stems)
        {
            clause.Add(Term(Fields.Title, stem, w.Title * w.Stem));
            clause.Add(Term(Fields.Text, stem, w.Text * w.Stem));
        }
        if (_analyzers.Words.IrregularForms.TryGetValue(word, out var irregular))
        {
            foreach (var form in irregular)
            {
                clause.Add(Term(Fields.Title, form, w.Title * w.Stem));
                clause.Add(Term(Fields.Text, form, w.Text * w.Stem));
            }
        }
        foreach (var related in Derived(word))
        {
            clause.Add(Term(Fields.Title, related, w.Title * w.Derived));
            clause.Add(Term(Fields.Text, related, w.Text * w.Derived));
        }
        var folded = Analyzers.Fold(word);
        clause.Add(Term(Fields.CodeKey, folded, w.Code));
        if (spellings is not null && System.Text.Ascii.IsValid(word))
        {
            // Typed without å, ä and ö ("forskola"): the word and its stems find the Swedish field's words that
            // fold to them ("förskola"). A word typed with them is found as written.
            foreach (var spelling in spellings.Of(Analyzers.Tokens(_analyzers.FoldedQuery, Fields.Text, word)))
            {
                clause.Add(Term(Fields.Text, spelling, w.Folded));
            }
        }
        foreach (var form in Analyzers.Tokens(_analyzers.English, Fields.TextEn, word))
        {
            clause.Add(Term(Fields.TitleEn, form, w.EnglishTitle));
            clause.Add(Term(Fields.TextEn, form, w.EnglishText));
        }
        if (expansion.Parts.Length >= 2)
        {
            // A compound typed as one word also finds texts that use its parts separately, all of them required.
            var parts = expansion.Parts.Where(p => !expansion.Parts.Any(o => o != p && o.Contains(p, StringComparison.Ordinal))).ToList();
            clause.Add(AllOf(parts, w.Parts));
            if (anyPart)
            {
                foreach (var part in parts)
                {
                    clause.Add(AllOf([part], w.Parts * 0.5f));
                }
            }
        }
        foreach (var synonym in Synonyms(word))
        {
            clause.Add(AllOf(synonym.Split(' ', StringSplitOptions.RemoveEmptyEntries), w.Synonym));
        }
        var swedish = _analyzers.Forms.InDictionary(word);
        if (!swedish && _analyzers.Linguistics.EnglishToSwedish.TryGetValue(word, out var translations))
        {
            foreach (var translation in translations)
            {
                clause.Add(AllOf(translation.Split(' ', StringSplitOptions.RemoveEmptyEntries), w.Translation));
            }
        }
        else if (swedish && _analyzers.Linguistics.SwedishToEnglish.TryGetValue(word, out var english))
        {
            // A Swedish word also finds a course described only in English, below the Swedish ones.
            foreach (var translation in english)
            {
                clause.Add(AllOf(translation.Split(' ', StringSplitOptions.RemoveEmptyEntries), w.Translation * 0.5f));
            }
        }
        if (fuzzy)
        {
            // "forvaltningsratt" typed without å, ä, ö: the Swedish spelling splits into its parts where the folded
            // one cannot. Several spellings may be words ("förvaltningsratt" is one too): the index decides.
            foreach (var spelled in Unfolded(word))
            {
                var unfolded = Expanded(spelled, fuzzy: false, automata, spellings);
                unfolded.Boost = w.Folded;
                clause.Add(unfolded);
            }
        }
        if (fuzzy && word.Length >= 5)
        {
            // The usual rule: exact for short words, one edit from five letters, two from nine.
            var edits = word.Length >= 9 ? 2 : 1;
            clause.Add(automata.Query(new Term(Fields.Text, word), edits, 1, MaxFuzzyExpansions, transpositions: true, boost: 0.35f));
        }
        return clause;
    }

    /// <summary>All the words required, each in any of its Swedish forms, in title or text (English text too).</summary>
    private BooleanQuery AllOf(IEnumerable<string> words, float boost)
    {
        var all = new BooleanQuery { Boost = boost };
        foreach (var part in words)
        {
            var alternatives = new BooleanQuery();
            foreach (var form in Analyzers.Tokens(_analyzers.SwedishQuery, Fields.Text, part).Concat(Derived(part)))
            {
                alternatives.Add(Term(Fields.Text, form, 1f), Occur.SHOULD);
                alternatives.Add(Term(Fields.Title, form, 2f), Occur.SHOULD);
            }
            foreach (var form in Analyzers.Tokens(_analyzers.English, Fields.TextEn, part))
            {
                alternatives.Add(Term(Fields.TextEn, form, 1f), Occur.SHOULD);
            }
            if (alternatives.Clauses.Count > 0)
            {
                all.Add(alternatives, Occur.MUST);
            }
        }
        return all;
    }

    /// <summary>
    /// The noun and adjective of one Swedish subject name each find the other ("specialpedagogik" and
    /// "specialpedagogisk", "didaktik" and "didaktiska"): course titles use both. Only forms the dictionary knows.
    /// </summary>
    private IEnumerable<string> Derived(string word)
    {
        if (DerivedForm(word) is not { } other)
        {
            yield break;
        }
        // A compound is checked by its head ("specialpedagogisk" by "pedagogisk"): the dictionary lists few compounds.
        var head = _analyzers.Forms.Of(word).Parts is { Length: >= 2 } parts ? parts[^1] : null;
        if (!_analyzers.Forms.InDictionary(other) && (head is null || DerivedForm(head) is not { } derivedHead || !_analyzers.Forms.InDictionary(derivedHead)))
        {
            yield break;
        }
        // The index holds each word's stems: the derived word is searched in the forms its inflections share.
        foreach (var form in new[] { other }.Concat(_analyzers.Forms.Of(other).Stems).Distinct(StringComparer.Ordinal))
        {
            yield return form;
        }
    }

    /// <summary>Most vowels a word typed without Swedish letters is tried with å, ä or ö in place of (3^4 spellings at most).</summary>
    private const int MaxUnfoldedVowels = 4;
    private const int MaxUnfoldedSpellings = 3;

    /// <summary>Spellings the dictionary knows of a word typed without å, ä and ö, the fewest changed letters first.</summary>
    private IEnumerable<string> Unfolded(string word)
    {
        if (word.Length < 6 || word.Any(c => c is 'å' or 'ä' or 'ö' || !char.IsLetter(c)) || _analyzers.Forms.InDictionary(word) || _analyzers.Forms.Of(word).Parts.Length >= 2)
        {
            return [];
        }
        var vowels = word.Select((c, i) => (c, i)).Where(p => p.c is 'a' or 'o').Select(p => p.i).Take(MaxUnfoldedVowels).ToArray();
        var candidates = new List<string> { word };
        foreach (var position in vowels)
        {
            candidates = candidates.SelectMany(c => (c[position] == 'a' ? "aåä" : "oö").Select(v => string.Concat(c.AsSpan(0, position), v.ToString(), c.AsSpan(position + 1)))).ToList();
        }
        // The fewest changed letters first: "ratt" is more likely "rätt" than "råtta".
        return candidates
            .Where(c => c != word)
            .OrderBy(c => c.Zip(word).Count(p => p.First != p.Second))
            .Where(c => _analyzers.Forms.InDictionary(c) || _analyzers.Forms.Of(c).Parts.Length >= 2)
            .Take(MaxUnfoldedSpellings);
    }

    private static string? DerivedForm(string word)
    {
        if (word.Length >= 6 && word.EndsWith("ik", StringComparison.Ordinal))
        {
            return word[..^2] + "isk";
        }
        var suffix = word.Length < 7 ? 0 : word.EndsWith("isk", StringComparison.Ordinal) ? 3 : word.EndsWith("iska", StringComparison.Ordinal) || word.EndsWith("iskt", StringComparison.Ordinal) ? 4 : 0;
        return suffix == 0 ? null : word[..^suffix] + "ik";
    }

    private IEnumerable<string> Synonyms(string word)
    {
        var light = WordForms.LightStem(word);
        // Swedish compounds name their kind last: "distriktssköterska" is a "sköterska", "skolkurator" a "kurator".
        var head = _analyzers.Forms.Of(word).Parts is { Length: >= 2 } parts ? parts[^1] : null;
        var headLight = head is null ? null : WordForms.LightStem(head);
        // A word with a rule of its own is not read through its head: "speciallärare" means special education,
        // not every teacher's didactics.
        var ownRule = _synonyms.Any(r => r.Triggers.Contains(word) || r.TriggerStems.Contains(light));
        // Two rules can lead to the same target ("ledning" for "ledarskap"): it is searched once.
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (triggers, stems, targets, oneWay) in _synonyms)
        {
            // Only a profession rule follows the head: "demensvård" is no reason to find everything about "vård".
            if (triggers.Contains(word) || stems.Contains(light) || (!ownRule && oneWay && head is not null && (triggers.Contains(head) || stems.Contains(headLight!))))
            {
                foreach (var target in targets.Where(t => t != word && WordForms.LightStem(t) != light && given.Add(t)))
                {
                    yield return target;
                }
            }
        }
    }

    private static TermQuery Term(string field, string value, float boost) => new(new Term(field, value)) { Boost = boost };
}
