using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Audit;

namespace UU.Web.Features.Catalogue;

public enum SubjectContactProblemKind
{
    /// <summary>Not 3 or 4 parts separated by |.</summary>
    Parts,
    Missing,
    TooLong,
    NotAnEmail,
}

/// <summary>What is wrong on one line of the contact persons' text: the line's number (from 1, blank lines counted), the part and the problem.</summary>
public sealed record SubjectContactProblem(int Line, string Field, SubjectContactProblemKind Kind, string Value, int Max = 0);

/// <summary>
/// The contact persons of a subject as editors type them, one a line: "Name | Role | email" or "Name | Role | email | phone".
/// Every bad line is reported with its number and what is wrong; nothing is cut short or dropped silently.
/// </summary>
public static class SubjectContactList
{
    public static string Format(IEnumerable<SubjectContact> contacts) =>
        string.Join("\n", contacts.Select(c => $"{c.Name} | {c.Role} | {c.Email}{(c.Phone is null ? "" : " | " + c.Phone)}"));

    /// <summary>The contacts, or every problem found (then no contacts at all).</summary>
    public static (IReadOnlyList<SubjectContact> Contacts, IReadOnlyList<SubjectContactProblem> Problems) Parse(string? text)
    {
        var contacts = new List<SubjectContact>();
        var problems = new List<SubjectContactProblem>();
        var lines = (text ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var number = i + 1;
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length is < 3 or > 4)
            {
                problems.Add(new SubjectContactProblem(number, "Line", SubjectContactProblemKind.Parts, parts.Length.ToString(CultureInfo.InvariantCulture)));
                continue;
            }
            var before = problems.Count;
            Check(number, "Name", parts[0], SubjectContact.NameMaxLength, problems);
            Check(number, "Role", parts[1], SubjectContact.RoleMaxLength, problems);
            Check(number, "Email", parts[2], SubjectContact.EmailMaxLength, problems);
            if (parts[2].Length is > 0 and <= SubjectContact.EmailMaxLength
                && !(System.Net.Mail.MailAddress.TryCreate(parts[2], out var address) && address.Address == parts[2]))
            {
                problems.Add(new SubjectContactProblem(number, "Email", SubjectContactProblemKind.NotAnEmail, parts[2]));
            }
            var phone = parts.Length == 4 && parts[3].Length > 0 ? parts[3] : null;
            if (phone is { Length: > SubjectContact.PhoneMaxLength })
            {
                problems.Add(new SubjectContactProblem(number, "Phone", SubjectContactProblemKind.TooLong, phone, SubjectContact.PhoneMaxLength));
            }
            if (problems.Count == before)
            {
                contacts.Add(new SubjectContact { Name = parts[0], Role = parts[1], Email = parts[2], Phone = phone });
            }
        }
        return problems.Count == 0 ? (contacts, problems) : ([], problems);
    }

    private static void Check(int line, string field, string value, int max, List<SubjectContactProblem> problems)
    {
        if (value.Length == 0)
        {
            problems.Add(new SubjectContactProblem(line, field, SubjectContactProblemKind.Missing, value));
        }
        else if (value.Length > max)
        {
            problems.Add(new SubjectContactProblem(line, field, SubjectContactProblemKind.TooLong, value, max));
        }
    }

    /// <summary>The problem as the editor reads it, with the line number.</summary>
    public static string Describe(SubjectContactProblem problem, Localization.Texts texts)
    {
        var line = problem.Line.ToString(CultureInfo.InvariantCulture);
        var part = problem.Field switch
        {
            "Name" => texts["subjectContacts.part.name"],
            "Role" => texts["subjectContacts.part.role"],
            "Email" => texts["subjectContacts.part.email"],
            _ => texts["subjectContacts.part.phone"],
        };
        return problem.Kind switch
        {
            SubjectContactProblemKind.Parts => texts["subjectContacts.error.parts", line, problem.Value],
            SubjectContactProblemKind.Missing => texts["subjectContacts.error.missing", line, part],
            SubjectContactProblemKind.TooLong => texts["subjectContacts.error.tooLong", line, part, problem.Value.Length.ToString(CultureInfo.InvariantCulture), problem.Max.ToString(CultureInfo.InvariantCulture)],
            _ => texts["subjectContacts.error.email", line, problem.Value],
        };
    }
}

