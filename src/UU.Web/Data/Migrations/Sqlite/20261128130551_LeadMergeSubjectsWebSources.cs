using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UU.Web.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MergedIntoId",
                table: "Leads",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Region",
                table: "Leads",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AgreementUntil",
                table: "Clients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FetchValidators",
                columns: table => new
                {
                    Url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LastModified = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FetchValidators", x => x.Url);
                });

            migrationBuilder.CreateTable(
                name: "LeadSubjects",
                columns: table => new
                {
                    LeadId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ItemSelector = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleSelector = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LinkSelector = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DateSelector = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DeadlineSelector = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SummarySelector = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Schedule = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    EducationOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
