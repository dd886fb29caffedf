using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Data;
using UU.Web.Features.Catalogue;

namespace UU.Web.Features.Inventory.Office;

/// <summary>
/// One subject's inventory: its courses (unused first) with state, marks and signals; marking; opening a round
/// (coordinators); proposing a draft module from candidate courses (the subject's contacts and coordinators).
/// </summary>
public sealed class SubjectModel(CourseInventory inventory, InventoryRounds rounds, ModuleProposals proposals, UuDbContext db, Localization.Texts texts) : PageModel
{
    public Subject Subject { get; private set; } = null!;
    public InventoryFilter Filter { get; private set; } = InventoryFilter.None;
    public Dictionary<string, string> BadFilters { get; private set; } = [];
    public IReadOnlyList<InventoryRow> Rows { get; private set; } = [];
    public IReadOnlyList<InventoryRound> Rounds { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Departments { get; private set; } = [];
    public bool Coordinates { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];
    public string? Message { get; private set; }

    [BindProperty] public string? TitleSv { get; set; }
    [BindProperty] public string? SummarySv { get; set; }
    [BindProperty] public bool CreditBearing { get; set; }
    [BindProperty] public string? Credits { get; set; }
    [BindProperty] public string? Hours { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public List<int> CourseIds { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (Request.Query.ContainsKey("markerad")) Message = texts["inventory.marked"];
        if (Request.Query.ContainsKey("foreslagen")) Message = texts["inventory.proposed"];
        if (Request.Query.ContainsKey("oppnad")) Message = texts["inventory.roundOpened"];
        return await LoadAsync(slug, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostMarkAsync(string slug, int courseId, CourseMarkState state, string? reason, string? comment, CancellationToken cancellationToken)
    {
        var outcome = await inventory.MarkAsync(InventoryActor.For(User), courseId, state, reason, comment, cancellationToken);
        return await AfterAsync(slug, outcome, $"/office/inventering/{slug}?markerad=1#course-{courseId}", cancellationToken);
    }

    public async Task<IActionResult> OnPostOpenRoundAsync(string slug, [FromForm] List<int> contactIds, CancellationToken cancellationToken)
    {
        var subject = await inventory.SubjectAsync(slug, cancellationToken);
        if (subject is null)
        {
            return NotFound();
        }
        var outcome = await rounds.OpenAsync(InventoryActor.For(User), subject.Id, contactIds, cancellationToken);
        return await AfterAsync(slug, outcome, $"/office/inventering/{slug}?oppnad=1", cancellationToken);
    }

    public async Task<IActionResult> OnPostProposeAsync(string slug, CancellationToken cancellationToken)
    {
        var subject = await inventory.SubjectAsync(slug, cancellationToken);
        if (subject is null)
        {
            return NotFound();
        }
        var courses = CourseIds.Distinct().Select(id => new ProposalCourse(id, Request.Form[$"Part-{id}"], Request.Form[$"PartCredits-{id}"])).ToList();
        var outcome = await proposals.ProposeAsync(InventoryActor.For(User), subject.Id, new ProposalForm(TitleSv, SummarySv, CreditBearing, Credits, Hours, Comment, courses), cancellationToken);
        return await AfterAsync(slug, outcome, $"/office/inventering/{slug}?foreslagen=1", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(string slug, InventoryOutcome outcome, string done, CancellationToken cancellationToken)
    {
        switch (outcome.Result)
        {
            case InventoryResult.Done:
                return Redirect(done);
            case InventoryResult.NotFound:
                return NotFound();
            case InventoryResult.Forbidden:
                return Forbid();
        }
        foreach (var (field, key) in outcome.Errors)
        {
            Errors[field] = texts[key];
        }
        var refused = await LoadAsync(slug, cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return refused ?? Page();
    }

    /// <summary>Loads the page; a result when the subject is unknown or not this person's.</summary>
    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var subject = await inventory.SubjectAsync(slug, cancellationToken);
        if (subject is null)
        {
            return NotFound();
        }
        var actor = InventoryActor.For(User);
        if (!await actor.MayWorkOnAsync(db, subject.Id, cancellationToken))
        {
            return Forbid();
        }
        Subject = subject;
        Coordinates = actor.Coordinates;
        (Filter, BadFilters) = InventoryFilter.Parse(Request.Query);
        Rows = await inventory.ListAsync(subject.Id, Filter, signals: true, cancellationToken);
        Rounds = await rounds.OfSubjectAsync(subject.Id, cancellationToken);
        Departments = (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Courses.Where(c => c.SubjectId == subject.Id && c.Department != null).Select(c => new { c.Department!.Id, c.Department.NameSv }).Distinct(), cancellationToken))
            .Select(d => (d.Id, d.NameSv)).ToList();
        return null;
    }
}
