using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace UU.Web.Data;

// Used only by `dotnet ef migrations add`; the running app configures the contexts in DataServiceCollectionExtensions.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteUuDbContext>
{
    public SqliteUuDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteUuDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresUuDbContext>
{
    public PostgresUuDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresUuDbContext>().UseNpgsql("Host=localhost;Database=uu_design").Options);
}
