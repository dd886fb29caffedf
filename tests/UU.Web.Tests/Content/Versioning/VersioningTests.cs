using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Content;
using UU.Web.Features.Content.Versioning;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Content.Versioning;

/// <summary>The one draft/publish/version engine, seen from both kinds of document it serves: stories and modules.</summary>
public abstract class VersioningTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : UuWebFactory
{
    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    private static DocumentVersioning<ContentItem, ContentVersion, ContentFields> Stories(IServiceProvider sp) =>
        sp.GetRequiredService<DocumentVersioning<ContentItem, ContentVersion, ContentFields>>();

    private static DocumentVersioning<Module, ModuleVersion, ModuleDraft> Modules(IServiceProvider sp) =>
        sp.GetRequiredService<DocumentVersioning<Module, ModuleVersion, ModuleDraft>>();

    private static ContentFields Story(string title, string slug, string body) => new()
    {
        TitleSv = title, Slug = slug, BodySv = body, ClientName = "Sundsvalls kommun", SubjectSlug = "specialpedagogik",
    };

    private async Task<ContentItem> CreateStoryAsync(string title, string body)
    {
        var slug = "version-" + Guid.NewGuid().ToString("N")[..8];
        var created = await InScopeAsync(sp => sp.GetRequiredService<ContentService>().CreateAsync(ContentTypes.Story, Story(title, slug, body), CancellationToken.None));
        Assert.True(created.Succeeded, string.Join(", ", created.Errors));
        return created.Item!;
    }

    private async Task<(int Id, int Version, ModuleDraft Draft)> ModuleAsync(string slug) => await InScopeAsync(async sp =>
    {
        var module = await sp.GetRequiredService<UuDbContext>().Modules.AsNoTracking().Include(m => m.Subject).Include(m => m.Courses).ThenInclude(c => c.Course)
            .AsSplitQuery().SingleAsync(m => m.Slug == slug);
        return (module.Id, module.Version, module.DraftJson is { } json ? ModuleDraft.FromJson(json) : ModuleDraft.From(module));
    });

