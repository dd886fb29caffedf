using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UU.Search.Indexing;

namespace UU.Search.Tests;

/// <summary>A real index in a temporary folder, filled with a few realistic documents.</summary>
public sealed class TestIndex : IDisposable
{
    public TestIndex(string? path = null, string? synonymsPath = null)
    {
        Path = path ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "uu-search-tests", Guid.NewGuid().ToString("N"));
        Index = Open(Path, synonymsPath);
    }

    public string Path { get; }
    public SearchIndex Index { get; private set; }

    public static SearchIndex Open(string path, string? synonymsPath = null) =>
        new(Options.Create(new SearchOptions { IndexPath = path, SynonymsPath = synonymsPath }), NullLogger<SearchIndex>.Instance);

    public void Reopen()
    {
        Index.Dispose();
        Index = Open(Path);
    }

    public static SearchDocument Module(int id, string title, string summary, string subject, string? titleEn = null, string? body = null, string format = "distans", string level = "grund") => new()
    {
        Type = "module",
        Id = id,
        Slug = "m" + id,
        Title = title,
        TitleEn = titleEn,
        Summary = summary,
        Body = body,
        Facets = new Dictionary<string, IReadOnlyList<string>>
        {
            ["subject"] = [subject],
            ["format"] = [format],
            ["level"] = [level],
        },
    };

    public static readonly SearchDocument[] Catalogue =
    [
        Module(1, "Förskolepedagogik i praktiken", "Lek och lärande i förskolan enligt läroplanen.", "pedagogik", "Preschool Education in Practice"),
        Module(2, "Specialpedagogik för lärare", "Extra anpassningar och särskilt stöd i skolan.", "specialpedagogik", "Special Education for Teachers"),
        Module(3, "Arbetsmiljöutbildning för chefer", "Systematiskt arbetsmiljöarbete och ansvar.", "foretagsekonomi", "Work Environment Training for Managers", format: "blandat"),
        Module(4, "Demensvård och bemötande", "Personcentrerad omvårdnad av personer med demenssjukdom.", "omvardnad", "Dementia Care", format: "blandat"),
        Module(5, "Ledarskap för förskolechefer", "Pedagogiskt ledarskap och kvalitetsarbete i förskolan.", "pedagogik", "Leadership for Preschool Heads", level: "avancerad"),
        Module(6, "Engelska för lärare", "Språkfärdighet och didaktik för engelskundervisning.", "engelska", "English for Teachers"),
        Module(7, "Digitalisering i skolan", "Digitala verktyg och källkritik i undervisningen.", "pedagogik", "Digitalisation in School"),
        Module(8, "Skolor i förändring", "Hur skolan och skolorna utvecklas över tid.", "historia"),
        new SearchDocument { Type = "course", Id = 100, Code = "PE031G", Slug = "PE031G", Title = "Pedagogiskt ledarskap i förskolan", Summary = "Ordinarie kurs om ledarskap.",
            Facets = new Dictionary<string, IReadOnlyList<string>> { ["subject"] = ["pedagogik"], ["level"] = ["grund"] } },
    ];

    public async Task<TestIndex> FillAsync(params SearchDocument[] documents)
    {
        await Index.UpsertAsync(documents.Length == 0 ? Catalogue : documents, null, CancellationToken.None);
        Index.RefreshNow();
        return this;
    }

    public List<string> Titles(string query, bool english = false) =>
        Index.Search(new SearchRequest { Query = query, English = english, PageSize = 20 }).Hits.Select(h => h.Title).ToList();

    public void Dispose()
    {
        Index.Dispose();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Only a temporary folder is left behind.
        }
    }
}
