// What a case costs to render: the site on Kestrel (Release, a temporary SQLite data folder, demo data with its
// cases), a coordinator signed in over HTTP, then the case page of the case with the longest history, the case list
// and GET /api/inquiries/{reference}, sequentially and 4 in parallel: latency percentiles, requests per second and
// the SQL commands each request sends (counted by a DbCommandInterceptor registered only here). A second case is given a long
// history (--history=N events, a fifth as many notes; 1,000 by default) to show how the page grows with a case's life.
// Then the statistics page (/office/statistik, every table and chart) on the seeded history, and again on ten times
// that history (the cases copied nine times over, with their closings and participants).
// Run: dotnet run -c Release --project bench/UU.Web.Bench [-- --requests=200 --history=1000]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Commissions;
using UU.Web.Features.Commissions.FollowUp;
using UU.Web.Features.Inquiries;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var requests = args.FirstOrDefault(a => a.StartsWith("--requests=", StringComparison.Ordinal)) is { } r ? int.Parse(r["--requests=".Length..], CultureInfo.InvariantCulture) : 200;
var history = args.FirstOrDefault(a => a.StartsWith("--history=", StringComparison.Ordinal)) is { } h ? int.Parse(h["--history=".Length..], CultureInfo.InvariantCulture) : 1000;
var data = Path.Combine(Path.GetTempPath(), "uu-web-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(data);
const string Email = "bench.samordnare@uu-demo.se";
const string Password = "ett långt lösenord för mätningen";

// The factory finds the site's content root (src/UU.Web) through this variable; the bench is outside the test layout.
var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "UU.Web.sln")))
{
    root = root.Parent;
}
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_UU_WEB", Path.Combine(root?.FullName ?? throw new InvalidOperationException("Run the bench from the repository (UU.Web.sln not found)."), "src", "UU.Web"));
var counter = new CommandCounter();
await using var site = new BenchSite(data, counter);
site.UseKestrel(0);
site.StartServer();
var baseUrl = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
    .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

string reference;
int events;
string longReference;
await using (var scope = site.Services.CreateAsyncScope())
{
    var users = scope.ServiceProvider.GetRequiredService<UserManager<UuUser>>();
    var user = new UuUser { UserName = Email, Email = Email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
    var created = await users.CreateAsync(user, Password);
    if (!created.Succeeded)
    {
        throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
    }
    await users.AddToRoleAsync(user, Roles.Coordinator);
    var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
    var longest = await db.CaseEvents.GroupBy(e => e.InquiryId).Select(g => new { Id = g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).FirstAsync();
    reference = await db.Inquiries.Where(i => i.Id == longest.Id).Select(i => i.ReferenceNumber).FirstAsync();
    events = longest.Count;

    // A case with a long life: many history events and notes (as years of dialogue would leave), on another demo case.
    var other = await db.Inquiries.Where(i => i.Id != longest.Id).OrderBy(i => i.Id).Select(i => new { i.Id, i.ReferenceNumber, i.ReceivedAt }).FirstAsync();
    longReference = other.ReferenceNumber;
    for (var n = 0; n < history; n++)
    {
        var at = other.ReceivedAt.AddHours(n);
        db.CaseEvents.Add(new CaseEvent { InquiryId = other.Id, At = at, By = "samordnare@uu-demo.se", Action = "note", Detail = $"Uppföljande samtal nr {n} med kunden om upplägg och datum." });
        if (n % 5 == 0)
        {
            db.CaseNotes.Add(new CaseNote { InquiryId = other.Id, At = at, By = "samordnare@uu-demo.se", Text = $"Anteckning {n}: kunden vill flytta träff två till vecka {n % 52 + 1}; institutionen bekräftar lärare." });
        }
    }
    await db.SaveChangesAsync();
}

using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
var login = await http.GetStringAsync("/office/logga-in");
var token = Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = Email, ["Password"] = Password, ["__RequestVerificationToken"] = token }))
{
    var signedIn = await http.PostAsync("/office/logga-in", form);
    if (signedIn.StatusCode != HttpStatusCode.Redirect || signedIn.Headers.Location?.ToString() != "/office")
    {
        throw new InvalidOperationException($"Signing in answered {(int)signedIn.StatusCode} {signedIn.Headers.Location}.");
    }
}

Console.WriteLine($"UU.Web case pages — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, SQLite, demo data; case {reference} with {events} history events (the demo's longest), case {longReference} given {history} more events and {(history + 4) / 5} notes; {requests} requests per row after 20 warm-up requests");
Console.WriteLine();
Console.WriteLine("| request | mode | p50 ms | p95 ms | p99 ms | requests/s | SQL commands/request |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var (name, path) in new[]
{
    ("case page", $"/office/forfragningar/{reference}"),
    ($"case page, {history} events", $"/office/forfragningar/{longReference}"),
    ("case list", "/office/forfragningar"),
    ("case API", $"/api/inquiries/{reference}"),
    ($"case API, {history} events", $"/api/inquiries/{longReference}"),
})
{
    await MeasureAsync(name, path, requests);
}

// The statistics page builds every table from every case: fewer requests per row, on the seeded history and on ten times it.
var statisticsRequests = Math.Max(10, requests / 10);
var seeded = await CaseCountAsync();
await MeasureAsync($"statistics page, {seeded} cases", "/office/statistik", statisticsRequests);
await MultiplyHistoryAsync(10);
await MeasureAsync($"statistics page, {await CaseCountAsync()} cases (10×)", "/office/statistik", statisticsRequests);
await MeasureAsync("statistics API, 10×", "/api/statistics", statisticsRequests);

