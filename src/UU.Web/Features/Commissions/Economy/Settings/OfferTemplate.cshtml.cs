using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Audit;
using UU.Web.Localization;

namespace UU.Web.Features.Commissions.Economy.Settings;

/// <summary>The offer template in Swedish or English: the text with its placeholders, the terms and the participants' rights.</summary>
public sealed class OfferTemplateModel(UuDbContext db, TimeProvider clock, AuditTrail audit, Texts texts) : PageModel
{
    public Dictionary<string, string> Errors { get; } = [];
    public bool Saved { get; private set; }

    [BindProperty(SupportsGet = true)] public string Language { get; set; } = "sv";
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? Terms { get; set; }
    [BindProperty] public string? ParticipantRights { get; set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        if (Language is not ("sv" or "en"))
        {
            return NotFound();
        }
        var template = await db.Set<OfferTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Language == Language, cancellationToken) ?? OfferTemplates.Default(Language);
        (Body, Terms, ParticipantRights, Saved) = (template.Body, template.Terms, template.ParticipantRights, saved);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Language is not ("sv" or "en"))
        {
            return NotFound();
        }
        foreach (var (field, value) in new[] { (nameof(Body), Body), (nameof(Terms), Terms), (nameof(ParticipantRights), ParticipantRights) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Errors[field] = texts["economy.error.required", texts["template." + field]];
            }
            else if (value.Length > EconomyLimits.Template)
            {
                Errors[field] = texts["economy.error.tooLong", texts["template." + field], EconomyLimits.Template];
            }
        }
        if (Body is not null && OfferTemplates.Unknown(Body) is { Count: > 0 } unknown)
        {
            Errors[nameof(Body)] = texts["template.error.unknown", string.Join(", ", unknown.Select(u => "{" + u + "}")), string.Join(", ", OfferTemplates.Placeholders.Select(p => "{" + p + "}"))];
        }
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var template = await db.Set<OfferTemplate>().FirstOrDefaultAsync(t => t.Language == Language, cancellationToken);
        if (template is null)
        {
            template = new OfferTemplate { Language = Language, Body = "", Terms = "", ParticipantRights = "" };
            db.Add(template);
        }
        (template.Body, template.Terms, template.ParticipantRights) = (Body!.Trim(), Terms!.Trim(), ParticipantRights!.Trim());
        template.UpdatedAt = clock.GetUtcNow();
        template.UpdatedBy = User.Identity?.Name;
        audit.Add("offer-template-saved", "offer-template", Language);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/office/offertmall?language={Language}&saved=true");
    }
}
