using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UU.Scrapers;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Inquiries;
using UU.Web.Features.Leads;
using UU.Web.Localization;

namespace UU.Web.Features.Notifications;

/// <summary>Someone an e-mail goes to: an address, perhaps a name.</summary>
public sealed record MailRecipient(string Address, string? Name = null);

/// <summary>Hours of one kind before and after a change of participants, named in both languages.</summary>
public sealed record StaffingLine(string WhatSv, string? WhatEn, decimal Before, decimal After);

/// <summary>What a milestone mail says about the case: the calculation waiting for a decision, or the agreements it is signed under.</summary>
public sealed record MilestoneDetail(int? CalculationVersion = null, decimal? Price = null, IReadOnlyList<(string TypeKey, string? DiaryNumber)>? Agreements = null);

/// <summary>A case the coordinators' digest lists as overdue: no first response in time, or a next step past its date.</summary>
public sealed record OverdueCase(string Reference, string Organisation, string? NextStep, DateOnly? NextStepDue, DateOnly? FirstResponseDue, string Link);

/// <summary>
/// Writes every e-mail UU sends, from the mail.* templates in the localisation resources (Resources/texts.mail.json),
/// in the recipient's language: the buyer's receipt in the inquiry's language; staff in the language their office user
/// chose under /office/konto, Swedish when no office user has the address. Dates, times (Swedish time) and amounts are
/// formatted for that language. It returns the messages for the caller to add to its own unit of work, so a message
/// is saved in the same SaveChanges as what caused it (the outbox).
/// </summary>
public sealed partial class EmailComposer(UuDbContext db, Texts texts, ILookupNormalizer normalizer)
{
    /// <summary>A digest lists at most this many leads and says how many more there are.</summary>
    public const int MaxListedLeads = 50;

    private const int MaxSubjectTitle = 120;

