using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using UU.Web.Data;
using UU.Web.Features.Agreements;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Agreements;

/// <summary>The migration that brought the register: each client's former agreement date becomes a framework agreement, nothing lost.</summary>
public abstract class AgreementMigrationTests(Provider provider)
{
    [Fact]
    public async Task AClientsAgreementDate_BecomesAFrameworkAgreementInTheRegister()
    {
        var name = "uu_test_" + Guid.NewGuid().ToString("N")[..16];
        var file = Path.Combine(Path.GetTempPath(), name + ".db");
        string? postgres = null;
        if (provider == Provider.Postgres)
        {
            await using var admin = new NpgsqlConnection(UuWebFactory.PostgresBase);
            await admin.OpenAsync();
            await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin))
            {
                await create.ExecuteNonQueryAsync();
            }
            postgres = new NpgsqlConnectionStringBuilder(UuWebFactory.PostgresBase) { Database = name }.ConnectionString;
        }
        try
        {
            await using UuDbContext db = provider == Provider.Sqlite
                ? new SqliteUuDbContext(new DbContextOptionsBuilder<SqliteUuDbContext>().UseSqlite($"Data Source={file}").Options)
                : new PostgresUuDbContext(new DbContextOptionsBuilder<PostgresUuDbContext>().UseNpgsql(postgres).Options);
            var migrator = db.GetService<IMigrator>();
            var initial = db.Database.GetMigrations().First(m => m.EndsWith("_Initial", StringComparison.Ordinal));
            await migrator.MigrateAsync(initial);
            // The rows as the old schema held them (SQLite keeps times as ticks, PostgreSQL as timestamptz; dates as text and date).
            await db.Database.ExecuteSqlRawAsync(provider == Provider.Sqlite
                ? """
                  INSERT INTO "Clients" ("Name", "Type", "AgreementUntil", "CreatedAt") VALUES ('Timrå kommun', 2, '2027-06-30', 0);
                  INSERT INTO "Clients" ("Name", "Type", "AgreementUntil", "CreatedAt") VALUES ('Ånge kommun', 2, NULL, 0);
                  """
                : """
                  INSERT INTO "Clients" ("Name", "Type", "AgreementUntil", "CreatedAt") VALUES ('Timrå kommun', 2, '2027-06-30', now());
                  INSERT INTO "Clients" ("Name", "Type", "AgreementUntil", "CreatedAt") VALUES ('Ånge kommun', 2, NULL, now());
                  """);
            await migrator.MigrateAsync();

            var agreement = await db.Set<Agreement>().Include(a => a.Client).SingleAsync();
            Assert.Equal("Timrå kommun", agreement.Client!.Name);
            Assert.Equal(AgreementType.Framework, agreement.Type);
            Assert.Equal(new DateOnly(2027, 6, 30), agreement.EndsOn);
            Assert.Equal(2, await db.Clients.CountAsync());
        }
        finally
        {
            if (postgres is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(UuWebFactory.PostgresBase);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}

public sealed class AgreementMigrationTestsOnSqlite() : AgreementMigrationTests(Provider.Sqlite);

public sealed class AgreementMigrationTestsOnPostgres() : AgreementMigrationTests(Provider.Postgres);
