using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UU.Scrapers.Normalisation;
using UU.Web.Data;
using UU.Web.Features.Audit;
using UU.Web.Features.Leads;

namespace UU.Web.Features.Clients;

/// <summary>What a coordinator types to add a client.</summary>
public sealed record ClientInput(string? Name, string? OrganisationNumber, ClientType? Type, string? AgreementUntil);

public enum ClientResult
{
    Saved,
    Invalid,
    NotFound,
}

/// <summary>Saved, or a message per field (field name → message).</summary>
public sealed record ClientOutcome(ClientResult Result, IReadOnlyDictionary<string, string> FieldErrors)
{
    public static readonly ClientOutcome Saved = new(ClientResult.Saved, new Dictionary<string, string>());
}

/// <summary>
/// Clients added by coordinators and their framework agreements (ramavtal, SKO-avtal). An agreement in force raises
/// the score of the client's leads, so they are scored again whenever a client or agreement changes.
/// </summary>
public sealed class ClientRegister(UuDbContext db, LeadMatcher matcher, TimeProvider clock, AuditTrail audit, Localization.Texts texts)
{
    public async Task<ClientOutcome> AddAsync(ClientInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 300)
        {
            errors["Name"] = texts["clients.error.name"];
        }
        var problem = UU.Scrapers.Normalisation.OrganisationNumber.Validate(input.OrganisationNumber, out var number);
        if (problem != OrganisationNumberProblem.None)
        {
            errors["OrganisationNumber"] = texts["inquiry.error.orgNumber." + problem];
        }
        else if (await db.Clients.AnyAsync(c => c.OrganisationNumber == number.ToString(), cancellationToken))
        {
            errors["OrganisationNumber"] = texts["clients.error.exists"];
        }
        if (input.Type is not { } type || !Enum.IsDefined(type))
        {
            errors["Type"] = texts["clients.error.type"];
        }
        if (!TryDate(input.AgreementUntil, out var until))
        {
            errors["AgreementUntil"] = texts["clients.error.date"];
        }
        if (errors.Count > 0)
        {
            return new ClientOutcome(ClientResult.Invalid, errors);
        }
        var client = new Client { Name = name!, OrganisationNumber = number.ToString(), Type = input.Type!.Value, AgreementUntil = until, CreatedAt = clock.GetUtcNow() };
        db.Clients.Add(client);
        audit.Add("client-added", "client", client.OrganisationNumber, client.Name);
        await RescoreAsync(client.Name, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ClientOutcome.Saved;
    }

    /// <summary>Sets or clears (empty date) a client's agreement, and scores the client's open leads again.</summary>
    public async Task<ClientOutcome> SetAgreementAsync(int? clientId, string? agreementUntil, CancellationToken cancellationToken)
    {
        var client = clientId is { } id ? await db.Clients.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) : null;
        if (client is null)
        {
            return new ClientOutcome(ClientResult.NotFound, new Dictionary<string, string>());
        }
        if (!TryDate(agreementUntil, out var until))
        {
            return new ClientOutcome(ClientResult.Invalid, new Dictionary<string, string> { ["AgreementUntil"] = texts["clients.error.date"] });
        }
        client.AgreementUntil = until;
        audit.Add("client-agreement", "client", client.Id.ToString(CultureInfo.InvariantCulture), until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none");
        await RescoreAsync(client.Name, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ClientOutcome.Saved;
    }

    private async Task RescoreAsync(string buyer, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken); // the matcher reads the agreement from the database
        foreach (var lead in await db.Leads.Where(l => l.Buyer == buyer && l.MergedIntoId == null).OrderByDescending(l => l.Id).Take(200).ToListAsync(cancellationToken))
        {
            await matcher.MatchAsync(lead, cancellationToken);
        }
    }

    /// <summary>An agreement's last day as the form sends it: empty for none, else yyyy-MM-dd.</summary>
    private static bool TryDate(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }
        return false;
    }
}
