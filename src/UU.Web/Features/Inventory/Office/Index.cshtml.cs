using Microsoft.AspNetCore.Mvc.RazorPages;

namespace UU.Web.Features.Inventory.Office;

/// <summary>The subjects whose courses this person inventories, with unused and candidate courses counted.</summary>
public sealed class IndexModel(CourseInventory inventory) : PageModel
{
    public IReadOnlyList<SubjectOverview> Subjects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Subjects = await inventory.OverviewAsync(InventoryActor.For(User), cancellationToken);
}
