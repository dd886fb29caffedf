using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Content;
using UU.Web.Features.Content.Versioning;
using UU.Web.Infrastructure;

namespace UU.Web.Features.Catalogue;

/// <summary>
/// Modules as versioned documents. The draft is a <see cref="ModuleDraft"/>; publishing applies it to the live columns
/// and course links (visitors, the catalogue and the search index read those), leaving a redirect when the slug changes.
/// </summary>
public sealed class ModuleDocuments(UuDbContext db, ModuleDrafts drafts) : IDocumentKind<Module, ModuleVersion, ModuleDraft>
{
    public string Name => "module";

    public Task<Module?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Modules.Include(m => m.Subject).Include(m => m.Courses).ThenInclude(c => c.Course).AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);

    public IQueryable<ModuleVersion> Versions(int documentId) => db.ModuleVersions.Where(v => v.ModuleId == documentId);

    public ModuleVersion NewVersion(int documentId, int number, string json, string versionEvent, DateTimeOffset at, string? by) =>
        new() { ModuleId = documentId, Number = number, Json = json, Event = versionEvent, CreatedAt = at, CreatedBy = by };

    public string? Draft(Module document) => document.DraftJson;

    public string Current(Module document) => document.DraftJson ?? ModuleDraft.From(document).ToJson();

    public ModuleDraft Read(string json) => ModuleDraft.FromJson(json);

    public string Write(ModuleDraft fields) => fields.ToJson();

    public ModuleDraft Normalise(ModuleDraft fields) =>
        fields with { Slug = string.IsNullOrWhiteSpace(fields.Slug) ? Slugs.From(fields.TitleSv) : fields.Slug.Trim().ToLowerInvariant() };

    public async Task<IReadOnlyDictionary<string, string>> ValidateAsync(Module document, ModuleDraft fields, CancellationToken cancellationToken) =>
        (await drafts.ValidateAsync(fields, document.Id == 0 ? null : document.Id, cancellationToken)).Errors;

    public async Task SetDraftAsync(Module document, ModuleDraft fields, CancellationToken cancellationToken)
    {
        if (document.Id == 0)
        {
            // A new module starts hidden, with its draft applied so it can be previewed and published.
            await ApplyAsync(document, fields, cancellationToken);
        }
        document.DraftJson = fields.ToJson();
    }

    public async Task PublishAsync(Module document, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (document.DraftJson is { } json)
        {
            var draft = ModuleDraft.FromJson(json);
            if (document.Status == ContentStatus.Published && document.Slug != draft.Slug)
            {
                await Redirects.RecordMoveAsync(db, "/utbildningar/" + document.Slug, "/utbildningar/" + draft.Slug, now, cancellationToken);
            }
            await ApplyAsync(document, draft, cancellationToken);
            document.DraftJson = null;
        }
        document.Status = ContentStatus.Published;
        document.PublishedAt ??= now;
    }

    public void Unpublish(Module document) => document.Status = ContentStatus.Draft;

    public void Touched(Module document, string? by)
    {
        // Modules keep no author column; their version rows name who changed them.
    }

    public string Title(ModuleDraft fields) => fields.TitleSv;

    public IEnumerable<(string Name, string Text)> Texts(ModuleDraft fields) => fields.Texts();

    /// <summary>Applies the draft and loads the subject and courses it now names, so the version can record the live state.</summary>
    private async Task ApplyAsync(Module document, ModuleDraft draft, CancellationToken cancellationToken)
    {
        await drafts.ApplyAsync(document, draft, cancellationToken);
        var courseIds = document.Courses.Select(c => c.CourseId).ToList();
        var courses = await db.Courses.Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        foreach (var link in document.Courses)
        {
            link.Course = courses[link.CourseId];
        }
        document.Subject = await db.Subjects.FirstAsync(s => s.Id == document.SubjectId, cancellationToken);
    }
}

/// <summary>Office changes to modules, through the shared versioning engine.</summary>
public sealed class ModuleEditing(DocumentVersioning<Module, ModuleVersion, ModuleDraft> versioning, TimeProvider clock, UuDbContext db)
{
    /// <summary>Saves the draft of module <paramref name="id"/>, or creates a module (hidden until published) when it is null.</summary>
    public Task<VersionOutcome<Module, ModuleDraft>> SaveDraftAsync(int? id, ModuleDraft draft, int basedOnVersion, CancellationToken cancellationToken)
    {
        if (id is { } existing)
        {
            return versioning.SaveDraftAsync(existing, draft, basedOnVersion, cancellationToken);
        }
        var now = clock.GetUtcNow();
        var module = new Module { Slug = "", TitleSv = "", SummarySv = "", Status = ContentStatus.Draft, CreatedAt = now, UpdatedAt = now };
        return versioning.CreateAsync(module, draft, cancellationToken);
    }

    /// <summary>Publishes the draft, but only of a module the subject collegium has approved (credit-bearing or not).</summary>
    public async Task<VersionOutcome<Module, ModuleDraft>> PublishAsync(int id, int basedOnVersion, CancellationToken cancellationToken)
    {
        var module = await db.Modules.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (module is { CollegiumApprovedOn: null })
        {
            return new(module, new Dictionary<string, string> { ["Approval"] = "inventory.error.notApproved" }, null);
        }
        return await versioning.PublishAsync(id, basedOnVersion, cancellationToken);
    }

    public Task<VersionOutcome<Module, ModuleDraft>> UnpublishAsync(int id, int basedOnVersion, CancellationToken cancellationToken) =>
        versioning.UnpublishAsync(id, basedOnVersion, cancellationToken);

    public Task<VersionOutcome<Module, ModuleDraft>> RollbackAsync(int id, int number, int basedOnVersion, CancellationToken cancellationToken) =>
        versioning.RollbackAsync(id, number, basedOnVersion, cancellationToken);

    public Task<DocumentHistory<Module, ModuleVersion>?> HistoryAsync(int id, int? selectedNumber, CancellationToken cancellationToken) =>
        versioning.HistoryAsync(id, selectedNumber, cancellationToken);
}
