using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace UU.Scrapers.Fetching;

/// <summary>
/// The scrapers' retries and per-attempt timeouts, on Microsoft.Extensions.Http.Resilience (Polly): 429, 5xx, attempt
/// timeouts and transient network errors are retried with exponential backoff and jitter, or after the server's
/// Retry-After when it asks for a pause a run can wait. Both use the injected <see cref="TimeProvider"/>.
/// </summary>
public static class ScraperResilience
{
    /// <summary>
    /// robots.txt → retries → per-host spacing → per-attempt timeout → the network. The retries sit outside
    /// <see cref="HostThrottleHandler"/> so every attempt keeps the host's spacing; the timeout sits inside it so time
    /// spent waiting for the host's turn is not held against the server.
    /// </summary>
    internal static IHttpClientBuilder AddPoliteHandlers(this IHttpClientBuilder client)
    {
        client.AddHttpMessageHandler<RobotsTxtHandler>();
        client.AddResilienceHandler("retries", (pipeline, context) => AddRetries(pipeline, Options(context), Clock(context)));
        client.AddHttpMessageHandler<HostThrottleHandler>();
        client.AddResilienceHandler("attempt-timeout", (pipeline, context) => AddAttemptTimeout(pipeline, Options(context), Clock(context)));
        return client;
    }

    private static ScraperOptions Options(ResilienceHandlerContext context) => context.ServiceProvider.GetRequiredService<IOptions<ScraperOptions>>().Value;

    private static TimeProvider Clock(ResilienceHandlerContext context) => context.ServiceProvider.GetRequiredService<TimeProvider>();

    internal static ResiliencePipelineBuilder<HttpResponseMessage> AddRetries(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ScraperOptions options, TimeProvider clock)
    {
        pipeline.TimeProvider = clock;
        if (options.MaxRetries == 0)
        {
            return pipeline; // Polly's retry needs at least one attempt; none configured means none made
        }
        return pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(options.RetryDelayMilliseconds),
            ShouldRetryAfterHeader = false, // its reading of Retry-After uses the system clock; ours uses the injected one
            ShouldHandle = args => ValueTask.FromResult(
                HttpClientResiliencePredicates.IsTransient(args.Outcome)
                && !RefusedAsNotPublic(args.Outcome.Exception)
                && !(args.Outcome.Result is { } response && AsksTooLong(response, options, clock))),
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response, clock) : null),
        });
    }

    internal static ResiliencePipelineBuilder<HttpResponseMessage> AddAttemptTimeout(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ScraperOptions options, TimeProvider clock)
    {
        pipeline.TimeProvider = clock;
        return pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds) });
    }

    /// <summary>The network guard's refusal (wrapped by the connection pool) is no transient error: asking again changes nothing.</summary>
    private static bool RefusedAsNotPublic(Exception? exception) => exception is AddressNotPublicException || exception?.InnerException is AddressNotPublicException;

    /// <summary>The pause the answer asks for (delta-seconds, or an HTTP-date from now; a past date asks for none), if it asks.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock) => RetryAfter(response.Headers.RetryAfter, clock);

    internal static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, TimeProvider clock) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>Whether the answer asks for a longer pause than <see cref="ScraperOptions.MaxRetryAfterSeconds"/>: such a request fails instead of waiting.</summary>
    internal static bool AsksTooLong(HttpResponseMessage response, ScraperOptions options, TimeProvider clock) =>
        RetryAfter(response, clock) > TimeSpan.FromSeconds(options.MaxRetryAfterSeconds);
}
