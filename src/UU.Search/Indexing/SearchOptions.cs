using System.ComponentModel.DataAnnotations;

namespace UU.Search.Indexing;

public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>Folder of this node's index. The host sets a default under its data folder.</summary>
    public string IndexPath { get; set; } = "";

    /// <summary>Extra synonym groups (one comma-separated group a line) that coordinators maintain.</summary>
    public string? SynonymsPath { get; set; }

    /// <summary>Longest time between a write and the moment it becomes searchable.</summary>
    [Range(10, 5000)]
    public int RefreshMilliseconds { get; set; } = 200;
}
