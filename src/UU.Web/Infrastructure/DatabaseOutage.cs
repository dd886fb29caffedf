using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace UU.Web.Infrastructure;

/// <summary>
/// Tells a database that is away (restarting, unreachable, out of connections, locked) from a bug: the first is
/// worth a "try again in a moment" (503), the second is a 500.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>How long a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN: the file is there but cannot be used right now.
    private static readonly HashSet<int> SqliteUnavailable = [5, 6, 10, 13, 14];

    public static bool IsOutage(Exception exception)
    {
        // EF wraps the provider's exception (DbUpdateException, or InvalidOperationException for a transient failure).
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException:
                    return true;
                case SqliteException sqlite when SqliteUnavailable.Contains(sqlite.SqliteErrorCode):
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Forgets the pooled connections: those the outage broke would otherwise fail one request each after the
    /// database is back, so the site would answer errors for longer than the outage lasted.
    /// </summary>
    public static void ForgetPooledConnections()
    {
        NpgsqlConnection.ClearAllPools();
        SqliteConnection.ClearAllPools();
    }
}

/// <summary>
/// A request that failed because the database is away: 503 with Retry-After, ProblemDetails under /api and the
/// error page's "try again in a moment" elsewhere. Registered before <see cref="ApiExceptionHandler"/>.
/// </summary>
public sealed partial class DatabaseOutageHandler(ILogger<DatabaseOutageHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseOutage.IsOutage(exception))
        {
            return false;
        }
        var path = new PathString(httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value);
        LogOutage(logger, exception.GetBaseException().Message, httpContext.Request.Method, path);
        DatabaseOutage.ForgetPooledConnections();
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!path.StartsWithSegments(ApiProblems.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false; // the error page renders the 503 (it reads the status this handler set)
        }
        await TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "The service is temporarily unavailable.",
            Detail = $"The database cannot be reached right now. Nothing was changed; try again in a moment (Retry-After: {DatabaseOutage.RetryAfterSeconds} s).",
        }).ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable ({Reason}) during {Method} {Path}: answered 503")]
    private static partial void LogOutage(ILogger logger, string reason, string method, PathString path);
}
