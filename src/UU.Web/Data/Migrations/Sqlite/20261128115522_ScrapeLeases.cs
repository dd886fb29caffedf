using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UU.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScrapeLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScrapeLeases",
                columns: table => new
                {
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScrapeLeases", x => x.Source);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScrapeLeases");
        }
    }
}
