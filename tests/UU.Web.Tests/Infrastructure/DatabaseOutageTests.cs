using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using UU.Web.Data;
using Xunit.Abstractions;

namespace UU.Web.Tests.Infrastructure;

/// <summary>The app on PostgreSQL through a proxy that the test cuts, as when the database restarts under a running site.</summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private static Dictionary<string, string> InquiryForm(string marker, string token) => new()
    {
        ["__RequestVerificationToken"] = token,
        ["Form.OrganisationName"] = "Sundsvalls kommun",
        ["Form.OrganisationNumber"] = "212000-2411",
        ["Form.ContactName"] = "Lena Nyberg",
        ["Form.Email"] = "lena.nyberg@sundsvall.example.se",
        ["Form.Modules"] = "specialpedagogik-for-larare",
        ["Form.Description"] = "Fortbildning för elevhälsans personal. " + marker,
        ["Form.Consent"] = "true",
    };

    [Fact]
    public async Task DatabaseAway_PagesAndApiAnswer503_NoReceiptWithoutStoredInquiry_AndTheSiteRecoversByItself()
    {
        var postgres = new NpgsqlConnectionStringBuilder(UuWebFactory.PostgresBase);
        await using var proxy = new TcpProxy(postgres.Host!, postgres.Port);
        var app = new UuWebFactory(Provider.Postgres, postgres: c =>
        {
            c.Host = "127.0.0.1";
            c.Port = proxy.Port;
            c.Timeout = 3;
            c.CommandTimeout = 10;
        });
        var marker = Guid.NewGuid().ToString("N");
        var receipts = new ConcurrentBag<string>();
        using var deadline = new CancellationTokenSource();
        try
        {
            var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            // Every wait of this test ends by this deadline (counted from the app's start, which a loaded machine makes
            // slow), so a regression fails the test instead of hanging the run.
            deadline.CancelAfter(TimeSpan.FromMinutes(3));
            client.Timeout = TimeSpan.FromSeconds(30);

            async Task<HttpStatusCode> SubmitAsync(string token)
            {
                using var response = await client.PostAsync("/forfragan", new FormUrlEncodedContent(InquiryForm(marker, token)), deadline.Token);
                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    receipts.Add(response.Headers.Location!.OriginalString.Split('/', '?')[3]);
                }
                return response.StatusCode;
            }

            var token = (await client.GetDocumentAsync("/forfragan")).AntiforgeryToken();
            Assert.Equal(HttpStatusCode.Redirect, await SubmitAsync(token));

            proxy.Cut();

            using (var page = await client.GetAsync("/forfragan"))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
                // The page's HTML encodes ö (&#xF6;): read it as a browser shows it.
                Assert.Contains("Försök igen om en stund", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
                Assert.NotNull(page.Headers.RetryAfter);
            }
            using (var api = await client.GetAsync("/api/content/modules"))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
                Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
                Assert.Contains("try again in a moment", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
            var duringOutage = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SubmitAsync(token))).WaitAsync(deadline.Token);
            Assert.All(duringOutage, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
            using (var english = await client.GetAsync("/forfragan?culture=en"))
            {
                Assert.Contains("try again in a moment", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            proxy.Restore();
            var recovery = Stopwatch.StartNew();

            // No restart and no cached failure: the very next requests are served again.
            using (var back = await client.GetAsync("/forfragan", deadline.Token))
            {
                Assert.Equal(HttpStatusCode.OK, back.StatusCode);
            }
            output.WriteLine($"Recovered {recovery.Elapsed.TotalMilliseconds:F0} ms after the database came back (first request served)");
            var afterOutage = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SubmitAsync(token))).WaitAsync(deadline.Token);
            Assert.All(afterOutage, status => Assert.Equal(HttpStatusCode.Redirect, status));

            // Every receipt has its inquiry, and no inquiry was stored without a receipt (half-written during the outage).
            await using var scope = app.Services.CreateAsyncScope();
            var stored = await scope.ServiceProvider.GetRequiredService<UuDbContext>().Inquiries
                .Where(i => i.Description.Contains(marker)).Select(i => i.ReferenceNumber).ToListAsync(deadline.Token);
            Assert.Equal(5, receipts.Count);
            Assert.Equal(receipts.Order(), stored.Order());
        }
        finally
        {
            proxy.Restore(); // the app stops (and drops its database) with the database reachable, whatever failed above
            await StopAsync(app);
        }
    }

    /// <summary>
    /// Stops the app, moving its clock on while it stops. Quartz waits out a failed database call on the app's
    /// TimeProvider before it retries (the outage made some of its calls fail), and the scheduler's shutdown waits for
    /// that retry; the test's clock stands still unless moved, so without this the shutdown never ends.
    /// </summary>
    private static async Task StopAsync(UuWebFactory app)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var stopping = app.DisposeAsync().AsTask();
        while (!stopping.IsCompleted)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(30));
            await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token));
            deadline.Token.ThrowIfCancellationRequested();
        }
        await stopping;
    }
}
