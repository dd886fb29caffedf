using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Features.Audit;
using UU.Web.Features.Commissions.FollowUp;

namespace UU.Web.Features.Statistics.Office;

/// <summary>Participants per case (number, women, HST, HPR) uploaded as a CSV extract: all rows or none, every bad row named by line and column.</summary>
public sealed class ImportParticipantsModel(ParticipationImport import, AuditTrail audit) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    public ParticipationImportResult? Result { get; private set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            return Refuse("stats.import.noFile");
        }
        if (Upload.Length > ParticipationImport.MaxFileBytes)
        {
            return Refuse("stats.import.tooLarge");
        }
        using var reader = new StreamReader(Upload.OpenReadStream(), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return Refuse("stats.import.notText");
        }
        Result = await import.ImportAsync(text, User.Identity?.Name, cancellationToken);
        if (!Result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await audit.RecordAsync("participants-import", "inquiry", Upload.FileName, cancellationToken: cancellationToken);
        return Page();
    }

    private PageResult Refuse(string key)
    {
        Error = key;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
