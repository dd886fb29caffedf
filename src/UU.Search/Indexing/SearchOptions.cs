using System.ComponentModel.DataAnnotations;
using UU.Search.Analysis;

namespace UU.Search.Indexing;

public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>Folder of this node's index. The host sets a default under its data folder.</summary>
    public string IndexPath { get; set; } = "";

    /// <summary>
    /// Extra synonym lines that coordinators maintain: "a, b, c" (each finds the others) or "profession => subject"
    /// (one way). Read at start; run `reindex` is not needed (synonyms apply at query time), a restart is.
    /// </summary>
    public string? SynonymsPath { get; set; }

    /// <summary>The Swedish Hunspell dictionary, path without .aff/.dic (Debian's hunspell-sv); empty turns it off.</summary>
    public string? HunspellPath { get; set; } = Linguistics.DefaultHunspellPath;

    /// <summary>The FreeDict English–Swedish dictionary, path without .index/.dict.dz (dict-freedict-eng-swe); empty turns it off.</summary>
    public string? FreedictPath { get; set; } = Linguistics.DefaultFreedictPath;

    /// <summary>Longest time between a write and the moment it becomes searchable.</summary>
    [Range(10, 5000)]
    public int RefreshMilliseconds { get; set; } = 200;

    public RankingOptions Ranking { get; set; } = new();

    /// <summary>
    /// Remember completions per index state (the same prefixes are typed over and over). Off, every suggestion
    /// runs its query: the benchmark measures both.
    /// </summary>
    public bool RememberCompletions { get; set; } = true;

    /// <summary>
    /// Opens the index folder as a Lucene directory; null: the file system (NIOFS). Not configuration: tests put a
    /// directory in front of the disk that fails the way a full one does.
    /// </summary>
    public Func<string, Lucene.Net.Store.Directory>? OpenDirectory { get; set; }
}

/// <summary>Query-time weights and bm25 parameters per field, chosen on the tuning half of the real judged set.</summary>
public sealed class RankingOptions
{
    /// <summary>Weight of the words as written, over everything else.</summary>
    public float Exact { get; set; } = 3f;
    public float ExactTitle { get; set; } = 2f;
    public float PhraseTitle { get; set; } = 3f;
    public float PhraseText { get; set; } = 1.5f;
    public float Proximity { get; set; } = 1f;
    public float Genre { get; set; } = 0.3f;
    public float Title { get; set; } = 2f;
    public float Text { get; set; } = 1f;
    /// <summary>A stem's share of the word's weight.</summary>
    public float Stem { get; set; } = 0.8f;
    /// <summary>The noun of an adjective or the adjective of a noun ("pedagogisk" for "pedagogik"), as a share of the word's weight.</summary>
    public float Derived { get; set; } = 0.6f;
    public float Code { get; set; } = 20f;
    public float Folded { get; set; } = 0.5f;
    public float EnglishTitle { get; set; } = 1.5f;
    public float EnglishText { get; set; } = 0.8f;
    public float Parts { get; set; } = 0.5f;
    public float Synonym { get; set; } = 0.4f;
    public float Translation { get; set; } = 0.6f;
    /// <summary>Modules are what a buyer can order: among equal matches they come first.</summary>
    public float Module { get; set; } = 0.4f;
    public float TitleK1 { get; set; } = 1.2f;
    public float TitleB { get; set; } = 0.5f;
    public float TextK1 { get; set; } = 1.2f;
    public float TextB { get; set; } = 0.75f;
}
