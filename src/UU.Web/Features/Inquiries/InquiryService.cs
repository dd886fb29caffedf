using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UU.Scrapers.Normalisation;
using UU.Web.Data;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Clients;
using UU.Web.Features.Notifications;

namespace UU.Web.Features.Inquiries;

/// <summary>
/// Stores an inquiry, its client and the notification emails in one transaction: when SaveChanges returns,
/// the inquiry is durable and the coordinators and subject contacts will be told, whatever SMTP does.
/// </summary>
public sealed partial class InquiryService(UuDbContext db, TimeProvider clock, IOptions<InquiryOptions> options, EmailComposer mails, Commissions.CaseIntake intake, ILogger<InquiryService> logger)
{
    private const int MaxAllocationAttempts = 8;

    public Task<Inquiry> SubmitAsync(InquiryForm form, string language, CancellationToken cancellationToken) =>
        SubmitAsync(form, language, fromLead: null, cancellationToken);

    /// <summary>
    /// Stores the inquiry. With <paramref name="fromLead"/> it is a coordinator's conversion of a lead: the lead's
    /// status and history change in the same transaction, and the buyer gets no receipt (they did not write to us).
    /// </summary>
    /// <exception cref="LeadConversionException">The lead is gone or has already been converted.</exception>
    public async Task<Inquiry> SubmitAsync(InquiryForm form, string language, LeadConversion? fromLead, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!OrganisationNumber.TryParse(form.OrganisationNumber, out var orgNumber))
        {
            throw new ArgumentException("The form must be validated before it is submitted.", nameof(form));
        }
        var slugs = form.Modules.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct().ToList();
        var modules = await db.Modules
            .Where(m => slugs.Contains(m.Slug) && m.Status == ContentStatus.Published)
            .Include(m => m.Subject!).ThenInclude(s => s.Contacts)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        for (var attempt = 1; ; attempt++)
        {
            var client = await db.Clients.FirstOrDefaultAsync(c => c.OrganisationNumber == orgNumber.ToString(), cancellationToken)
                ?? db.Clients.Add(new Client
                {
                    Name = form.OrganisationName!.Trim(),
                    OrganisationNumber = orgNumber.ToString(),
                    Type = ToClientType(orgNumber.Kind),
                    CreatedAt = now,
                }).Entity;

            await using var allocation = await InquiryReferences.BeginAllocationAsync(db, cancellationToken);
            var (year, sequence, reference) = await InquiryReferences.NextAsync(db, now.Year, cancellationToken);
            var inquiry = new Inquiry
            {
                ReferenceNumber = reference,
                Year = year,
                Sequence = sequence,
                ReceiptKey = InquiryReferences.NewReceiptKey(),
                Client = client,
                OrganisationName = form.OrganisationName!.Trim(),
                OrganisationNumber = orgNumber.ToString(),
                ContactName = form.ContactName!.Trim(),
                Email = form.Email!.Trim(),
                Phone = Blank(form.Phone),
                Participants = form.ParsedParticipants,
                PreferredPeriod = Blank(form.PreferredPeriod),
                PreferredFormat = form.ParsedFormat,
                CreditBearing = form.ParsedCredit,
                Description = form.Description!.Trim(),
                ConsentGivenAt = now,
                ReceivedAt = now,
                Status = InquiryStatus.Received,
                Language = language,
                Modules = modules.Select(m => new InquiryModule { Module = m }).ToList(),
                LeadId = fromLead?.LeadId,
            };
            intake.Prepare(inquiry, fromLead is null ? Commissions.WayIn.WebForm : Commissions.WayIn.Lead, modules.Select(m => m.Subject!), fromLead?.By);
            db.Inquiries.Add(inquiry);
            db.OutboxMessages.AddRange(await mails.InquiryNotificationsAsync(inquiry, modules, StaffToTell(modules), now, cancellationToken));
            if (fromLead is null)
            {
                db.OutboxMessages.Add(mails.InquiryReceipt(inquiry, now));
            }
            else
            {
                await RecordConversionAsync(fromLead, inquiry, now, cancellationToken);
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await allocation.CommitAsync(cancellationToken);
                LogStored(logger, inquiry.ReferenceNumber, modules.Count);
                return inquiry;
            }
            catch (DbUpdateException ex) when (attempt < MaxAllocationAttempts && !Infrastructure.DatabaseOutage.IsOutage(ex))
            {
                // Another request took the same sequence number (or created the same client) at the same moment: start over.
                LogRetry(logger, ex, attempt);
                db.ChangeTracker.Clear();
                modules = await db.Modules
                    .Where(m => slugs.Contains(m.Slug) && m.Status == ContentStatus.Published)
                    .Include(m => m.Subject!).ThenInclude(s => s.Contacts)
                    .AsSplitQuery()
                    .ToListAsync(cancellationToken);
            }
        }
    }

    private async Task RecordConversionAsync(LeadConversion conversion, Inquiry inquiry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == conversion.LeadId, cancellationToken)
            ?? throw new LeadConversionException("The lead no longer exists.");
        if (await db.Inquiries.AnyAsync(i => i.LeadId == conversion.LeadId, cancellationToken))
        {
            throw new LeadConversionException("The lead has already been converted into an inquiry.");
        }
        db.LeadEvents.Add(new UU.Web.Features.Leads.LeadEvent
        {
            LeadId = lead.Id,
            FromStatus = lead.Status,
            ToStatus = UU.Web.Features.Leads.LeadStatus.InDialogue,
            Note = "→ " + inquiry.ReferenceNumber,
            At = now,
            By = conversion.By,
        });
        lead.Status = UU.Web.Features.Leads.LeadStatus.InDialogue;
        lead.UpdatedAt = now;
    }

    /// <summary>The coordinators and the contact persons of the inquiry's subjects, each address once.</summary>
    private List<MailRecipient> StaffToTell(List<Module> modules)
    {
        var recipients = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var email in options.Value.CoordinatorAddresses())
        {
            recipients.TryAdd(email, null);
        }
        foreach (var contact in modules.SelectMany(m => m.Subject!.Contacts))
        {
            recipients.TryAdd(contact.Email, contact.Name);
        }
        return recipients.Select(r => new MailRecipient(r.Key, r.Value)).ToList();
    }

    internal static ClientType ToClientType(BuyerKind kind) => kind switch
    {
        BuyerKind.Municipality => ClientType.Municipality,
        BuyerKind.Region => ClientType.Region,
        BuyerKind.Agency => ClientType.Agency,
        BuyerKind.Company => ClientType.Company,
        _ => ClientType.Other,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [LoggerMessage(Level = LogLevel.Information, Message = "Inquiry {Reference} stored with {ModuleCount} modules")]
    private static partial void LogStored(ILogger logger, string reference, int moduleCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inquiry could not be stored on attempt {Attempt}; retrying with a new reference number")]
    private static partial void LogRetry(ILogger logger, Exception exception, int attempt);
}

/// <summary>A coordinator turning a lead into an inquiry.</summary>
public sealed record LeadConversion(int LeadId, string? By);

/// <summary>The lead cannot be converted (any more): nothing was stored.</summary>
public sealed class LeadConversionException(string message) : Exception(message);
