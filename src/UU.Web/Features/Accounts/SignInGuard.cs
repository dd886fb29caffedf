using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Identity;

namespace UU.Web.Features.Accounts;

/// <summary>
/// Wrong passwords lock one client address out of one account, not the account: five wrong passwords for an account
/// from one address stop that address trying that account for 15 minutes, while the owner (from anywhere else) signs
/// in as usual. Identity's own lockout counts every failure for the account wherever it comes from, which lets a
/// stranger who knows an address lock its owner out by guessing; here it only counts wrong authenticator codes,
/// which come after the right password (and admins' locks still lock the account). The attempts per address are
/// throttled as well (RateLimits:SignInPerMinute), so one address cannot guess across many accounts quickly either.
/// </summary>
// REVIEW: the failures are counted per node (in memory): behind N nodes a guesser gets up to 5 × N tries per window
// before the pair locks. Shared counting would need a table written on every failed attempt; the per-address rate
// limit bounds the guessing meanwhile.
public sealed class SignInGuard(TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);
    private const int MaxTracked = 50_000;

    private readonly ConcurrentDictionary<(string Address, string UserId), Failures> _failures = new();

    public bool IsLockedOut(IPAddress? address, string userId) =>
        _failures.TryGetValue(Key(address, userId), out var entry) && entry.LockedUntil is { } until && until > clock.GetUtcNow();

    /// <summary>Counts a wrong password; true when this one locked the pair.</summary>
    public bool Failed(IPAddress? address, string userId)
    {
        var now = clock.GetUtcNow();
        if (_failures.Count > MaxTracked)
        {
            foreach (var stale in _failures.Where(f => f.Value.LastAt < now - LockoutTime).Select(f => f.Key).ToList())
            {
                _failures.TryRemove(stale, out _);
            }
        }
        var updated = _failures.AddOrUpdate(Key(address, userId),
            _ => new Failures(1, now, null),
            (_, old) =>
            {
                var count = old.LastAt < now - LockoutTime || old.LockedUntil is { } was && was <= now ? 1 : old.Count + 1;
                return new Failures(count, now, count >= MaxFailures ? now + LockoutTime : null);
            });
        return updated.LockedUntil is not null;
    }

    public void Succeeded(IPAddress? address, string userId) => _failures.TryRemove(Key(address, userId), out _);

    private static (string, string) Key(IPAddress? address, string userId) => (address?.ToString() ?? "unknown", userId);

    private sealed record Failures(int Count, DateTimeOffset LastAt, DateTimeOffset? LockedUntil);
}

/// <summary>
/// A password hash nobody's password matches, checked for an unknown address (and a locked pair) with the same hasher
/// as a real one, so such an answer costs as much time as a wrong password for a real account.
/// </summary>
public sealed class DummyPassword(Microsoft.Extensions.Options.IOptions<PasswordHasherOptions> options)
{
    private static readonly UuUser Nobody = new() { UserName = "nobody", Email = "nobody@invalid" };
    private readonly Lazy<string> _hash = new(() =>
        new PasswordHasher<UuUser>(options).HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    public void Verify(IPasswordHasher<UuUser> hasher, string password) => hasher.VerifyHashedPassword(Nobody, _hash.Value, password);
}
