using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace UU.Web.Features.Content.Versioning;

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>One field that differs between two versions, line by line.</summary>
public sealed record FieldDiff(string Field, IReadOnlyList<DiffLine> Lines);

/// <summary>Line diffs between versions, drawn by DiffPlex.</summary>
public static class VersionDiff
{
    public static IReadOnlyList<DiffLine> Lines(string before, string after) =>
        InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false, ignoreCase: false).Lines
            .Where(l => l.Type != ChangeType.Imaginary)
            .Select(l => new DiffLine(l.Type switch
            {
                ChangeType.Inserted => DiffKind.Added,
                ChangeType.Deleted => DiffKind.Removed,
                _ => DiffKind.Same,
            }, l.Text ?? ""))
            .ToList();

    /// <summary>The fields whose text differs, each with its line diff; fields are paired by position.</summary>
    public static IReadOnlyList<FieldDiff> Fields(IEnumerable<(string Name, string Text)> before, IEnumerable<(string Name, string Text)> after) =>
        before.Zip(after)
            .Where(p => p.First.Text != p.Second.Text)
            .Select(p => new FieldDiff(p.First.Name, Lines(p.First.Text, p.Second.Text)))
            .ToList();
}
