using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UU.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContentListTitle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DraftTitle",
                table: "ContentItems",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // The titles of the items there already, from their drafts' JSON (new drafts set the column themselves).
            migrationBuilder.Sql("""
                UPDATE "ContentItems" SET "DraftTitle" = COALESCE(substr(json_extract("DraftJson", '$.TitleSv'), 1, 200), '');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DraftTitle",
                table: "ContentItems");
        }
    }
}
