using System.Collections.Concurrent;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Hunspell;
using Lucene.Net.Analysis.Sv;
using Lucene.Net.Analysis.TokenAttributes;

namespace UU.Search.Analysis;

/// <summary>What one lower-case word stands for: its stems and, for a compound, its parts (each with its stems).</summary>
public sealed record WordExpansion(string Word, string[] Stems, string[] Parts, string[] PartForms, bool Known)
{
    /// <summary>Every form the index holds for the word: the word, its stems, its parts and their stems.</summary>
    public string[] IndexForms { get; } = new[] { Word }.Concat(Stems).Concat(Parts).Concat(PartForms).Distinct(StringComparer.Ordinal).ToArray();
}

/// <summary>A token's replacement (null: keep it as it is) and the forms emitted after it at the same position.</summary>
internal sealed record EmittedForms(string? Replacement, string[] Pending);

/// <summary>
/// Stems and compound parts of words, computed once per distinct word and remembered: a catalogue repeats its
/// vocabulary, so analysis of a full rebuild is mostly dictionary look-ups.
/// </summary>
public sealed class WordForms
{
    private const int MaxCached = 400_000;
    private const int MinPart = 4;

    private readonly Linguistics _linguistics;
    private readonly HashSet<string> _curatedParts;
    private readonly IReadOnlyDictionary<string, string> _jointForms;
    private readonly HashSet<string> _baseStems;
    private readonly ConcurrentDictionary<string, WordExpansion> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EmittedForms>[] _emitted =
        Enumerable.Range(0, 8).Select(_ => new ConcurrentDictionary<string, EmittedForms>(StringComparer.Ordinal)).ToArray();

    public WordForms(Linguistics linguistics, WordLists words)
    {
        _linguistics = linguistics;
        _curatedParts = words.CompoundParts.Select(p => p.ToString()!).ToHashSet(StringComparer.Ordinal);
        _jointForms = words.JointForms;
        _baseStems = linguistics.BaseWords.Select(LightStem).ToHashSet(StringComparer.Ordinal);
    }

    public bool HasDictionary => _linguistics.Hunspell is not null;

    /// <summary>True when the Swedish dictionary (or the curated word list) knows the word in some inflected form.</summary>
    public bool IsSwedish(string word) => Of(word).Known;

    /// <summary>
    /// True when the dictionary lists the word itself or Hunspell reads it as an inflection of a listed word: stricter
    /// than <see cref="IsSwedish"/>, whose light stems also accept foreign words ("forest" → "for").
    /// </summary>
    public bool InDictionary(string word) =>
        _linguistics.BaseWords.Contains(word) || _curatedParts.Contains(word) ||
        HunspellStems(word).Any(s => s != word && (_linguistics.BaseWords.Contains(s) || _curatedParts.Contains(s)));

    public WordExpansion Of(string word)
    {
        if (_cache.TryGetValue(word, out var known))
        {
            return known;
        }
        var expansion = Compute(word);
        if (_cache.Count < MaxCached)
        {
            _cache.TryAdd(word, expansion);
        }
        return expansion;
    }

