using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Lucene.Net.Analysis.Hunspell;
using Microsoft.Extensions.Logging;

namespace UU.Search.Analysis;

/// <summary>
/// Language resources read from Debian's packages: the Swedish Hunspell dictionary (hunspell-sv: stems, and its
/// word list as the base words compounds are split into) and the FreeDict English–Swedish dictionary
/// (dict-freedict-eng-swe: English query words to Swedish). Either may be missing; the engine then works without
/// that feature and says so once in the log.
/// </summary>
public sealed partial class Linguistics
{
    public const string DefaultHunspellPath = "/usr/share/hunspell/sv_SE";
    public const string DefaultFreedictPath = "/usr/share/dictd/freedict-eng-swe";

    // REVIEW: a process-wide cache of read-only data keyed by file path. The Swedish dictionary takes a second or
    // two and ~100 MB to load; every index (and every test index) of one process shares the same copy. Nothing in
    // it changes after loading.
    private static readonly ConcurrentDictionary<(string?, string?), Lazy<Linguistics>> Cache = new();

    private Linguistics(Dictionary? hunspell, HashSet<string> baseWords, IReadOnlyDictionary<string, string[]> english)
    {
        Hunspell = hunspell;
        BaseWords = baseWords;
        EnglishToSwedish = english;
        // The same dictionary read backwards, one-word translations only ("skog" → "forest").
        SwedishToEnglish = english
            .SelectMany(e => e.Value.Where(t => !t.Contains(' ', StringComparison.Ordinal)).Select(t => (Swedish: t, English: e.Key)))
            .GroupBy(p => p.Swedish, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.English).Distinct(StringComparer.Ordinal).Take(4).ToArray(), StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, string[]> SwedishToEnglish { get; }

    /// <summary>Null when the dictionary files are missing.</summary>
    public Dictionary? Hunspell { get; }

    /// <summary>Lower-case Swedish words (no names, no abbreviations) that compounds may be split into.</summary>
    public HashSet<string> BaseWords { get; }

    public IReadOnlyDictionary<string, string[]> EnglishToSwedish { get; }

    public static readonly Linguistics None = new(null, new HashSet<string>(StringComparer.Ordinal), new Dictionary<string, string[]>());

    /// <param name="hunspellPath">Path without extension of the .aff/.dic pair; empty turns the feature off.</param>
    /// <param name="freedictPath">Path without extension of the .index/.dict.dz pair; empty turns the feature off.</param>
    public static Linguistics Load(string? hunspellPath, string? freedictPath, ILogger logger) =>
        Cache.GetOrAdd((hunspellPath, freedictPath), key => new Lazy<Linguistics>(() => Read(key.Item1, key.Item2, logger))).Value;

    private static Linguistics Read(string? hunspellPath, string? freedictPath, ILogger logger)
    {
        Dictionary? hunspell = null;
        var baseWords = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(hunspellPath))
        {
            var aff = hunspellPath + ".aff";
            var dic = hunspellPath + ".dic";
            if (File.Exists(aff) && File.Exists(dic))
            {
                using (var affix = File.OpenRead(aff))
                using (var words = File.OpenRead(dic))
                {
                    hunspell = new Dictionary(affix, words);
                }
                foreach (var line in File.ReadLines(dic, Encoding.UTF8).Skip(1))
                {
                    var slash = line.IndexOf('/', StringComparison.Ordinal);
                    var word = slash < 0 ? line.Trim() : line[..slash];
                    if (word.Length >= 3 && word.All(c => char.IsLower(c)))
                    {
                        baseWords.Add(word);
                    }
                }
            }
            else
            {
                LogMissing(logger, "hunspell-sv", aff + ", " + dic, "Swedish stems from the dictionary and compound splitting beyond the built-in word list");
            }
        }
        var english = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(freedictPath))
        {
            var index = freedictPath + ".index";
            var dict = freedictPath + ".dict.dz";
            if (File.Exists(index) && File.Exists(dict))
            {
                ReadFreedict(index, dict, english);
            }
            else
            {
                LogMissing(logger, "dict-freedict-eng-swe", index + ", " + dict, "English query words translated to Swedish");
            }
        }
        return new Linguistics(hunspell, baseWords, english);
    }

    /// <summary>dictd format: the index holds headword, offset and length (base64 numbers) into the gzip-compressed text.</summary>
    private static void ReadFreedict(string indexPath, string dictPath, Dictionary<string, string[]> map)
    {
        byte[] text;
        using (var file = File.OpenRead(dictPath))
        using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        using (var buffer = new MemoryStream())
        {
            gzip.CopyTo(buffer);
            text = buffer.ToArray();
        }
        foreach (var line in File.ReadLines(indexPath, Encoding.UTF8))
        {
            var fields = line.Split('\t');
            if (fields.Length < 3 || fields[0].StartsWith("00database", StringComparison.Ordinal))
            {
                continue;
            }
            var headword = fields[0].Trim().ToLowerInvariant();
            var offset = Base64Number(fields[1]);
            var length = Base64Number(fields[2]);
            if (headword.Length < 2 || offset < 0 || length <= 0 || offset + length > text.Length)
            {
                continue;
            }
            var entry = Encoding.UTF8.GetString(text, (int)offset, (int)length).Split('\n');
            var translations = entry.Skip(1)
                .Select(l => l.Trim())
                .Select(l => l.Length > 3 && char.IsDigit(l[0]) && l[1] == '.' ? l[2..].Trim() : l)
                .SelectMany(l => l.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                .Select(t => t.ToLowerInvariant())
                .Where(t => t.Length >= 2 && t.Length <= 40 && t.All(c => char.IsLetter(c) || c == ' '))
                .ToList();
            if (translations.Count == 0)
            {
                continue;
            }
            var all = map.TryGetValue(headword, out var known) ? known.Concat(translations) : translations;
            map[headword] = all.Distinct(StringComparer.Ordinal).Take(6).ToArray();
        }
    }

    private static long Base64Number(string digits)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        long value = 0;
        foreach (var c in digits.Trim())
        {
            var digit = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return -1;
            }
            value = value * 64 + digit;
        }
        return value;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search runs without {Package}: {Files} not found (install the Debian package); missing: {Feature}")]
    private static partial void LogMissing(ILogger logger, string package, string files, string feature);
}
