using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Localization;
using UU.Web.Features.Catalogue;

namespace UU.Web.Features.Inquiries;

public sealed record ModuleChoice(string Slug, string Title);

// Inquiries are small; a larger body is refused before the form is read.
[RequestSizeLimit(64 * 1024)]
[RequestFormLimits(ValueCountLimit = 200, ValueLengthLimit = 32 * 1024)]
public sealed partial class FormModel(InquiryService inquiries, UuDbContext db, Texts texts, ILogger<FormModel> logger) : PageModel
{
    [BindProperty]
    public InquiryForm Form { get; set; } = new();

    public IReadOnlyList<ModuleChoice> ModuleChoices { get; private set; } = [];

    public Dictionary<string, string> Errors { get; } = [];

    public async Task OnGetAsync([FromQuery(Name = "modul")] string[]? modul, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        var known = ModuleChoices.Select(m => m.Slug).ToHashSet();
        Form.Modules = (modul ?? []).Where(known.Contains).Distinct().ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(Form.Website))
        {
            // Only bots fill in the hidden field. They get a plain "thank you" and nothing is stored or sent.
            LogHoneypot(logger);
            return RedirectToPage("/Inquiries/Received");
        }
        foreach (var (field, key) in Form.Validate())
        {
            Errors.TryAdd(field, texts[key]);
        }
        if (Errors.Count > 0)
        {
            await LoadChoicesAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var inquiry = await inquiries.SubmitAsync(Form, Texts.IsEnglish ? "en" : "sv", cancellationToken);
        return Redirect($"/forfragan/tack/{inquiry.ReferenceNumber}?nyckel={inquiry.ReceiptKey}");
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Modules.AsNoTracking()
            .Where(m => m.Status == ContentStatus.Published)
            .Select(m => new { m.Slug, m.TitleSv, m.TitleEn })
            .ToListAsync(cancellationToken);
        ModuleChoices = rows.Select(r => new ModuleChoice(r.Slug, Texts.Pick(r.TitleSv, r.TitleEn)))
            .OrderBy(r => r.Title, StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true))
            .ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inquiry dropped: the honeypot field was filled in")]
    private static partial void LogHoneypot(ILogger logger);
}
