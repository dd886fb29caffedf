using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Audit;

namespace UU.Web.Features.Catalogue.Office;

/// <summary>Subjects and their contact persons ("Name | Role | email | phone", one a line).</summary>
public sealed class SubjectEditModel(UuDbContext db, AuditTrail audit, Localization.Texts texts) : PageModel
{
    [BindProperty] public string? NameSv { get; set; }
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public string? DescriptionSv { get; set; }
    [BindProperty] public string? DescriptionEn { get; set; }
    [BindProperty] public string? Contacts { get; set; }

    public IReadOnlyList<Subject> All { get; private set; } = [];
    public Subject? Item { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? slug, CancellationToken cancellationToken)
    {
        All = await db.Subjects.AsNoTracking().OrderBy(s => s.NameSv).ToListAsync(cancellationToken);
        if (slug is null)
        {
            return Page();
        }
        Item = await db.Subjects.AsNoTracking().Include(s => s.Contacts).FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);
        if (Item is null)
        {
            return NotFound();
        }
        NameSv = Item.NameSv;
        NameEn = Item.NameEn;
        DescriptionSv = Item.DescriptionSv;
        DescriptionEn = Item.DescriptionEn;
        Contacts = string.Join("\n", Item.Contacts.Select(c => $"{c.Name} | {c.Role} | {c.Email}{(c.Phone is null ? "" : " | " + c.Phone)}"));
        Message = Request.Query.ContainsKey("sparad") ? texts["office.saved"] : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        var subject = await db.Subjects.Include(s => s.Contacts).FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);
        if (subject is null)
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(NameSv) || NameSv.Length > 200) Errors["NameSv"] = texts["inquiry.error.required"];
        var contacts = new List<SubjectContact>();
        foreach (var line in (Contacts ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length is < 3 or > 4 || parts[0].Length is 0 or > 200 || parts[1].Length is 0 or > 200 || !System.Net.Mail.MailAddress.TryCreate(parts[2], out _) || parts[2].Length > 254)
            {
                Errors["Contacts"] = texts["office.subject.badContact", line.Length > 60 ? line[..60] : line];
                break;
            }
            contacts.Add(new SubjectContact { Name = parts[0], Role = parts[1], Email = parts[2], Phone = parts.Length == 4 && parts[3].Length <= 40 ? parts[3] : null });
        }
        if (Errors.Count > 0)
        {
            Item = subject;
            All = await db.Subjects.AsNoTracking().OrderBy(s => s.NameSv).ToListAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        subject.NameSv = NameSv!.Trim();
        subject.NameEn = string.IsNullOrWhiteSpace(NameEn) ? null : NameEn.Trim();
        subject.DescriptionSv = string.IsNullOrWhiteSpace(DescriptionSv) ? null : DescriptionSv.Trim();
        subject.DescriptionEn = string.IsNullOrWhiteSpace(DescriptionEn) ? null : DescriptionEn.Trim();
        db.SubjectContacts.RemoveRange(subject.Contacts);
        subject.Contacts = contacts;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("subject-saved", "subject", subject.Id.ToString(CultureInfo.InvariantCulture), subject.NameSv, cancellationToken: cancellationToken);
        return Redirect($"/office/amnen/{slug}?sparad=1");
    }
}
