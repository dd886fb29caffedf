using System.Reflection;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace UU.Search.Analysis;

/// <summary>The compound-part dictionary (with joint forms) and the synonym groups, read from text files.</summary>
public sealed class WordLists
{
    private WordLists(CharArraySet compoundParts, IReadOnlyDictionary<string, string> jointForms, IReadOnlyList<string[]> synonymGroups)
    {
        CompoundParts = compoundParts;
        JointForms = jointForms;
        SynonymGroups = synonymGroups;
    }

    public CharArraySet CompoundParts { get; }

    /// <summary>Joint forms inside compounds mapped to their base word: "arbets" to "arbete".</summary>
    public IReadOnlyDictionary<string, string> JointForms { get; }

    public IReadOnlyList<string[]> SynonymGroups { get; }

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
        var groups = synonyms
            .Select(l => l.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToArray())
            .Where(g => g.Length > 1)
            .ToList();
        return new WordLists(parts, joints, groups);
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