async Task<int> CaseCountAsync()
{
    await using var scope = site.Services.CreateAsyncScope();
    return await scope.ServiceProvider.GetRequiredService<UuDbContext>().Inquiries.CountAsync();
}

// Copies every case (with its subjects, closing and participants) until there are as many as the seeded history times the factor.
async Task MultiplyHistoryAsync(int factor)
{
    await using var scope = site.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
    var originals = await db.Inquiries.AsNoTracking().Include(i => i.Subjects).ToListAsync();
    var closings = await db.Set<CaseClosing>().AsNoTracking().ToDictionaryAsync(c => c.InquiryId);
    var participation = await db.Set<CaseParticipation>().AsNoTracking().ToDictionaryAsync(p => p.InquiryId);
    for (var copy = 1; copy < factor; copy++)
    {
        var copies = new List<(Inquiry Copy, int Original)>();
        foreach (var o in originals)
        {
            var sequence = o.Sequence + (copy * 10_000);
            copies.Add((new Inquiry
            {
                ReferenceNumber = string.Create(CultureInfo.InvariantCulture, $"UU-{o.Year}-{sequence}"), Year = o.Year, Sequence = sequence, ReceiptKey = Guid.NewGuid().ToString("N"),
                ClientId = o.ClientId, OrganisationName = o.OrganisationName, OrganisationNumber = o.OrganisationNumber, ContactName = o.ContactName, Email = o.Email,
                Participants = o.Participants, Description = o.Description, ConsentGivenAt = o.ConsentGivenAt, ReceivedAt = o.ReceivedAt, Status = o.Status, WayIn = o.WayIn,
                CommissionTypeId = o.CommissionTypeId, GivesCredits = o.GivesCredits, OutsideSupport = o.OutsideSupport, ForYear = o.ForYear, HolderEmail = o.HolderEmail,
                Phase = o.Phase, FirstResponseDue = o.FirstResponseDue, FirstResponseAt = o.FirstResponseAt, RoutedAt = o.RoutedAt, ExcludedFromStatistics = o.ExcludedFromStatistics,
                Outcome = o.Outcome, ClosedAt = o.ClosedAt, Subjects = [.. o.Subjects.Select(s => new CaseSubject { SubjectId = s.SubjectId })],
            }, o.Id));
        }
        db.Inquiries.AddRange(copies.Select(c => c.Copy));
        await db.SaveChangesAsync();
        foreach (var (c, original) in copies)
        {
            if (closings.TryGetValue(original, out var closing))
            {
                db.Add(new CaseClosing { InquiryId = c.Id, Revenue = closing.Revenue, Cost = closing.Cost, DecidedByName = closing.DecidedByName, DecidedOn = closing.DecidedOn, RecordedAt = closing.RecordedAt });
            }
            if (participation.TryGetValue(original, out var p))
            {
                db.Add(new CaseParticipation { InquiryId = c.Id, Participants = p.Participants, Women = p.Women, Hst = p.Hst, Hpr = p.Hpr, UpdatedAt = p.UpdatedAt });
            }
        }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}

async Task MeasureAsync(string name, string path, int requests)
{
    for (var i = 0; i < 20; i++)
    {
        await GetAsync(path);
    }
    foreach (var parallel in new[] { 1, 4 })
    {
        var timings = new double[requests];
        var next = -1;
        counter.Reset();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var n && n < requests)
            {
                var started = Stopwatch.GetTimestamp();
                await GetAsync(path);
                timings[n] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        clock.Stop();
        Array.Sort(timings);
        Console.WriteLine($"| {name} | {(parallel == 1 ? "sequential" : $"{parallel} in parallel")} | {Percentile(timings, 50):0.0} | {Percentile(timings, 95):0.0} | {Percentile(timings, 99):0.0} | {requests / clock.Elapsed.TotalSeconds:0} | {(double)counter.Count / requests:0.#} |");
    }
}

async Task GetAsync(string path)
{
    using var response = await http.GetAsync(path);
    if (response.StatusCode != HttpStatusCode.OK)
    {
        throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
    }
    await response.Content.ReadAsByteArrayAsync();
}

static double Percentile(double[] sorted, int p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

/// <summary>The site as it runs, in Release, on a throwaway data folder, with the benchmark's command counter added to the context.</summary>
internal sealed class BenchSite(string dataPath, CommandCounter counter) : WebApplicationFactory<UuDbContext> // any type of the site's assembly: the bench has its own Program
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage:DataPath", dataPath);
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Seed:DemoCases", "true");
        builder.UseSetting("Mail:Dispatch", "false");
        builder.ConfigureTestServices(services => services.ConfigureDbContext<SqliteUuDbContext>(o => o.AddInterceptors(counter)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
            // Leaves a temporary folder behind at worst.
        }
    }
}

/// <summary>Counts every SQL command EF Core sends (reader, scalar, non-query).</summary>
internal sealed class CommandCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override System.Data.Common.DbCommand CommandInitialized(Microsoft.EntityFrameworkCore.Diagnostics.CommandEndEventData eventData, System.Data.Common.DbCommand result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }
}
