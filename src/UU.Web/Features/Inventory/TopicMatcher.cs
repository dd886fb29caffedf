using UU.Search;
using UU.Search.Analysis;

namespace UU.Web.Features.Inventory;

/// <summary>
/// The search index's Swedish analysis (lower case, stop words, compound parts, light stemming), used to tell whether a
/// lead's or an inquiry's text is about a course's topic. One instance: the analyzers are thread-safe.
/// </summary>
public sealed class TopicMatcher : IDisposable
{
    private readonly Analyzers _analyzers = new(WordLists.Load());

    /// <summary>Every term of a text as the index would hold it.</summary>
    public IReadOnlySet<string> Terms(string text) => Analyzers.Tokens(_analyzers.SwedishIndex, Fields.Text, text).ToHashSet(StringComparer.Ordinal);

    /// <summary>The words of a title that carry meaning, each as its forms (stop words, numbers and short words left out).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Words(string title) =>
        title.Split([' ', ',', ':', ';', '.', '–', '-', '(', ')', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 3 && !w.All(char.IsDigit))
            .Select(w => (IReadOnlyList<string>)Analyzers.Tokens(_analyzers.SwedishQuery, Fields.Text, w))
            .Where(forms => forms.Count > 0)
            .ToList();

    /// <summary>Every word of the title occurs in the text (in one of its forms).</summary>
    public static bool Matches(IReadOnlyList<IReadOnlyList<string>> words, IReadOnlySet<string> terms) =>
        words.Count > 0 && words.All(forms => forms.Any(terms.Contains));

    public void Dispose() => _analyzers.Dispose();
}
