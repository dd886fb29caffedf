using Microsoft.AspNetCore.Mvc.RazorPages;

namespace UU.Web.Features.Evaluations.Office;

/// <summary>The results aggregated per module and per subject, and the cases with answers (coordinators, editors, admins).</summary>
public sealed class IndexModel(EvaluationResults results) : PageModel
{
    public IReadOnlyList<RatingRow> Modules { get; private set; } = [];
    public IReadOnlyList<RatingRow> Subjects { get; private set; } = [];
    public IReadOnlyList<CaseRatingRow> Cases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        (Modules, Subjects, Cases) = await results.OverviewAsync(cancellationToken);
}
