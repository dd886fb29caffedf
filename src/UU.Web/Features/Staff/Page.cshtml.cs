using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Features.Commissions.Economy;
using UU.Web.Features.Content;

namespace UU.Web.Features.Staff;

public sealed class StaffPageModel(StaffPages pages, ContentRenderer renderer, ParticipantRights rights) : PageModel
{
    public ContentView View { get; private set; } = null!;
    public int Id { get; private set; }
    public bool IsRights { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var item = await pages.FindAsync(slug, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        Id = item.Id;
        IsRights = item.PublishedSlug == ParticipantRights.Slug;
        View = await renderer.RenderAsync(item.Type, item.Published!, cancellationToken);
        return Page();
    }

    /// <summary>The participants' rights as a Word clause to paste into an agreement, in Swedish or English.</summary>
    public async Task<IActionResult> OnGetClauseAsync(string slug, [FromQuery(Name = "sprak")] string? language, CancellationToken cancellationToken)
    {
        if (slug != ParticipantRights.Slug || await rights.InAsync(language == "en" ? "en" : "sv", cancellationToken) is not { } text)
        {
            return NotFound();
        }
        var docx = new OfferDocument().Write("# " + text.Title + "\n" + text.PlainText);
        return File(docx, Infrastructure.FileSniffer.ContentType(Infrastructure.FileKind.Docx), (language == "en" ? "participants-rights" : "deltagarnas-rattigheter") + ".docx");
    }
}
