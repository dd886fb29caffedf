using Microsoft.EntityFrameworkCore;
using UU.Scrapers.Normalisation;
using UU.Web.Data;
using UU.Web.Features.Audit;
using UU.Web.Features.Leads;

namespace UU.Web.Features.Clients;

/// <summary>What a coordinator types to add a client.</summary>
public sealed record ClientInput(string? Name, string? OrganisationNumber, ClientType? Type);

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
/// Clients added by coordinators. Their agreements live in the agreements register (/office/avtal); a new client's
/// leads are scored again, since its earlier inquiries and agreements count.
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
        if (errors.Count > 0)
        {
            return new ClientOutcome(ClientResult.Invalid, errors);
        }
        var client = new Client { Name = name!, OrganisationNumber = number.ToString(), Type = input.Type!.Value, CreatedAt = clock.GetUtcNow() };
        db.Clients.Add(client);
        audit.Add("client-added", "client", client.OrganisationNumber, client.Name);
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
}
