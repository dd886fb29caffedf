using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UU.Web.Infrastructure;

namespace UU.Web.Data;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        services.AddSingleton<DataPaths>();

        var provider = configuration.GetValue(DatabaseOptions.Section + ":Provider", DatabaseProvider.Sqlite);
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                var connectionString = configuration.GetConnectionString("UU");
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new OptionsValidationException("ConnectionStrings:UU", typeof(DatabaseOptions),
                        ["Database:Provider is Postgres, so ConnectionStrings:UU must hold a PostgreSQL connection string."]);
                }
                services.AddDbContext<UuDbContext, PostgresUuDbContext>(o => o.UseNpgsql(connectionString));
                break;
            default:
                services.AddDbContext<UuDbContext, SqliteUuDbContext>((sp, o) =>
                    o.UseSqlite(SqliteConnectionString(configuration, sp.GetRequiredService<DataPaths>())));
                break;
        }
        services.AddHostedService<DatabaseInitializer>();
        return services;
    }

    private static string SqliteConnectionString(IConfiguration configuration, DataPaths paths)
    {
        var configured = configuration.GetConnectionString("UU");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        return $"Data Source={Path.Combine(paths.Root, "uu.db")};Foreign Keys=True;Pooling=True";
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
