using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace UU.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LeadMergeSubjectsWebSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MergedFromLeadId",
                table: "LeadSources",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MergedIntoId",
                table: "Leads",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Region",
                table: "Leads",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AgreementUntil",
                table: "Clients",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FetchValidators",
                columns: table => new
                {
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ETag = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    LastModified = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FetchValidators", x => x.Url);
                });

            migrationBuilder.CreateTable(
                name: "LeadSubjects",
                columns: table => new
                {
                    LeadId = table.Column<int>(type: "integer", nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeadSubjects", x => new { x.LeadId, x.SubjectId });
                    table.ForeignKey(
                        name: "FK_LeadSubjects_Leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "Leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LeadSubjects_Subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WebSources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ItemSelector = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleSelector = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    LinkSelector = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DateSelector = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    DeadlineSelector = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SummarySelector = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Schedule = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    EducationOnly = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebSources", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_MergedIntoId",
                table: "Leads",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_LeadSubjects_SubjectId",
                table: "LeadSubjects",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_WebSources_Name",
                table: "WebSources",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Leads_Leads_MergedIntoId",
                table: "Leads",
                column: "MergedIntoId",
                principalTable: "Leads",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Leads_Leads_MergedIntoId",
                table: "Leads");

            migrationBuilder.DropTable(
                name: "FetchValidators");

            migrationBuilder.DropTable(
                name: "LeadSubjects");

            migrationBuilder.DropTable(
                name: "WebSources");

            migrationBuilder.DropIndex(
                name: "IX_Leads_MergedIntoId",
                table: "Leads");

            migrationBuilder.DropColumn(
                name: "MergedFromLeadId",
                table: "LeadSources");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Leads");

            migrationBuilder.DropColumn(
                name: "Region",
                table: "Leads");

            migrationBuilder.DropColumn(
                name: "AgreementUntil",
                table: "Clients");
        }
    }
}
