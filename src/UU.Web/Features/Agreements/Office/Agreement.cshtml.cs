using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Audit;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Clients;
using UU.Web.Features.Leads;
using UU.Web.Localization;

namespace UU.Web.Features.Agreements.Office;

/// <summary>
/// One agreement in the register ("ny" for a new one): its type, parties, diary number, signatory, period, scope, the cases
/// given under it and the signed document. Saving scores the client's leads again (an agreement in force counts in the score).
/// </summary>
public sealed class AgreementModel(UuDbContext db, AgreementDocuments documents, LeadMatcher matcher, TimeProvider clock, AuditTrail audit, Texts texts) : PageModel
{
    public sealed class AgreementForm
    {
        public AgreementType? Type { get; set; }
        public int? ClientId { get; set; }
        public string? DiaryNumber { get; set; }
        public string? SignedBy { get; set; }
        public string? SignedOn { get; set; }
        public string? StartsOn { get; set; }
        public string? EndsOn { get; set; }
        public string? Note { get; set; }
        public List<int> Departments { get; set; } = [];
        public List<int> Subjects { get; set; } = [];
        public List<int> Modules { get; set; } = [];
        public string? Courses { get; set; }
        public string? Inquiries { get; set; }
    }

    public Agreement? Agreement { get; private set; }
    public IReadOnlyList<Client> Clients { get; private set; } = [];
    public IReadOnlyList<Department> AllDepartments { get; private set; } = [];
    public IReadOnlyList<Subject> AllSubjects { get; private set; } = [];
    public IReadOnlyList<Module> AllModules { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];

    [BindProperty] public AgreementForm Form { get; set; } = new();

    public bool IsNew => Agreement is null;
    /// <summary>Coordinators and admins edit; a faculty office reads its faculty's agreements.</summary>
    public AgreementAccess Access { get; private set; } = new(false, false, null);

