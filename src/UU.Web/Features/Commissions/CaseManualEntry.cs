using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UU.Scrapers.Normalisation;
using UU.Web.Data;
using UU.Web.Features.Notifications;
using UU.Web.Features.Clients;
using UU.Web.Features.Inquiries;
using UU.Web.Localization;

namespace UU.Web.Features.Commissions;

/// <summary>A case a coordinator enters by hand: a request that came by the registry, by e-mail, by phone, or a Skolverket call.</summary>
public sealed class CaseForm
{
    public string? WayIn { get; set; }
    public string? RegistryNumber { get; set; }
    public string? OrganisationName { get; set; }
    public string? OrganisationNumber { get; set; }
    public string? ContactName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Participants { get; set; }
    public string? Description { get; set; }
    public int? CommissionTypeId { get; set; }
    public List<int> SubjectIds { get; set; } = [];

    public static readonly WayIn[] ManualWays = [Commissions.WayIn.Registry, Commissions.WayIn.Email, Commissions.WayIn.Phone, Commissions.WayIn.SkolverketCall];

    internal WayIn ParsedWayIn => Enum.TryParse<WayIn>(WayIn, out var w) ? w : Commissions.WayIn.Email;

    /// <summary>Each field that is wrong, with the text key of what is wrong with it.</summary>
    public IEnumerable<(string Field, string Key)> Validate()
    {
        if (!Enum.TryParse<WayIn>(WayIn, out var way) || !ManualWays.Contains(way))
        {
            yield return (nameof(WayIn), "case.form.error.wayIn");
        }
        else if (way == Commissions.WayIn.Registry && string.IsNullOrWhiteSpace(RegistryNumber))
        {
            yield return (nameof(RegistryNumber), "case.form.error.registryNumber");
        }
        if (RegistryNumber is { Length: > CaseLimits.RegistryNumber })
        {
            yield return (nameof(RegistryNumber), "inquiry.error.tooLong");
        }
        if (string.IsNullOrWhiteSpace(OrganisationName) || OrganisationName.Length > InquiryLimits.OrganisationName)
        {
            yield return (nameof(OrganisationName), "inquiry.error.required");
        }
        if (!string.IsNullOrWhiteSpace(OrganisationNumber) && !UU.Scrapers.Normalisation.OrganisationNumber.TryParse(OrganisationNumber, out _))
        {
            yield return (nameof(OrganisationNumber), "case.form.error.organisationNumber");
        }
        if (string.IsNullOrWhiteSpace(ContactName) || ContactName.Length > InquiryLimits.ContactName)
        {
            yield return (nameof(ContactName), "inquiry.error.required");
        }
        if (string.IsNullOrWhiteSpace(Email) || Email.Length > InquiryLimits.Email || !new EmailAddressAttribute().IsValid(Email.Trim()))
        {
            yield return (nameof(Email), "inquiry.error.email");
        }
        if (Phone is { Length: > InquiryLimits.Phone })
        {
            yield return (nameof(Phone), "inquiry.error.phone");
        }
        if (!string.IsNullOrWhiteSpace(Participants) && (!int.TryParse(Participants.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > InquiryLimits.MaxParticipants))
        {
            yield return (nameof(Participants), "inquiry.error.participants");
        }
        if (string.IsNullOrWhiteSpace(Description) || Description.Length > InquiryLimits.Description)
        {
            yield return (nameof(Description), "inquiry.error.required");
        }
    }
}

public sealed partial class CaseManualEntry(UuDbContext db, TimeProvider clock, CaseIntake intake, IOptions<InquiryOptions> inquiries, EmailComposer mails, ILogger<CaseManualEntry> logger)
{
    private const int MaxAllocationAttempts = 8;

    /// <summary>Stores a validated form as a new case, routed at once like one from the web form.</summary>
    public async Task<Inquiry> CreateAsync(CaseForm form, string? by, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var orgNumber = UU.Scrapers.Normalisation.OrganisationNumber.TryParse(form.OrganisationNumber, out var parsed) ? parsed.ToString() : "";
        var typeId = form.CommissionTypeId is { } t && await db.CommissionTypes.AnyAsync(x => x.Id == t, cancellationToken) ? t : (int?)null;
        for (var attempt = 1; ; attempt++)
        {
            var subjects = await db.Subjects.Include(s => s.Contacts).Where(s => form.SubjectIds.Contains(s.Id)).ToListAsync(cancellationToken);
            var name = form.OrganisationName!.Trim();
            var client = orgNumber.Length > 0
                ? await db.Clients.FirstOrDefaultAsync(c => c.OrganisationNumber == orgNumber, cancellationToken)
                : await db.Clients.FirstOrDefaultAsync(c => c.Name == name, cancellationToken);
            client ??= db.Clients.Add(new Client
            {
                Name = name,
                OrganisationNumber = orgNumber.Length > 0 ? orgNumber : null,
                Type = orgNumber.Length > 0 ? InquiryService.ToClientType(parsed.Kind) : ClientType.Other,
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
                OrganisationName = name,
                OrganisationNumber = orgNumber,
                ContactName = form.ContactName!.Trim(),
                Email = form.Email!.Trim(),
                Phone = string.IsNullOrWhiteSpace(form.Phone) ? null : form.Phone.Trim(),
                Participants = int.TryParse(form.Participants, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null,
                Description = form.Description!.Trim(),
                // Not a web visitor's consent: a coordinator records a request that came to the university.
                ConsentGivenAt = now,
                ReceivedAt = now,
                Status = InquiryStatus.Received,
                RegistryNumber = string.IsNullOrWhiteSpace(form.RegistryNumber) ? null : form.RegistryNumber.Trim(),
                CommissionTypeId = typeId,
            };
            intake.Prepare(inquiry, form.ParsedWayIn, subjects, by);
            db.Inquiries.Add(inquiry);
            var recipients = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var coordinator in inquiries.Value.CoordinatorAddresses())
            {
                recipients.TryAdd(coordinator, null);
            }
            foreach (var contact in subjects.SelectMany(s => s.Contacts))
            {
                recipients.TryAdd(contact.Email.Trim(), contact.Name);
            }
            db.OutboxMessages.AddRange(await mails.CaseRoutedAsync(inquiry, subjects, recipients.Select(r => new MailRecipient(r.Key, r.Value)).ToList(), CaseRoutes.Case(inquiry.ReferenceNumber), now, cancellationToken));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await allocation.CommitAsync(cancellationToken);
                LogCreated(logger, inquiry.ReferenceNumber, inquiry.WayIn);
                return inquiry;
            }
            catch (DbUpdateException ex) when (attempt < MaxAllocationAttempts)
            {
                // Another case took the same sequence number at the same moment: start over.
                LogRetry(logger, ex, attempt);
                db.ChangeTracker.Clear();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {Reference} entered by hand ({WayIn})")]
    private static partial void LogCreated(ILogger logger, string reference, WayIn wayIn);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case could not be stored on attempt {Attempt}; retrying with a new reference number")]
    private static partial void LogRetry(ILogger logger, Exception exception, int attempt);
}
