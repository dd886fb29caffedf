using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace UU.Web.Features.Inventory.Office;

/// <summary>Coordinators and admins: the modules waiting for the subject collegium's approval, and recording it.</summary>
public sealed class ApprovalsModel(ModuleProposals proposals, Localization.Texts texts) : PageModel
{
    public IReadOnlyList<WaitingModule> Waiting { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Request.Query.ContainsKey("godkand")) Message = texts["inventory.approved"];
        Waiting = await proposals.WaitingAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostApproveAsync(int moduleId, string? approvedOn, CancellationToken cancellationToken)
    {
        DateOnly? on = DateOnly.TryParseExact(approvedOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var outcome = await proposals.ApproveAsync(InventoryActor.For(User), moduleId, on, cancellationToken);
        switch (outcome.Result)
        {
            case InventoryResult.Done:
                return Redirect("/office/inventering/godkannanden?godkand=1");
            case InventoryResult.NotFound:
                return NotFound();
            case InventoryResult.Forbidden:
                return Forbid();
        }
        foreach (var (field, key) in outcome.Errors)
        {
            Errors[field] = texts[key];
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Waiting = await proposals.WaitingAsync(cancellationToken);
        return Page();
    }
}
