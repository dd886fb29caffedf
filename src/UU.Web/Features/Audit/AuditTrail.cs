using System.Security.Claims;
using UU.Web.Data;
using UU.Web.Features.Accounts;

namespace UU.Web.Features.Audit;

/// <summary>Records an audit entry; callers save it with their own change, or it is saved at once.</summary>
public sealed class AuditTrail(UuDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    /// <summary>Records an action on its own (sign-ins, refusals): saved at once.</summary>
    public async Task RecordAsync(string action, string? entityType = null, string? entityId = null, string? details = null, UuUser? user = null, string? email = null, CancellationToken cancellationToken = default)
    {
        Add(action, entityType, entityId, details, user, email);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds the entry to the caller's unit of work: it is saved with the change it describes, or not at all.</summary>
    public void Add(string action, string? entityType = null, string? entityId = null, string? details = null, UuUser? user = null, string? email = null)
    {
        var context = http.HttpContext;
        var principal = context?.User;
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = user?.Id ?? principal?.FindFirstValue(ClaimTypes.NameIdentifier),
            UserEmail = user?.Email ?? email ?? principal?.FindFirstValue(ClaimTypes.Email) ?? principal?.Identity?.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = details is { Length: > 1900 } ? details[..1900] : details,
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
        });
    }
}
