using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace UU.Web.Tests.Infrastructure;

public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The real app on a real database: a temporary SQLite file, or a fresh database on the PostgreSQL server that
/// the test script started (its connection string in UU_TEST_POSTGRES). Each factory has its own data folder.
/// </summary>
public class UuWebFactory : WebApplicationFactory<Program>
{
    /// <summary>Health:Token of every test app: shows /health's details (<see cref="HealthDetailsAsync"/>).</summary>
    public const string HealthToken = "health-token-of-the-tests";

    public static readonly DateTimeOffset StartTime = new(2026, 3, 16, 9, 0, 0, TimeSpan.Zero);

    private readonly string? _postgresDatabase;
    private readonly Dictionary<string, string?> _settings;

    /// <param name="postgres">Changes the app's PostgreSQL connection string (a proxy's port, a short timeout); the database stays the factory's.</param>
    public UuWebFactory(Provider provider, IDictionary<string, string?>? settings = null, Action<NpgsqlConnectionStringBuilder>? postgres = null)
    {
        Provider = provider;
        DataPath = Path.Combine(Path.GetTempPath(), "uu-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataPath);
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DataPath"] = DataPath,
            ["Database:Provider"] = provider.ToString(),
            ["Inquiries:RateLimitPerHour"] = "10000",
            ["Inquiries:CoordinatorEmails:0"] = "samordnare@uu-demo.se",
            ["Mail:Dispatch"] = "false",
            // The demo history of cases (2022–2025) would change the counts the inquiry and statistics tests assert; the case tests turn it on.
            ["Seed:DemoCases"] = "false",
            ["Site:PublicBaseUrl"] = "https://uppdrag.example.se",
            ["Health:Token"] = HealthToken,
            // Many tests sign in and search from the one test address; the tests of the limits set them low.
            ["RateLimits:SearchPerMinute"] = "100000",
            ["RateLimits:SignInPerMinute"] = "100000",
        };
        if (provider == Provider.Postgres)
        {
            _postgresDatabase = "uu_test_" + Guid.NewGuid().ToString("N")[..16];
            var connection = new NpgsqlConnectionStringBuilder(PostgresBase) { Database = _postgresDatabase };
            postgres?.Invoke(connection);
            _settings["ConnectionStrings:UU"] = connection.ConnectionString;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public Provider Provider { get; }
    public string DataPath { get; }
    public FakeTimeProvider Clock { get; } = new(StartTime);

    /// <summary>The database this app uses, as the app resolves it: for a second node on the same database.</summary>
    public string ConnectionString => UU.Web.Data.DataServiceCollectionExtensions.ConnectionString(Services);

    /// <summary>GET /health as monitoring reads it (with the health token): the overall status and every part's entry.</summary>
    public static async Task<System.Text.Json.JsonDocument> HealthDetailsAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Health-Token", HealthToken);
        using var response = await client.SendAsync(request);
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public static string PostgresBase =>
        Environment.GetEnvironmentVariable("UU_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "The PostgreSQL tests need a server: run ./test.sh, which starts one and sets UU_TEST_POSTGRES.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresBase);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a folder in the temp directory behind.
        }
    }
}

public sealed class SqliteApp() : UuWebFactory(Provider.Sqlite);

public sealed class PostgresApp() : UuWebFactory(Provider.Postgres);
