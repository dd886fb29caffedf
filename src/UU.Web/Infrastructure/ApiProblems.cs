using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace UU.Web.Infrastructure;

/// <summary>
/// Every error under /api is ProblemDetails (application/problem+json): an unhandled exception, and any error
/// status that left without a body (unknown address, wrong method, 401, 403, 429, a failed binding). HTML pages
/// keep the friendly error page.
/// </summary>
public static class ApiProblems
{
    public const string Prefix = "/api";

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddApiProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            // Every status gets a title, also those the framework has no default for (429).
            c.ProblemDetails.Title ??= ReasonPhrases.GetReasonPhrase(c.ProblemDetails.Status ?? c.HttpContext.Response.StatusCode);
            c.ProblemDetails.Extensions.TryAdd("traceId", c.HttpContext.TraceIdentifier);
        });
        // Order matters: a database outage is a 503 (and not logged as a bug) before anything else is a 500.
        services.AddExceptionHandler<DatabaseOutageHandler>();
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }

    /// <summary>The body of an error status under /api that has none yet.</summary>
    public static Task WriteStatusAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        return TypedResults.Problem(statusCode: status, title: ReasonPhrases.GetReasonPhrase(status)).ExecuteAsync(context);
    }
}

/// <summary>An unhandled exception under /api: a 500 ProblemDetails without the exception's text, and a log entry with it.</summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at the error page (/fel): the feature keeps the original path.
        var path = new PathString(httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value);
        if (!path.StartsWithSegments(ApiProblems.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        LogUnhandled(logger, exception, httpContext.Request.Method, path);
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        await TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "An unexpected error occurred.",
            Detail = "The request could not be completed. The error has been logged; quote the traceId when you report it.",
        }).ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in API request {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);
}
