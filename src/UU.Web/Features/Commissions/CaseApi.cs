using Microsoft.AspNetCore.Http.HttpResults;
using UU.Web.Data;
using UU.Web.Features.Accounts;

namespace UU.Web.Features.Commissions;

/// <summary>The cases' JSON for scripts and BI tools: a personal token or the office cookie; subject contacts get their subjects' cases.</summary>
public static class CaseApi
{
    public static IEndpointRouteBuilder MapCaseApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/inquiries", async Task<Results<Ok<CaseListPage>, ValidationProblem>> (HttpContext context, UuDbContext db, CaseList list, CancellationToken cancellationToken) =>
        {
            var (filter, errors) = CaseList.Parse(context.Request.Query);
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors, title: "Some filters are not valid.");
            }
            var access = await CaseAccess.ForAsync(context.User, db, cancellationToken);
            var (items, total) = await list.ListAsync(filter, access, cancellationToken);
            return TypedResults.Ok(new CaseListPage(total, filter.Page, filter.PageSize, items));
        }).RequireAuthorization(Policies.CaseApi);

        app.MapGet("/api/inquiries/{reference}", async Task<Results<Ok<CaseJson>, ProblemHttpResult>> (string reference, HttpContext context, UuDbContext db, CaseFiles files, CancellationToken cancellationToken) =>
        {
            var access = await CaseAccess.ForAsync(context.User, db, cancellationToken);
            var file = await files.LoadAsync(reference, access, cancellationToken);
            return file is null
                ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such case.", detail: $"There is no case '{reference}' that you may see.")
                : TypedResults.Ok(CaseJson.From(file));
        }).RequireAuthorization(Policies.CaseApi);
        return app;
    }
}

public sealed record CaseListPage(int Total, int Page, int PageSize, IReadOnlyList<CaseListItem> Items);

public sealed record CaseJson(
    string ReferenceNumber, DateTimeOffset ReceivedAt, string Phase, string Status, string WayIn, string? RegistryNumber, string? Type, bool? GivesCredits, bool ThroughSupport,
    int Year, string? Holder, string? NextStep, DateOnly? NextStepDue, DateOnly? FirstResponseDue, DateTimeOffset? FirstResponseAt, bool Overdue, bool NeedsSubject,
    string? ExcludedFromStatistics, string? Outcome, string? OutcomeReason, DateTimeOffset? ClosedAt,
    CaseJson.ClientJson Client, string Description, int? Participants, string? PreferredPeriod, string? PreferredFormat, string CreditAnswer,
    IReadOnlyList<CaseJson.SubjectJson> Subjects, IReadOnlyList<CaseJson.ModuleJson> Modules, IReadOnlyList<CaseJson.StepJson> Checklist,
    IReadOnlyList<CaseJson.NoteJson> Notes, IReadOnlyList<CaseJson.DocumentJson> Documents, IReadOnlyList<CaseJson.EventJson> History, CaseJson.LeadJson? Lead)
{
    public sealed record ClientJson(int? Id, string Name, string OrganisationNumber, string ContactName, string Email, string? Phone);
    public sealed record SubjectJson(string Slug, string Name, string? Department, string? Faculty, IReadOnlyList<CaseContactView> Contacts);
    public sealed record ModuleJson(string Slug, string Title);
    public sealed record StepJson(int Id, string Phase, string Title, string Responsible, bool Required, string State, DateTimeOffset? At, string? By);
    public sealed record NoteJson(DateTimeOffset At, string? By, string Text);
    public sealed record DocumentJson(int Id, string Name, string ContentType, long Size, string Url, DateTimeOffset UploadedAt);
    public sealed record EventJson(DateTimeOffset At, string? By, string Action, string? Detail);
    public sealed record LeadJson(int Id, string Title, string Url);

    public static CaseJson From(CaseFile file)
    {
        var c = file.Case;
        return new CaseJson(
            c.ReferenceNumber, c.ReceivedAt, c.Phase.ToString(), c.Status.ToString(), c.WayIn.ToString(), c.RegistryNumber, file.TypeName, c.GivesCredits, !c.OutsideSupport,
            c.ForYear ?? c.Year, c.HolderEmail, c.NextStep, c.NextStepDue, c.FirstResponseDue, c.FirstResponseAt, file.Overdue, file.NeedsSubject,
            c.ExcludedFromStatistics?.ToString(), c.Outcome?.ToString(), c.OutcomeReason, c.ClosedAt,
            new ClientJson(c.ClientId, c.OrganisationName, c.OrganisationNumber, c.ContactName, c.Email, c.Phone), c.Description, c.Participants, c.PreferredPeriod,
            c.PreferredFormat?.ToString(), c.CreditBearing.ToString(),
            file.Subjects.Select(s => new SubjectJson(s.Slug, s.Name, s.Department, s.Faculty, s.Contacts)).ToList(),
            file.Modules.Select(m => new ModuleJson(m.Slug, m.Title)).ToList(),
            file.Checklist.Select(s => new StepJson(s.StepId, s.Phase.ToString(), s.Title, s.Responsible.ToString(), s.Required,
                s.State?.ToString() ?? (s.AutoNotApplicable ? nameof(StepState.NotApplicable) : "Open"), s.At, s.By)).ToList(),
            file.Notes.Select(n => new NoteJson(n.At, n.By, n.Text)).ToList(),
            file.Documents.Select(d => new DocumentJson(d.Id, d.FileName, d.ContentType, d.Size, CaseRoutes.Document(c.ReferenceNumber, d.Id), d.UploadedAt)).ToList(),
            file.History.Select(e => new EventJson(e.At, e.By, e.Action, e.Detail)).ToList(),
            file.Lead is { } lead ? new LeadJson(lead.Id, lead.Title, $"/office/leads/{lead.Id}") : null);
    }
}
