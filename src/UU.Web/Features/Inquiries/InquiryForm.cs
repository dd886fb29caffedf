using System.Net.Mail;
using UU.Scrapers.Normalisation;
using UU.Web.Data;
using UU.Web.Features.Catalogue;

namespace UU.Web.Features.Inquiries;

/// <summary>The inquiry form as posted. Strings arrive raw; <see cref="Validate"/> names every problem by field.</summary>
public sealed class InquiryForm
{
    public string? OrganisationName { get; set; }
    public string? OrganisationNumber { get; set; }
    public string? ContactName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Participants { get; set; }
    public string? PreferredPeriod { get; set; }
    public string? PreferredFormat { get; set; }
    public string? CreditBearing { get; set; }
    public List<string> Modules { get; set; } = [];
    public string? Description { get; set; }
    public bool Consent { get; set; }

    /// <summary>Honeypot: hidden from people, filled in by bots.</summary>
    public string? Website { get; set; }

    /// <summary>Problems as (field, text key); an empty list means the form can be stored.</summary>
    public List<(string Field, string TextKey)> Validate()
    {
        var errors = new List<(string, string)>();
        Required(errors, nameof(OrganisationName), OrganisationName, InquiryLimits.OrganisationName);
        var orgProblem = UU.Scrapers.Normalisation.OrganisationNumber.Validate(OrganisationNumber, out _);
        if (orgProblem != OrganisationNumberProblem.None)
        {
            errors.Add((nameof(OrganisationNumber), "inquiry.error.orgNumber." + orgProblem));
        }
        Required(errors, nameof(ContactName), ContactName, InquiryLimits.ContactName);
        if (Required(errors, nameof(Email), Email, InquiryLimits.Email) && !IsEmail(Email!))
        {
            errors.Add((nameof(Email), "inquiry.error.email"));
        }
        if (Optional(errors, nameof(Phone), Phone, InquiryLimits.Phone) && !string.IsNullOrWhiteSpace(Phone) &&
            !Phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '+' or '(' or ')'))
        {
            errors.Add((nameof(Phone), "inquiry.error.phone"));
        }
        if (!string.IsNullOrWhiteSpace(Participants) &&
            (!int.TryParse(Participants.Trim(), out var n) || n < 1 || n > InquiryLimits.MaxParticipants))
        {
            errors.Add((nameof(Participants), "inquiry.error.participants"));
        }
        Optional(errors, nameof(PreferredPeriod), PreferredPeriod, InquiryLimits.PreferredPeriod);
        if (!string.IsNullOrWhiteSpace(PreferredFormat) && ParseFormat(PreferredFormat) is null)
        {
            errors.Add((nameof(PreferredFormat), "inquiry.error.choice"));
        }
        if (!string.IsNullOrWhiteSpace(CreditBearing) && ParseCredit(CreditBearing) is null)
        {
            errors.Add((nameof(CreditBearing), "inquiry.error.choice"));
        }
        if (Modules.Count > 20)
        {
            errors.Add((nameof(Modules), "inquiry.error.tooManyModules"));
        }
        if (string.IsNullOrWhiteSpace(Description))
        {
            errors.Add((nameof(Description), "inquiry.error.required"));
        }
        else if (Description.Length > InquiryLimits.Description)
        {
            errors.Add((nameof(Description), "inquiry.error.tooLongDescription"));
        }
        else if (HasControlCharacters(Description, allowLineBreaks: true))
        {
            errors.Add((nameof(Description), "inquiry.error.controlCharacters"));
        }
        if (!Consent)
        {
            errors.Add((nameof(Consent), "inquiry.error.consent"));
        }
        return errors;
    }

    public DeliveryFormat? ParsedFormat => ParseFormat(PreferredFormat);

    public CreditPreference ParsedCredit => ParseCredit(CreditBearing) ?? CreditPreference.DontKnow;

    public int? ParsedParticipants => int.TryParse(Participants?.Trim(), out var n) ? n : null;

    public static DeliveryFormat? ParseFormat(string? value) =>
        value is not null && Catalogue.CatalogueCodes.Formats.TryGetValue(value.Trim(), out var f) ? f : null;

    private static CreditPreference? ParseCredit(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "ja" => CreditPreference.Yes,
        "nej" => CreditPreference.No,
        "vet-ej" => CreditPreference.DontKnow,
        _ => null,
    };

    private static bool Required(List<(string, string)> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add((field, "inquiry.error.required"));
            return false;
        }
        return Optional(errors, field, value, max);
    }

    private static bool Optional(List<(string, string)> errors, string field, string? value, int max)
    {
        if (value is null)
        {
            return true;
        }
        if (value.Trim().Length > max)
        {
            errors.Add((field, "inquiry.error.tooLong"));
            return false;
        }
        if (HasControlCharacters(value, allowLineBreaks: false))
        {
            errors.Add((field, "inquiry.error.controlCharacters"));
            return false;
        }
        return true;
    }

    private static bool HasControlCharacters(string value, bool allowLineBreaks) =>
        value.Any(c => char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'));

    private static bool IsEmail(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Contains('@', StringComparison.Ordinal) && !trimmed.Contains(' ', StringComparison.Ordinal)
            && MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed && address.Host.Contains('.', StringComparison.Ordinal);
    }
}