/// <summary>What an editor typed for a subject: its names and descriptions (its contact persons are a coordinator's, see <see cref="SubjectContactEditing"/>).</summary>
public sealed record SubjectEdit(string? NameSv, string? NameEn, string? DescriptionSv, string? DescriptionEn);

public enum SubjectSaveResult
{
    Saved,
    Invalid,
    NotFound,
}

/// <summary>Saved, or each problem under its field (a field may have several, such as one per bad contact line).</summary>
public sealed record SubjectSaveOutcome(SubjectSaveResult Result, IReadOnlyList<(string Field, string Message)> Errors);

/// <summary>Saves a subject's names and descriptions (an editor's part): all of it, or nothing when any part is wrong.</summary>
public sealed class SubjectEditing(UuDbContext db, AuditTrail audit, Localization.Texts texts)
{
    public async Task<SubjectSaveOutcome> SaveAsync(string slug, SubjectEdit edit, CancellationToken cancellationToken)
    {
        var subject = await db.Subjects.FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);
        if (subject is null)
        {
            return new SubjectSaveOutcome(SubjectSaveResult.NotFound, []);
        }
        if (string.IsNullOrWhiteSpace(edit.NameSv) || edit.NameSv.Trim().Length > 200)
        {
            return new SubjectSaveOutcome(SubjectSaveResult.Invalid, [("NameSv", texts["inquiry.error.required"])]);
        }
        subject.NameSv = edit.NameSv.Trim();
        subject.NameEn = Blank(edit.NameEn);
        subject.DescriptionSv = Blank(edit.DescriptionSv);
        subject.DescriptionEn = Blank(edit.DescriptionEn);
        audit.Add("subject-saved", "subject", subject.Id.ToString(CultureInfo.InvariantCulture), subject.NameSv);
        await db.SaveChangesAsync(cancellationToken);
        return new SubjectSaveOutcome(SubjectSaveResult.Saved, []);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// Saves a subject's contact persons: coordinators and admins only, since a contact person receives the inquiries of
/// the subject (with the buyer's personal data) and sees its leads, so who routes to whom is their decision. Every
/// change is audited (who was added and removed), and the people added or removed are told by e-mail, in the same
/// save as the change (the outbox): nobody starts or stops receiving a subject's inquiries without knowing.
/// </summary>
public sealed class SubjectContactEditing(UuDbContext db, AuditTrail audit, Notifications.EmailComposer mail, TimeProvider clock, Localization.Texts texts)
{
    public async Task<SubjectSaveOutcome> SaveAsync(string slug, string? contactsText, string? changedBy, CancellationToken cancellationToken)
    {
        var subject = await db.Subjects.Include(s => s.Contacts).FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);
        if (subject is null)
        {
            return new SubjectSaveOutcome(SubjectSaveResult.NotFound, []);
        }
        var (contacts, problems) = SubjectContactList.Parse(contactsText);
        if (problems.Count > 0)
        {
            return new SubjectSaveOutcome(SubjectSaveResult.Invalid, problems.Select(p => ("Contacts", SubjectContactList.Describe(p, texts))).ToList());
        }
        var before = subject.Contacts.ToList();
        var added = contacts.Where(c => !before.Exists(b => Same(b, c))).GroupBy(c => c.Email, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
        var removed = before.Where(b => !contacts.Any(c => Same(b, c))).GroupBy(c => c.Email, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
        db.SubjectContacts.RemoveRange(subject.Contacts);
        subject.Contacts = [.. contacts];
        if (added.Count > 0 || removed.Count > 0 || before.Count != contacts.Count)
        {
            audit.Add("subject-contacts-changed", "subject", subject.Id.ToString(CultureInfo.InvariantCulture),
                $"{subject.NameSv}: added {Names(added)}; removed {Names(removed)}");
            var now = clock.GetUtcNow();
            db.OutboxMessages.AddRange(await mail.SubjectContactsChangedAsync(subject, added, removed, changedBy, now, cancellationToken));
        }
        await db.SaveChangesAsync(cancellationToken);
        return new SubjectSaveOutcome(SubjectSaveResult.Saved, []);
    }

    private static bool Same(SubjectContact a, SubjectContact b) => string.Equals(a.Email, b.Email, StringComparison.OrdinalIgnoreCase);

    private static string Names(IEnumerable<SubjectContact> contacts) =>
        contacts.Select(c => $"{c.Name} <{c.Email}>").DefaultIfEmpty("nobody").Aggregate((a, b) => a + ", " + b);
}
