using System.Reflection;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace UU.Search.Analysis;

/// <summary>The compound-part dictionary (with joint forms) and the synonym groups, read from text files.</summary>
public sealed class WordLists
{
    private WordLists(CharArraySet compoundParts, IReadOnlyDictionary<string, string> jointForms, IReadOnlyList<SynonymRule> synonyms, IReadOnlyDictionary<string, string[]> irregularForms)
    {
        CompoundParts = compoundParts;
        JointForms = jointForms;
        Synonyms = synonyms;
        IrregularForms = irregularForms;
    }

    /// <summary>Each form of a noun with a vowel-changing plural mapped to the other forms ("böcker" → "bok", "bok" → "böcker", "böckerna").</summary>
    public IReadOnlyDictionary<string, string[]> IrregularForms { get; }

    public CharArraySet CompoundParts { get; }

    /// <summary>Joint forms inside compounds mapped to their base word: "arbets" to "arbete".</summary>
    public IReadOnlyDictionary<string, string> JointForms { get; }

    /// <summary>
    /// "a, b, c" is a group (each finds the others); "a, b => c, d" is one-way (a profession finds its subject, not
    /// the other way round).
    /// </summary>
    public IReadOnlyList<SynonymRule> Synonyms { get; }

    public static WordLists Load(string? extraSynonymsPath = null)
    {
        var parts = new CharArraySet(LuceneVersion.LUCENE_48, 512, ignoreCase: true);
        var joints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Lines(ReadResource("compounds.txt")))
        {
            var split = line.Split('>', 2, StringSplitOptions.TrimEntries);
            parts.Add(split[0]);
            if (split.Length == 2)
            {
                joints[split[0]] = split[1];
                parts.Add(split[1]);
            }
        }
        var synonyms = Lines(ReadResource("synonyms.txt")).ToList();
        if (!string.IsNullOrWhiteSpace(extraSynonymsPath) && File.Exists(extraSynonymsPath))
        {
            synonyms.AddRange(Lines(File.ReadAllText(extraSynonymsPath)));
        }
        var groups = new List<SynonymRule>();
        foreach (var line in synonyms)
        {
            static string[] Words(string list) =>
                list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).Distinct().ToArray();
            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            var rule = arrow < 0 ? new SynonymRule(Words(line), Words(line)) : new SynonymRule(Words(line[..arrow]), Words(line[(arrow + 2)..]));
            if (rule.Triggers.Length > 0 && rule.Targets.Length > 0 && (arrow >= 0 || rule.Triggers.Length > 1))
            {
                groups.Add(rule);
            }
        }
        var irregular = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in Lines(ReadResource("inflections.txt")))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }
            var family = new[] { line[..colon].Trim() }
                .Concat(line[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            foreach (var form in family)
            {
                irregular[form] = family.Where(f => f != form).ToArray();
            }
        }
        return new WordLists(parts, joints, groups, irregular);
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.ToLowerInvariant());

    private static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("UU.Search.Data." + name)
            ?? throw new InvalidOperationException($"Embedded word list {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>A query word among <see cref="Triggers"/> also finds texts with any of <see cref="Targets"/> (each may be several words).</summary>
public sealed record SynonymRule(string[] Triggers, string[] Targets);