    private static async Task<Dictionary<string, string>> FormAsync(HttpClient client, string page)
    {
        var document = await client.GetDocumentAsync(page);
        var fields = new Dictionary<string, string>();
        foreach (var input in document.QuerySelector("form.content-form")!.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = input.GetAttribute("name")!;
            if (input.GetAttribute("type") == "checkbox")
            {
                if (input.HasAttribute("checked")) fields[name + "#" + input.GetAttribute("value")] = input.GetAttribute("value")!;
                continue;
            }
            fields[name] = input.LocalName switch
            {
                "textarea" => input.TextContent,
                "select" => input.QuerySelector("option[selected]")?.GetAttribute("value") ?? input.QuerySelector("option")?.GetAttribute("value") ?? "",
                _ => input.GetAttribute("value") ?? "",
            };
        }
        return fields;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields) =>
        client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key.Split('#')[0], f.Value))));

    [Fact]
    public async Task StaleSaveOfAStory_IsRefusedWithTheOtherEditorsVersionAuthorAndTime_AndNothingIsOverwritten()
    {
        var annasEmail = await OfficeUsers.CreateAsync(app, Roles.Editor);
        var anna = OfficeUsers.Client(app);
        (await OfficeUsers.SignInAsync(anna, annasEmail)).Dispose();
        var bertil = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        var story = await CreateStoryAsync("Ursprunglig rubrik", "Brödtext.");
        var page = $"/office/innehall/{story.Id}";
        var annasForm = await FormAsync(anna, page);
        var bertilsForm = await FormAsync(bertil, page);

        annasForm["Form.TitleSv"] = "Annas rubrik";
        using (var saved = await PostAsync(anna, page, "Save", annasForm))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        bertilsForm["Form.TitleSv"] = "Bertils rubrik";
        using var stale = await PostAsync(bertil, page, "Save", bertilsForm);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var document = await Html.ParseAsync(stale);
        var conflict = document.QuerySelector("[data-testid=conflict]")!.TextContent;
        Assert.Contains(annasEmail, conflict, StringComparison.Ordinal);
        Assert.Contains(app.Clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), conflict, StringComparison.Ordinal);
        Assert.Contains("Annas rubrik", conflict, StringComparison.Ordinal);
        Assert.Equal("Bertils rubrik", document.QuerySelector("#Form_TitleSv")!.GetAttribute("value"));
        var stored = await InScopeAsync(sp => sp.GetRequiredService<UuDbContext>().ContentItems.AsNoTracking().SingleAsync(c => c.Id == story.Id));
        Assert.Equal("Annas rubrik", stored.Draft.TitleSv);
        Assert.Equal(stored.Version.ToString(CultureInfo.InvariantCulture), document.QuerySelector("input[name='Form.Version']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task StaleSaveOfAModule_IsRefusedWithTheOtherEditorsVersionAuthorAndTime_AndNothingIsOverwritten()
    {
        var annasEmail = await OfficeUsers.CreateAsync(app, Roles.Editor);
        var anna = OfficeUsers.Client(app);
        (await OfficeUsers.SignInAsync(anna, annasEmail)).Dispose();
        var bertil = await OfficeUsers.SignedInClientAsync(app, Roles.Editor);
        var (id, _, _) = await ModuleAsync("kollegialt-larande");
        var page = $"/office/utbildningar/{id}";
        var annasForm = await FormAsync(anna, page);
        var bertilsForm = await FormAsync(bertil, page);

        annasForm["Form.TitleSv"] = "Kollegialt lärande – Annas lydelse";
        using (var saved = await PostAsync(anna, page, "Save", annasForm))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        bertilsForm["Form.TitleSv"] = "Kollegialt lärande – Bertils lydelse";
        using var stale = await PostAsync(bertil, page, "Save", bertilsForm);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var document = await Html.ParseAsync(stale);
        var conflict = document.QuerySelector("[data-testid=conflict]")!.TextContent;
        Assert.Contains(annasEmail, conflict, StringComparison.Ordinal);
        Assert.Contains(app.Clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), conflict, StringComparison.Ordinal);
        Assert.Contains("Kollegialt lärande – Annas lydelse", conflict, StringComparison.Ordinal);
        Assert.Equal("Kollegialt lärande – Bertils lydelse", document.QuerySelector("#Form_TitleSv")!.GetAttribute("value"));
        var (_, version, draft) = await ModuleAsync("kollegialt-larande");
        Assert.Equal("Kollegialt lärande – Annas lydelse", draft.TitleSv);
        Assert.Equal(version.ToString(CultureInfo.InvariantCulture), document.QuerySelector("input[name=Version]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task RollbackOfAStory_IsANewVersion_WithTheOldFields_AndIsAudited()
    {
        var story = await CreateStoryAsync("Första lydelsen", "Rad ett");
        var saved = await InScopeAsync(sp => Stories(sp).SaveDraftAsync(story.Id, story.Draft with { TitleSv = "Andra lydelsen" }, story.Version, CancellationToken.None));
        Assert.True(saved.Succeeded);

        var rolledBack = await InScopeAsync(sp => Stories(sp).RollbackAsync(story.Id, 1, saved.Document!.Version, CancellationToken.None));

        Assert.True(rolledBack.Succeeded);
        Assert.Equal(3, rolledBack.Document!.Version);
        var history = await InScopeAsync(sp => Stories(sp).HistoryAsync(story.Id, null, CancellationToken.None));
        Assert.Equal([3, 2, 1], history!.Versions.Select(v => v.Number));
        Assert.Equal("rolled back to version 1", history.Versions[0].Event);
        Assert.Equal("Första lydelsen", history.Document.Draft.TitleSv);
        Assert.Equal("Andra lydelsen", ContentFields.FromJson(history.Versions[1].Json).TitleSv); // the version rolled over stays
        var actions = await InScopeAsync(sp => sp.GetRequiredService<UuDbContext>().AuditEntries.Where(a => a.EntityType == "content" && a.EntityId == story.Id.ToString(CultureInfo.InvariantCulture)).Select(a => a.Action).ToListAsync());
        Assert.Contains("content-rolled-back", actions);
    }

    [Fact]
    public async Task RollbackOfAModule_IsANewVersion_WithTheOldFields_AndIsAudited()
    {
        var (id, version, draft) = await ModuleAsync("npf-i-larmiljon");
        var first = await InScopeAsync(sp => Modules(sp).SaveDraftAsync(id, draft with { SummarySv = "Första sammanfattningen." }, version, CancellationToken.None));
        Assert.True(first.Succeeded, string.Join(", ", first.Errors));
        var second = await InScopeAsync(sp => Modules(sp).SaveDraftAsync(id, draft with { SummarySv = "Andra sammanfattningen." }, first.Document!.Version, CancellationToken.None));
        Assert.True(second.Succeeded);

        var rolledBack = await InScopeAsync(sp => Modules(sp).RollbackAsync(id, first.Document!.Version, second.Document!.Version, CancellationToken.None));

        Assert.True(rolledBack.Succeeded);
        Assert.Equal(second.Document!.Version + 1, rolledBack.Document!.Version);
        var history = await InScopeAsync(sp => Modules(sp).HistoryAsync(id, null, CancellationToken.None));
        Assert.Equal(rolledBack.Document!.Version, history!.Versions[0].Number);
        Assert.Equal("rolled back to version " + first.Document!.Version.ToString(CultureInfo.InvariantCulture), history.Versions[0].Event);
        Assert.Equal("Första sammanfattningen.", ModuleDraft.FromJson(history.Document.DraftJson!).SummarySv);
        Assert.Contains(history.Versions, v => v.Number == second.Document!.Version && ModuleDraft.FromJson(v.Json).SummarySv == "Andra sammanfattningen.");
        var actions = await InScopeAsync(sp => sp.GetRequiredService<UuDbContext>().AuditEntries.Where(a => a.EntityType == "module" && a.EntityId == id.ToString(CultureInfo.InvariantCulture)).Select(a => a.Action).ToListAsync());
        Assert.Contains("module-rolled-back", actions);
    }

    [Fact]
    public async Task RollbackBasedOnAnOldVersion_IsRefused_OnBothKinds()
    {
        var story = await CreateStoryAsync("Rubrik", "Text");
        var saved = await InScopeAsync(sp => Stories(sp).SaveDraftAsync(story.Id, story.Draft with { TitleSv = "Ny rubrik" }, story.Version, CancellationToken.None));
        var storyRefused = await InScopeAsync(sp => Stories(sp).RollbackAsync(story.Id, 1, story.Version, CancellationToken.None));
        Assert.Equal(saved.Document!.Version, storyRefused.Conflict!.TheirVersion);
        Assert.Equal("Ny rubrik", storyRefused.Conflict!.Theirs.TitleSv);

        var (id, version, draft) = await ModuleAsync("skoljuridik-for-rektorer");
        var first = await InScopeAsync(sp => Modules(sp).SaveDraftAsync(id, draft with { TitleSv = "Skoljuridik – ny titel" }, version, CancellationToken.None));
        var moduleRefused = await InScopeAsync(sp => Modules(sp).RollbackAsync(id, first.Document!.Version, version, CancellationToken.None));
        Assert.Equal(first.Document!.Version, moduleRefused.Conflict!.TheirVersion);
        Assert.Equal("Skoljuridik – ny titel", moduleRefused.Conflict!.Theirs.TitleSv);
    }

    [Fact]
    public async Task DiffOfAStory_MarksInsertedAndDeletedLines()
    {
        var story = await CreateStoryAsync("Rubrik", "Rad ett\nRad två");
        Assert.True((await InScopeAsync(sp => Stories(sp).SaveDraftAsync(story.Id, story.Draft with { BodySv = "Rad ett\nRad tre\nRad fyra" }, story.Version, CancellationToken.None))).Succeeded);

        var history = await InScopeAsync(sp => Stories(sp).HistoryAsync(story.Id, 1, CancellationToken.None));

        var body = Assert.Single(history!.Diff);
        Assert.Equal("BodySv", body.Field);
        Assert.Equal(
            [new(DiffKind.Same, "Rad ett"), new(DiffKind.Removed, "Rad två"), new(DiffKind.Added, "Rad tre"), new DiffLine(DiffKind.Added, "Rad fyra")],
            body.Lines);
    }

    [Fact]
    public async Task DiffOfAModule_MarksInsertedAndDeletedLines()
    {
        var (id, version, draft) = await ModuleAsync("palliativ-vard");
        var first = await InScopeAsync(sp => Modules(sp).SaveDraftAsync(id, draft with { OutcomesSv = "Beskriva palliativ vård\nSamtala med närstående" }, version, CancellationToken.None));
        Assert.True(first.Succeeded, string.Join(", ", first.Errors));
        Assert.True((await InScopeAsync(sp => Modules(sp).SaveDraftAsync(id, draft with { OutcomesSv = "Beskriva palliativ vård\nLindra symtom\nSamtala med närstående" }, first.Document!.Version, CancellationToken.None))).Succeeded);
        Assert.True((await InScopeAsync(sp => Modules(sp).SaveDraftAsync(id, draft with { OutcomesSv = "Beskriva palliativ vård\nLindra symtom" }, first.Document!.Version + 1, CancellationToken.None))).Succeeded);

        var history = await InScopeAsync(sp => Modules(sp).HistoryAsync(id, first.Document!.Version, CancellationToken.None));

        var outcomes = Assert.Single(history!.Diff);
        Assert.Equal("OutcomesSv", outcomes.Field);
        Assert.Equal(
            [new(DiffKind.Same, "Beskriva palliativ vård"), new(DiffKind.Removed, "Samtala med närstående"), new DiffLine(DiffKind.Added, "Lindra symtom")],
            outcomes.Lines);
    }
}

public sealed class VersioningTestsOnSqlite(SqliteApp app) : VersioningTests<SqliteApp>(app);

public sealed class VersioningTestsOnPostgres(PostgresApp app) : VersioningTests<PostgresApp>(app);
