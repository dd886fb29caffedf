using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore.Diagnostics;
using UU.Web.Infrastructure;

namespace UU.Web.Data;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddData(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Configure<IConfiguration>((o, configuration) => o.ConnectionString = configuration.GetConnectionString("UU"))
            .Validate(o => o.Provider != DatabaseProvider.Postgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:Provider is Postgres, so ConnectionStrings:UU must hold a PostgreSQL connection string.")
            .ValidateOnStart();
        services.AddSingleton<DataPaths>();

        // Both provider contexts are registered; Database:Provider decides which one serves UuDbContext.
        // The choice is made when a context is resolved, so configuration from any source (tests included) applies.
        services.AddDbContext<SqliteUuDbContext>((sp, o) =>
        {
            // Features add their own interceptors (the search journal) as ISaveChangesInterceptor services.
            o.UseSqlite(ConnectionString(sp)).AddInterceptors([.. sp.GetServices<ISaveChangesInterceptor>(), new SqliteFoldFunction()]);
        });
        services.AddDbContext<PostgresUuDbContext>((sp, o) =>
            o.UseNpgsql(ConnectionString(sp))
                .AddInterceptors(sp.GetServices<ISaveChangesInterceptor>()));
        services.AddScoped<UuDbContext>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
                ? sp.GetRequiredService<PostgresUuDbContext>()
                : sp.GetRequiredService<SqliteUuDbContext>());
        services.AddSingleton<DatabaseInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseInitializer>());
        return services;
    }

    /// <summary>The database's connection string: ConnectionStrings:UU, or for SQLite without one, uu.db in the data folder.</summary>
    public static string ConnectionString(IServiceProvider services)
    {
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        return string.IsNullOrWhiteSpace(database.ConnectionString) && database.Provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(services.GetRequiredService<DataPaths>().Root, "uu.db")};Foreign Keys=True;Pooling=True"
            : database.ConnectionString ?? "";
    }
}

/// <summary>Resolved folders under Storage:DataPath, created on first use.</summary>
public sealed class DataPaths
{
    public DataPaths(IOptions<StorageOptions> options, IHostEnvironment environment)
    {
        Root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.DataPath));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Folder(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }
}

/// <summary>Registers <see cref="UuDbContext.Fold"/>'s SQLite function on every connection the app opens.</summary>
public sealed class SqliteFoldFunction : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(System.Data.Common.DbConnection connection)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            sqlite.CreateFunction(SqliteUuDbContext.FoldFunction, (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
        }
    }
}
