namespace UU.Search;

/// <summary>Field names in the index.</summary>
public static class Fields
{
    public const string Key = "key";
    public const string Type = "type";
    public const string Id = "id";
    public const string Code = "code";
    public const string Slug = "slug";
    public const string Title = "title";
    public const string TitleStored = "title_s";
    public const string TitleEn = "title_en";
    public const string TitleEnStored = "title_en_s";
    public const string Summary = "summary_s";
    public const string SummaryEn = "summary_en_s";
    public const string Text = "text";
    /// <summary>Title and text as written (no stems, no parts): exact matches and phrases.</summary>
    public const string TitleWords = "title_w";
    public const string TextWords = "text_w";
    /// <summary>The course code lower case with å, ä, ö folded, as one term.</summary>
    public const string CodeKey = "code_k";
    /// <summary>Keys of the courses a module builds on (stored), for grouping results.</summary>
    public const string Parts = "parts_s";
    public const string TextEn = "text_en";
    /// <summary>Leading grams of a course's title words, for completions.</summary>
    public const string Suggest = "suggest";
    /// <summary>The same for a module: modules are offered first, and a field of their own lets them be found alone.</summary>
    public const string SuggestModule = "suggest_m";

    /// <summary>The English title and summary words as written, for "did you mean" (the Swedish ones are in <see cref="TextWords"/>).</summary>
    public const string Spell = "spell";
    public const string FacetPrefix = "f_";
}