    public async Task<IActionResult> OnGetAsync(string id, int? kund, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (IsNew && !Access.CanEdit)
        {
            return Forbid();
        }
        if (Agreement is { } a)
        {
            Form = new AgreementForm
            {
                Type = a.Type, ClientId = a.ClientId, DiaryNumber = a.DiaryNumber, SignedBy = a.SignedBy, SignedOn = Iso(a.SignedOn), StartsOn = Iso(a.StartsOn), EndsOn = Iso(a.EndsOn), Note = a.Note,
                Departments = a.Departments.Select(d => d.DepartmentId).ToList(),
                Subjects = a.Scope.Where(s => s.SubjectId != null).Select(s => s.SubjectId!.Value).ToList(),
                Modules = a.Scope.Where(s => s.ModuleId != null).Select(s => s.ModuleId!.Value).ToList(),
                Courses = string.Join(", ", a.Scope.Where(s => s.Course != null).Select(s => s.Course!.Code)),
                Inquiries = string.Join(", ", a.Inquiries.Select(i => i.Inquiry!.ReferenceNumber)),
            };
        }
        else
        {
            Form.ClientId = kund;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        Access = await AgreementAccess.ForAsync(User, db, cancellationToken);
        if (!Access.CanEdit)
        {
            return Forbid();
        }
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Form.Type is not { } type || !Enum.IsDefined(type))
        {
            Errors["Form-Type"] = texts["agreements.error.type"];
        }
        var client = Form.ClientId is { } cid ? Clients.FirstOrDefault(c => c.Id == cid) : null;
        if (client is null)
        {
            Errors["Form-ClientId"] = texts["agreements.error.client"];
        }
        var signedOn = Day(Form.SignedOn, "SignedOn");
        var startsOn = Day(Form.StartsOn, "StartsOn");
        var endsOn = Day(Form.EndsOn, "EndsOn");
        if (startsOn is { } s && endsOn is { } e && e < s)
        {
            Errors["Form-EndsOn"] = texts["agreements.error.period", Iso(e)!, Iso(s)!];
        }
        Text(Form.DiaryNumber, "DiaryNumber", AgreementLimits.DiaryNumber);
        Text(Form.SignedBy, "SignedBy", AgreementLimits.SignedBy);
        Text(Form.Note, "Note", AgreementLimits.Note);
        var codes = Split(Form.Courses);
        var courses = await db.Courses.Where(c => codes.Contains(c.Code)).Select(c => new { c.Id, c.Code }).ToListAsync(cancellationToken);
        if (codes.Except(courses.Select(c => c.Code), StringComparer.OrdinalIgnoreCase).ToList() is { Count: > 0 } unknownCourses)
        {
            Errors["Form-Courses"] = texts["agreements.error.courses", string.Join(", ", unknownCourses)];
        }
        var references = Split(Form.Inquiries);
        var inquiries = await db.Inquiries.Where(i => references.Contains(i.ReferenceNumber)).Select(i => new { i.Id, i.ReferenceNumber }).ToListAsync(cancellationToken);
        if (references.Except(inquiries.Select(i => i.ReferenceNumber), StringComparer.OrdinalIgnoreCase).ToList() is { Count: > 0 } unknownCases)
        {
            Errors["Form-Inquiries"] = texts["agreements.error.inquiries", string.Join(", ", unknownCases)];
        }
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var now = clock.GetUtcNow();
        var agreement = Agreement is null ? null : await db.Set<Agreement>().Include(a => a.Departments).Include(a => a.Scope).Include(a => a.Inquiries).FirstAsync(a => a.Id == Agreement.Id, cancellationToken);
        if (agreement is null)
        {
            agreement = new Agreement { CreatedAt = now };
            db.Add(agreement);
        }
        agreement.Type = Form.Type!.Value;
        agreement.ClientId = client!.Id;
        agreement.DiaryNumber = Clean(Form.DiaryNumber);
        agreement.SignedBy = Clean(Form.SignedBy);
        agreement.SignedOn = signedOn;
        agreement.StartsOn = startsOn;
        agreement.EndsOn = endsOn;
        agreement.Note = Clean(Form.Note);
        agreement.UpdatedAt = now;
        agreement.Departments.Clear();
        agreement.Departments.AddRange(Form.Departments.Distinct().Where(d => AllDepartments.Any(x => x.Id == d)).Select(d => new AgreementDepartment { DepartmentId = d }));
        agreement.Scope.Clear();
        agreement.Scope.AddRange(Form.Subjects.Distinct().Where(x => AllSubjects.Any(s => s.Id == x)).Select(x => new AgreementScope { SubjectId = x }));
        agreement.Scope.AddRange(Form.Modules.Distinct().Where(x => AllModules.Any(m => m.Id == x)).Select(x => new AgreementScope { ModuleId = x }));
        agreement.Scope.AddRange(courses.Select(c => new AgreementScope { CourseId = c.Id }));
        agreement.Inquiries.Clear();
        agreement.Inquiries.AddRange(inquiries.Select(i => new AgreementInquiry { InquiryId = i.Id }));
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(IsNew ? "agreement-added" : "agreement-changed", "agreement", agreement.Id.ToString(CultureInfo.InvariantCulture),
            $"{agreement.Type} {client.Name} {Iso(agreement.StartsOn) ?? "–"}–{Iso(agreement.EndsOn) ?? "–"}");
        // The matcher reads the register from the database: score the client's open leads again now that it changed.
        foreach (var lead in await db.Leads.Where(l => l.Buyer == client.Name && l.MergedIntoId == null).OrderByDescending(l => l.Id).Take(200).ToListAsync(cancellationToken))
        {
            await matcher.MatchAsync(lead, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/office/avtal/{agreement.Id}");
    }

    /// <summary>The signed document: accepted only when its content is a PDF or a Word document, whatever its name says.</summary>
    public async Task<IActionResult> OnPostDocumentAsync(string id, IFormFile? document, CancellationToken cancellationToken)
    {
        Access = await AgreementAccess.ForAsync(User, db, cancellationToken);
        if (!Access.CanEdit)
        {
            return Forbid();
        }
        if (!await LoadAsync(id, cancellationToken) || Agreement is null)
        {
            return NotFound();
        }
        if (document is null || document.Length == 0)
        {
            Errors["document"] = texts["agreements.error.noFile"];
        }
        else if (document.Length > AgreementLimits.MaxDocumentBytes)
        {
            Errors["document"] = texts["agreements.error.tooLarge", document.FileName, AgreementLimits.MaxDocumentBytes / 1024 / 1024];
        }
        if (Errors.Count == 0)
        {
            await using var content = new MemoryStream();
            await document!.CopyToAsync(content, cancellationToken);
            if (AgreementDocuments.Sniff(content) is not { } kind)
            {
                Errors["document"] = texts["agreements.error.fileType", document.FileName];
            }
            else
            {
                var agreement = await db.Set<Agreement>().FirstAsync(a => a.Id == Agreement.Id, cancellationToken);
                var old = agreement.DocumentFile;
                agreement.DocumentFile = await documents.SaveAsync(agreement.Id, content, kind, cancellationToken);
                agreement.DocumentKind = kind;
                var name = Path.GetFileNameWithoutExtension(document.FileName);
                agreement.DocumentName = (name.Length > 150 ? name[..150] : name) + (kind == AgreementDocumentKind.Pdf ? ".pdf" : ".docx");
                agreement.DocumentUploadedAt = clock.GetUtcNow();
                audit.Add("agreement-document", "agreement", agreement.Id.ToString(CultureInfo.InvariantCulture), agreement.DocumentName);
                await db.SaveChangesAsync(cancellationToken);
                if (old is not null)
                {
                    System.IO.File.Delete(documents.PathOf(old));
                }
                return Redirect($"/office/avtal/{agreement.Id}");
            }
        }
        FillForm();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnGetDocumentAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Agreement is not { DocumentFile: { } file, DocumentKind: { } kind } agreement || !System.IO.File.Exists(documents.PathOf(file)))
        {
            return NotFound();
        }
        return PhysicalFile(documents.PathOf(file), AgreementDocuments.ContentType(kind), agreement.DocumentName);
    }

    private void FillForm()
    {
        if (Agreement is { } a)
        {
            Form = new AgreementForm { Type = a.Type, ClientId = a.ClientId, DiaryNumber = a.DiaryNumber, SignedBy = a.SignedBy, SignedOn = Iso(a.SignedOn), StartsOn = Iso(a.StartsOn), EndsOn = Iso(a.EndsOn), Note = a.Note };
        }
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Access = await AgreementAccess.ForAsync(User, db, cancellationToken);
        if (id != "ny")
        {
            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }
            Agreement = await Access.Visible(db.Set<Agreement>()).AsNoTracking().AsSplitQuery().Include(a => a.Client)
                .Include(a => a.Departments).ThenInclude(d => d.Department)
                .Include(a => a.Scope).ThenInclude(s => s.Course)
                .Include(a => a.Scope).ThenInclude(s => s.Subject)
                .Include(a => a.Scope).ThenInclude(s => s.Module)
                .Include(a => a.Inquiries).ThenInclude(i => i.Inquiry)
                .FirstOrDefaultAsync(a => a.Id == number, cancellationToken);
            if (Agreement is null)
            {
                return false;
            }
        }
        Clients = await db.Clients.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken);
        AllDepartments = await db.Departments.AsNoTracking().OrderBy(d => d.NameSv).ToListAsync(cancellationToken);
        AllSubjects = await db.Subjects.AsNoTracking().OrderBy(s => s.NameSv).ToListAsync(cancellationToken);
        AllModules = await db.Modules.AsNoTracking().OrderBy(m => m.TitleSv).ToListAsync(cancellationToken);
        return true;
    }

    private DateOnly? Day(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        Errors["Form-" + field] = texts["economy.error.date", texts["agreements.field." + field], text.Trim()];
        return null;
    }

    private void Text(string? text, string field, int max)
    {
        if (text is not null && text.Trim().Length > max)
        {
            Errors["Form-" + field] = texts["economy.error.tooLong", texts["agreements.field." + field], max];
        }
    }

    private static List<string> Split(string? text) =>
        (text ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static string? Iso(DateOnly? day) => day is { } d ? AgreementFormat.Day(d) : null;

    public DateOnly Today => UU.Scrapers.SwedishTime.Today(clock.GetUtcNow());
}