    /// <summary>The new inquiry, to each coordinator and subject contact person.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> InquiryNotificationsAsync(Inquiry inquiry, IReadOnlyList<Module> modules, IReadOnlyList<MailRecipient> staff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var languages = await StaffLanguagesAsync(staff.Select(s => s.Address), cancellationToken);
        return staff.Select(recipient =>
        {
            var mail = new Mail(this, languages[recipient.Address]);
            var details = new StringBuilder();
            if (inquiry.Participants is { } participants)
            {
                details.AppendLine(mail.Render("mail.inquiry.participants", ("participants", mail.Number(participants))));
            }
            if (inquiry.PreferredPeriod is { } period)
            {
                details.AppendLine(mail.Render("mail.inquiry.period", ("period", period)));
            }
            if (modules.Count > 0)
            {
                details.AppendLine(mail.Render("mail.inquiry.modules"));
                foreach (var module in modules)
                {
                    details.AppendLine(mail.Render("mail.inquiry.module",
                        ("module", mail.Pick(module.TitleSv, module.TitleEn)), ("subject", mail.Pick(module.Subject!.NameSv, module.Subject.NameEn))));
                }
            }
            if (inquiry.LeadId is { } leadId)
            {
                details.AppendLine(mail.Render("mail.inquiry.fromLead", ("link", LeadLink(leadId))));
            }
            var contact = $"{inquiry.ContactName}, {inquiry.Email}{(inquiry.Phone is null ? "" : ", " + inquiry.Phone)}";
            return Message(recipient, inquiry.ReferenceNumber, now,
                mail.Render("mail.inquiry.subject", ("reference", inquiry.ReferenceNumber), ("organisation", Shorten(inquiry.OrganisationName))),
                mail.Render("mail.inquiry.body",
                    ("reference", inquiry.ReferenceNumber), ("organisation", inquiry.OrganisationName), ("organisationNumber", inquiry.OrganisationNumber),
                    ("contact", contact), ("details", details.ToString()), ("description", inquiry.Description)));
        }).ToList();
    }

    /// <summary>A case routed to coordinators and the contact persons of its subjects (or flagged as having no subject yet).</summary>
    public async Task<IReadOnlyList<OutboxMessage>> CaseRoutedAsync(Inquiry inquiry, IReadOnlyList<Subject> subjects, IReadOnlyList<MailRecipient> recipients, string link, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var languages = await StaffLanguagesAsync(recipients.Select(r => r.Address), cancellationToken);
        return recipients.Select(recipient =>
        {
            var mail = new Mail(this, languages[recipient.Address]);
            var names = string.Join(", ", subjects.Select(x => mail.Pick(x.NameSv, x.NameEn)).Order(StringComparer.Ordinal));
            var body = new StringBuilder()
                .AppendLine(names.Length > 0 ? mail.Render("mail.case.routed.intro", ("subjects", names)) : mail.Render("mail.case.routed.noSubject"))
                .AppendLine()
                .AppendLine(mail.Render("mail.case.routed.case", ("reference", inquiry.ReferenceNumber), ("organisation", inquiry.OrganisationName)))
                .AppendLine(mail.Render("mail.case.routed.link", ("link", link)))
                .AppendLine()
                .AppendLine(mail.Render("mail.case.routed.need"))
                .AppendLine(inquiry.Description)
                .ToString();
            return Message(recipient, inquiry.ReferenceNumber, now,
                mail.Render("mail.case.routed.subject", ("reference", inquiry.ReferenceNumber), ("organisation", Shorten(inquiry.OrganisationName))), body);
        }).ToList();
    }

    /// <summary>A calculation saved with another number of participants: the new hours and price, to whoever plans the staffing.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> StaffingChangedAsync(Inquiry inquiry, int version, int participantsBefore, int participantsAfter,
        IReadOnlyList<StaffingLine> lines, string priceBefore, string priceAfter, bool perParticipant, IReadOnlyList<MailRecipient> recipients, string link, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var languages = await StaffLanguagesAsync(recipients.Select(r => r.Address), cancellationToken);
        return recipients.Select(recipient =>
        {
            var mail = new Mail(this, languages[recipient.Address]);
            var body = new StringBuilder()
                .AppendLine(mail.Render("mail.staffing.intro", ("reference", inquiry.ReferenceNumber), ("organisation", inquiry.OrganisationName), ("version", mail.Number(version))))
                .AppendLine()
                .AppendLine(mail.Render("mail.staffing.participants", ("before", mail.Number(participantsBefore)), ("after", mail.Number(participantsAfter))));
            foreach (var line in lines)
            {
                body.AppendLine(mail.Render("mail.staffing.hours", ("what", mail.Pick(line.WhatSv, line.WhatEn)), ("before", line.Before.ToString("0.##", CultureInfo.InvariantCulture)), ("after", line.After.ToString("0.##", CultureInfo.InvariantCulture))));
            }
            body.AppendLine(mail.Render(perParticipant ? "mail.staffing.pricePerParticipant" : "mail.staffing.price", ("before", priceBefore), ("after", priceAfter)))
                .AppendLine()
                .AppendLine(mail.Render("mail.staffing.review"))
                .AppendLine(link);
            return Message(recipient, "staffing-" + inquiry.ReferenceNumber, now,
                mail.Render("mail.staffing.subject", ("reference", inquiry.ReferenceNumber), ("before", mail.Number(participantsBefore)), ("after", mail.Number(participantsAfter))),
                body.ToString());
        }).ToList();
    }

    /// <summary>The reminder to the coordinators that an agreement ends in so many days.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> AgreementEndingAsync(string typeKey, string client, DateOnly endsOn, int daysLeft, string? diaryNumber, IReadOnlyList<MailRecipient> recipients, string reference, string link, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var languages = await StaffLanguagesAsync(recipients.Select(r => r.Address), cancellationToken);
        return recipients.Select(recipient =>
        {
            var mail = new Mail(this, languages[recipient.Address]);
            var values = new[] { ("type", mail.Render("mail.agreement.type." + typeKey)), ("client", client), ("end", mail.Date(endsOn)), ("days", mail.Number(daysLeft)), ("diary", diaryNumber ?? mail.None), ("link", link) };
            return Message(recipient, reference, now, mail.Render("mail.agreement.ending.subject", values), mail.Render("mail.agreement.ending.body", values));
        }).ToList();
    }

    /// <summary>The case reached the head of department's decision or the signed agreement: to the heads of department and faculty offices concerned.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> CaseMilestoneAsync(Inquiry inquiry, bool agreementSigned, MilestoneDetail detail, IReadOnlyList<MailRecipient> recipients, string link, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = agreementSigned ? "mail.case.signed" : "mail.case.decision";
        var languages = await StaffLanguagesAsync(recipients.Select(r => r.Address), cancellationToken);
        return recipients.Select(recipient =>
        {
            var mail = new Mail(this, languages[recipient.Address]);
            var body = new StringBuilder()
                .AppendLine(mail.Render(key + ".intro", ("reference", inquiry.ReferenceNumber), ("organisation", inquiry.OrganisationName)))
                .AppendLine();
            if (detail.CalculationVersion is { } version && detail.Price is { } price)
            {
                body.AppendLine(mail.Render("mail.case.decision.calculation", ("version", mail.Number(version)), ("price", mail.Amount(price, "SEK"))));
            }
            if (detail.Agreements is { } agreements)
            {
                var names = agreements.Select(a => mail.Render("mail.agreement.type." + a.TypeKey) + (a.DiaryNumber is { Length: > 0 } d ? $" ({d})" : ""));
                body.AppendLine(agreements.Count == 0 ? mail.Render("mail.case.signed.noAgreement") : mail.Render("mail.case.signed.agreements", ("agreements", string.Join(", ", names))));
            }
            body.AppendLine(mail.Render("mail.case.routed.link", ("link", link)));
            return Message(recipient, inquiry.ReferenceNumber, now,
                mail.Render(key + ".subject", ("reference", inquiry.ReferenceNumber), ("organisation", Shorten(inquiry.OrganisationName))), body.ToString());
        }).ToList();
    }

    /// <summary>The buyer's receipt, in the language they wrote the inquiry in.</summary>
    public OutboxMessage InquiryReceipt(Inquiry inquiry, DateTimeOffset now)
    {
        var mail = new Mail(this, inquiry.Language);
        return Message(new MailRecipient(inquiry.Email, inquiry.ContactName), inquiry.ReferenceNumber, now,
            mail.Render("mail.receipt.subject", ("reference", inquiry.ReferenceNumber)),
            mail.Render("mail.receipt.body", ("reference", inquiry.ReferenceNumber)));
    }

    /// <summary>The lead, to the subject contact person it was just assigned to.</summary>
    /// <param name="contact">With its <see cref="SubjectContact.Subject"/> loaded.</param>
    public async Task<OutboxMessage> LeadAssignedAsync(Lead lead, SubjectContact contact, string? assignedBy, DateOnly? followUp, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recipient = new MailRecipient(contact.Email, contact.Name);
        var mail = new Mail(this, (await StaffLanguagesAsync([recipient.Address], cancellationToken))[recipient.Address]);
        var details = new StringBuilder();
        if (lead.Value is { } value)
        {
            details.AppendLine(mail.Render("mail.leadAssigned.value", ("amount", mail.Amount(value, lead.Currency))));
        }
        if (followUp is { } day)
        {
            details.AppendLine(mail.Render("mail.leadAssigned.followUp", ("date", mail.Date(day))));
        }
        var subject = contact.Subject ?? throw new ArgumentException("The contact's subject must be loaded.", nameof(contact));
        return Message(recipient, "lead-" + lead.Id.ToString(CultureInfo.InvariantCulture), now,
            mail.Render("mail.leadAssigned.subject", ("title", Shorten(lead.Title))),
            mail.Render("mail.leadAssigned.body",
                ("assignedBy", string.IsNullOrWhiteSpace(assignedBy) ? mail.Render("mail.leadAssigned.someone") : assignedBy),
                ("subject", mail.Pick(subject.NameSv, subject.NameEn)), ("title", lead.Title), ("buyer", lead.Buyer ?? mail.None),
                ("deadline", lead.Deadline is { } deadline ? mail.Time(deadline) : mail.None), ("reasons", lead.MatchReasons ?? mail.None),
                ("details", details.ToString()), ("link", LeadLink(lead.Id))));
    }

    /// <summary>To each person added to or removed from a subject's contact persons: from now on they do (or no longer do) receive its inquiries and leads.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> SubjectContactsChangedAsync(Subject subject, IReadOnlyList<SubjectContact> added, IReadOnlyList<SubjectContact> removed, string? changedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var everyone = added.Select(c => (Contact: c, Added: true)).Concat(removed.Select(c => (Contact: c, Added: false))).ToList();
        var languages = await StaffLanguagesAsync(everyone.Select(e => e.Contact.Email), cancellationToken);
        return everyone.Select(e =>
        {
            var mail = new Mail(this, languages[e.Contact.Email]);
            var name = mail.Pick(subject.NameSv, subject.NameEn);
            var who = string.IsNullOrWhiteSpace(changedBy) ? mail.Render("mail.leadAssigned.someone") : changedBy;
            var prefix = e.Added ? "mail.subjectContact.added" : "mail.subjectContact.removed";
            return Message(new MailRecipient(e.Contact.Email, e.Contact.Name), "subject-contacts-" + subject.Id.ToString(CultureInfo.InvariantCulture), now,
                mail.Render(prefix + ".subject", ("subject", name)),
                mail.Render(prefix + ".body", ("subject", name), ("changedBy", who), ("role", e.Contact.Role)));
        }).ToList();
    }

    /// <summary>The coordinators' morning digest: the leads that came in since the last one, in the order given (best first).</summary>
    public async Task<IReadOnlyList<OutboxMessage>> NewLeadsDigestAsync(IReadOnlyList<MailRecipient> coordinators, IReadOnlyList<Lead> leads, IReadOnlyList<OverdueCase> overdue, DateOnly day, string reference, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var languages = await StaffLanguagesAsync(coordinators.Select(c => c.Address), cancellationToken);
        return coordinators.Select(recipient =>
        {
            var mail = new Mail(this, languages[recipient.Address]);
            var text = new StringBuilder();
            if (leads.Count > 0)
            {
                text.Append(LeadList(mail, leads, mail.Render("mail.digest.intro", ("count", mail.Number(leads.Count)))));
            }
            if (overdue.Count > 0)
            {
                if (text.Length > 0)
                {
                    text.AppendLine();
                }
                text.AppendLine(mail.Render("mail.digest.overdue.intro", ("count", mail.Number(overdue.Count))));
                foreach (var c in overdue.Take(MaxListedLeads))
                {
                    var why = c.NextStepDue is { } stepDue && stepDue < day
                        ? mail.Render("mail.digest.overdue.step", ("step", c.NextStep ?? mail.None), ("date", mail.Date(stepDue)))
                        : mail.Render("mail.digest.overdue.noResponse", ("date", c.FirstResponseDue is { } due ? mail.Date(due) : mail.None));
                    text.AppendLine(mail.Render("mail.digest.overdue.case", ("reference", c.Reference), ("organisation", c.Organisation), ("why", why), ("link", c.Link)));
                }
            }
            var subject = leads.Count > 0
                ? mail.Render("mail.digest.subject", ("date", mail.Date(day)), ("count", mail.Number(leads.Count)))
                : mail.Render("mail.digest.overdue.subject", ("date", mail.Date(day)), ("count", mail.Number(overdue.Count)));
            return Message(recipient, reference, now, subject, text.ToString());
        }).ToList();
    }

    /// <summary>A subject contact person's morning digest: the new leads in their subjects, and their own leads due for follow-up.</summary>
    public async Task<OutboxMessage> PersonalDigestAsync(MailRecipient person, IReadOnlyList<Subject> subjects, IReadOnlyList<Lead> newLeads, IReadOnlyList<Lead> followUps, DateOnly day, string reference, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var mail = new Mail(this, (await StaffLanguagesAsync([person.Address], cancellationToken))[person.Address]);
        var text = new StringBuilder();
        if (newLeads.Count > 0)
        {
            var names = string.Join(", ", subjects.Select(s => mail.Pick(s.NameSv, s.NameEn)).Distinct());
            text.Append(LeadList(mail, newLeads, mail.Render("mail.digest.personal.intro", ("count", mail.Number(newLeads.Count)), ("subjects", names))));
        }
        if (followUps.Count > 0)
        {
            text.AppendLine().Append(LeadList(mail, followUps, mail.Render("mail.digest.followUps", ("count", mail.Number(followUps.Count)))));
        }
        return Message(person, reference, now,
            mail.Render("mail.digest.personal.subject", ("date", mail.Date(day)), ("count", mail.Number(newLeads.Count)), ("followUps", mail.Number(followUps.Count))),
            text.ToString());
    }

    /// <summary>The alarm to the coordinators when a lead source has started failing.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> SourceFailingAsync(IReadOnlyList<MailRecipient> coordinators, string source, DateTimeOffset failingSince, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var languages = await StaffLanguagesAsync(coordinators.Select(c => c.Address), cancellationToken);
        return coordinators.Select(recipient =>
        {
            var mail = new Mail(this, languages[recipient.Address]);
            return Message(recipient, "source-failing-" + source, now,
                mail.Render("mail.sourceFailing.subject", ("source", source)),
                mail.Render("mail.sourceFailing.body", ("source", source), ("time", mail.Time(failingSince)), ("reason", reason ?? mail.None), ("link", "/office/leads/kallor")));
        }).ToList();
    }

    /// <summary>
    /// The language of the e-mail to each staff address: their office user's choice when an office user has that
    /// address (compared as Identity compares e-mail addresses), else Swedish.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> StaffLanguagesAsync(IEnumerable<string> addresses, CancellationToken cancellationToken)
    {
        var normalised = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var address in addresses)
        {
            normalised.TryAdd(address, normalizer.NormalizeEmail(address.Trim()));
        }
        var keys = normalised.Values.Distinct(StringComparer.Ordinal).ToList();
        var chosen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var user in await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail != null && keys.Contains(u.NormalizedEmail))
            .Select(u => new { u.NormalizedEmail, u.Language })
            .ToListAsync(cancellationToken))
        {
            chosen.TryAdd(user.NormalizedEmail!, user.Language);
        }
        return normalised.ToDictionary(
            a => a.Key,
            a => chosen.TryGetValue(a.Value, out var language) && UserLanguages.All.Contains(language) ? language : UserLanguages.Swedish,
            StringComparer.OrdinalIgnoreCase);
    }

    private static string LeadList(Mail mail, IReadOnlyList<Lead> leads, string heading)
    {
        var text = new StringBuilder();
        text.AppendLine(heading);
        text.AppendLine();
        foreach (var lead in leads.Take(MaxListedLeads))
        {
            text.AppendLine(mail.Render("mail.digest.lead",
                ("score", mail.Number(lead.Score)), ("title", lead.Title), ("buyer", lead.Buyer ?? mail.None),
                ("deadline", lead.Deadline is { } deadline ? mail.Time(deadline) : mail.None), ("link", LeadLink(lead.Id))));
        }
        if (leads.Count > MaxListedLeads)
        {
            text.AppendLine();
            text.AppendLine(mail.Render("mail.digest.more", ("count", mail.Number(leads.Count - MaxListedLeads)), ("link", "/office/leads?status=New")));
        }
        return text.ToString();
    }

    private static OutboxMessage Message(MailRecipient recipient, string reference, DateTimeOffset now, string subject, string body) => new()
    {
        ToAddress = recipient.Address,
        ToName = recipient.Name,
        Subject = subject,
        TextBody = body,
        Reference = reference,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    private static string LeadLink(int id) => "/office/leads/" + id.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string value) => value.Length <= MaxSubjectTitle ? value : value[..MaxSubjectTitle] + "…";

    private string Template(string key, string language) =>
        texts.All.TryGetValue(key, out var values)
            ? language == UserLanguages.English && values.Length > 1 && !string.IsNullOrEmpty(values[1]) ? values[1] : values[0]
            : throw new InvalidOperationException($"The mail template '{key}' is missing from Resources/texts.mail.json.");

    [GeneratedRegex(@"\{([a-zA-Z]+)\}")]
    private static partial Regex Placeholder();

    /// <summary>One message being written: its language, with the templates and formats of that language.</summary>
    private sealed class Mail(EmailComposer composer, string language)
    {
        private CultureInfo Culture => CultureInfo.GetCultureInfo(language == UserLanguages.English ? "en-GB" : "sv-SE");

        public string None => composer.Template("mail.none", language);

        /// <summary>The template with each {name} replaced by its value, in one pass (a value's own braces stay as they are).</summary>
        public string Render(string key, params (string Name, string Value)[] values)
        {
            var template = composer.Template(key, language);
            return Placeholder().Replace(template, m =>
            {
                var name = m.Groups[1].Value;
                foreach (var (n, v) in values)
                {
                    if (n == name)
                    {
                        return v;
                    }
                }
                throw new InvalidOperationException($"The mail template '{key}' has the placeholder {{{name}}}, which is given no value.");
            });
        }

        public string Pick(string sv, string? en) => language == UserLanguages.English && !string.IsNullOrWhiteSpace(en) ? en : sv;

        public string Number(int value) => value.ToString("N0", Culture);

        public string Amount(decimal value, string? currency) =>
            value.ToString(decimal.Truncate(value) == value ? "N0" : "N2", Culture) + (string.IsNullOrWhiteSpace(currency) ? "" : " " + currency.Trim());

        public string Date(DateOnly day) => day.ToString(composer.Template("mail.format.date", language), Culture);

        /// <summary>An instant as Swedish wall-clock time, the way the coordinators and buyers read it.</summary>
        public string Time(DateTimeOffset instant) => SwedishTime.ToLocal(instant).ToString(composer.Template("mail.format.time", language), Culture);
    }
}