    /// <summary>
    /// What <see cref="ExpandingFilter"/> makes of one token in a mode: the term to put in its place (folded, or
    /// null to keep it) and the forms that follow it at the same position. Remembered per distinct word and mode.
    /// </summary>
    internal EmittedForms Emitted(ReadOnlySpan<char> word, ExpandingFilter.Mode mode)
    {
        var cache = _emitted[(int)mode & 7];
        if (cache.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var known))
        {
            return known;
        }
        var text = word.ToString();
        var emitted = ComputeEmitted(text, mode);
        if (cache.Count < MaxCached)
        {
            cache.TryAdd(text, emitted);
        }
        return emitted;
    }

    private EmittedForms ComputeEmitted(string word, ExpandingFilter.Mode mode)
    {
        var expansion = Of(word);
        var fold = mode.HasFlag(ExpandingFilter.Mode.Fold);
        var first = fold ? Analyzers.Fold(word) : word;
        var pending = new List<string>();
        void Add(string form)
        {
            var value = fold ? Analyzers.Fold(form) : form;
            if (value != first && !pending.Contains(value))
            {
                pending.Add(value);
            }
        }
        if (mode.HasFlag(ExpandingFilter.Mode.Compounds))
        {
            foreach (var part in expansion.Parts) Add(part);
            foreach (var form in expansion.PartForms) Add(form);
        }
        foreach (var stem in expansion.Stems) Add(stem);
        return new EmittedForms(fold ? first : null, [.. pending]);
    }

    private WordExpansion Compute(string word)
    {
        if (word.Length < 3 || word.Any(char.IsDigit))
        {
            return new WordExpansion(word, [], [], [], false);
        }
        var hunspell = HunspellStems(word);
        var light = LightStem(word);
        // The word's own light stem goes last: query and index agree on it whatever the dictionary says.
        var stems = hunspell.Concat(hunspell.Select(LightStem)).Where(s => s != word && s != light).Distinct(StringComparer.Ordinal).ToList();
        if (light != word) stems.Add(light);
        var known = hunspell.Length > 0 || _linguistics.BaseWords.Contains(word) || _curatedParts.Contains(word) || _curatedParts.Contains(light);
        // A word the dictionary knows is split only into longer parts: "hållbarhet" is not "håll" + "barhet".
        var minPart = known ? MinPart + 1 : MinPart;
        var parts = Split(word, minPart) ?? [];
        // A part that is itself a compound gives its own parts too: "arbetsmiljö" → "arbete" + "miljö".
        parts = parts.Concat(parts.SelectMany(p => Split(p, MinPart) ?? [])).Distinct(StringComparer.Ordinal).ToArray();
        var partForms = parts.SelectMany(p => new[] { LightStem(p) }.Concat(HunspellStems(p).Select(LightStem))).Where(f => !parts.Contains(f)).ToList();
        return new WordExpansion(word, [.. stems], parts, partForms.Distinct(StringComparer.Ordinal).ToArray(), known);
    }

    /// <summary>The light stemmer twice: "skolan" → "skola" → "skol", like "skolor" → "skol".</summary>
    public static string LightStem(string word)
    {
        var chars = word.ToCharArray();
        var stemmer = new SwedishLightStemmer();
        var length = stemmer.Stem(chars, chars.Length);
        length = stemmer.Stem(chars, length);
        return new string(chars, 0, length);
    }

    private string[] HunspellStems(string word)
    {
        if (_linguistics.Hunspell is not { } dictionary)
        {
            return [];
        }
        // Stemmer is internal to Lucene.Net: the stem filter over a one-word stream gives the same stems.
        using var stream = new HunspellStemFilter(new KeywordTokenizer(new StringReader(word)), dictionary, dedup: true, longestOnly: false);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var stems = new List<string>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var stem = term.ToString().ToLowerInvariant();
            if (!stems.Contains(stem)) stems.Add(stem);
        }
        stream.End();
        // Hunspell gives the word back unchanged when it does not know it.
        return stems.Count == 1 && stems[0] == word && !_linguistics.BaseWords.Contains(word) && !KnownInflected(word) ? [] : [.. stems];
    }

    private bool KnownInflected(string word) => _baseStems.Contains(LightStem(word));

    /// <summary>
    /// Splits a compound into known words, fewest parts first: "förskolepedagogik" → förskola + pedagogik,
    /// "arbetsmiljöutbildning" → arbetsmiljö + utbildning. Parts are at least four letters (or a curated part),
    /// may carry a joint "s" or a curated joint form, and the last part may be inflected. Null when no split.
    /// </summary>
    private string[]? Split(string word, int minPart)
    {
        if (word.Length < 2 * minPart - 1)
        {
            return null;
        }
        var best = SplitFrom(word, 0, depth: 0, minPart);
        return best is { Count: >= 2 } ? [.. best] : null;
    }

    private List<string>? SplitFrom(string word, int start, int depth, int minPart)
    {
        if (depth > 3)
        {
            return null;
        }
        var rest = word[start..];
        if (depth > 0 && IsLastPart(rest, minPart))
        {
            return [BaseOf(rest, minPart) ?? rest];
        }
        // Longest first part first: "arbetsmiljö|utbildning" before "arbet|smiljö...".
        for (var end = word.Length - minPart + 1; end > start + 2; end--)
        {
            if (end - start >= word.Length - start)
            {
                continue;
            }
            var candidate = word[start..end];
            if (BaseOf(candidate, minPart) is not { } part)
            {
                continue;
            }
            var tail = SplitFrom(word, end, depth + 1, minPart);
            if (tail is not null)
            {
                return [part, .. tail];
            }
        }
        return null;
    }

    /// <summary>The base word a non-final part stands for, or null when it is not a word.</summary>
    private string? BaseOf(string part, int minPart)
    {
        if (_jointForms.TryGetValue(part, out var joint)) return joint;
        if (_curatedParts.Contains(part)) return part;
        if (part.Length < minPart) return null;
        if (_linguistics.BaseWords.Contains(part)) return part;
        if (part.Length > minPart && part[^1] == 's' && _linguistics.BaseWords.Contains(part[..^1])) return part[..^1];
        return null;
    }

    private bool IsLastPart(string rest, int minPart) =>
        _curatedParts.Contains(rest) ||
        (rest.Length >= minPart && (_linguistics.BaseWords.Contains(rest) || (rest.Length >= minPart + 1 && KnownInflected(rest))));
}
