using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace UU.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Cases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "Inquiries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CommissionTypeId",
                table: "Inquiries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExcludedFromStatistics",
                table: "Inquiries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstResponseAt",
                table: "Inquiries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FirstResponseDue",
                table: "Inquiries",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ForYear",
                table: "Inquiries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "GivesCredits",
                table: "Inquiries",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HolderEmail",
                table: "Inquiries",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NextStep",
                table: "Inquiries",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextStepDue",
                table: "Inquiries",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Outcome",
                table: "Inquiries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeReason",
                table: "Inquiries",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "OutsideSupport",
                table: "Inquiries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Phase",
                table: "Inquiries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "RegistryNumber",
                table: "Inquiries",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RoutedAt",
                table: "Inquiries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WayIn",
                table: "Inquiries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FacultyId",
                table: "AspNetUsers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseDocument",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InquiryId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StoredName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseDocument", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseDocument_Inquiries_InquiryId",
                        column: x => x.InquiryId,
                        principalTable: "Inquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseEvent",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InquiryId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Action = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseEvent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseEvent_Inquiries_InquiryId",
                        column: x => x.InquiryId,
                        principalTable: "Inquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseNote",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InquiryId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseNote", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseNote_Inquiries_InquiryId",
                        column: x => x.InquiryId,
                        principalTable: "Inquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseSubject",
                columns: table => new
                {
                    InquiryId = table.Column<int>(type: "integer", nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseSubject", x => new { x.InquiryId, x.SubjectId });
                    table.ForeignKey(
                        name: "FK_CaseSubject_Inquiries_InquiryId",
                        column: x => x.InquiryId,
                        principalTable: "Inquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseSubject_Subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChecklistStep",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Phase = table.Column<int>(type: "integer", nullable: false),
                    TitleSv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Responsible = table.Column<int>(type: "integer", nullable: false),
                    Required = table.Column<bool>(type: "boolean", nullable: false),
                    CreditBearingOnly = table.Column<bool>(type: "boolean", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChecklistStep", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommissionType",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NameSv = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    HandlingOrder = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommissionType", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseStep",
                columns: table => new
                {
                    InquiryId = table.Column<int>(type: "integer", nullable: false),
                    ChecklistStepId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseStep", x => new { x.InquiryId, x.ChecklistStepId });
                    table.ForeignKey(
                        name: "FK_CaseStep_ChecklistStep_ChecklistStepId",
                        column: x => x.ChecklistStepId,
                        principalTable: "ChecklistStep",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseStep_Inquiries_InquiryId",
                        column: x => x.InquiryId,
                        principalTable: "Inquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_CommissionTypeId",
                table: "Inquiries",
                column: "CommissionTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_Phase",
                table: "Inquiries",
                column: "Phase");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_FacultyId",
                table: "AspNetUsers",
                column: "FacultyId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseDocument_InquiryId",
                table: "CaseDocument",
                column: "InquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseEvent_InquiryId_At",
                table: "CaseEvent",
                columns: new[] { "InquiryId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseNote_InquiryId",
                table: "CaseNote",
                column: "InquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseStep_ChecklistStepId",
                table: "CaseStep",
                column: "ChecklistStepId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseSubject_SubjectId",
                table: "CaseSubject",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ChecklistStep_Phase_SortOrder",
                table: "ChecklistStep",
                columns: new[] { "Phase", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_CommissionType_NameSv",
                table: "CommissionType",
                column: "NameSv",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Faculties_FacultyId",
                table: "AspNetUsers",
                column: "FacultyId",
                principalTable: "Faculties",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Inquiries_CommissionType_CommissionTypeId",
                table: "Inquiries",
                column: "CommissionTypeId",
                principalTable: "CommissionType",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Existing inquiries converted from a lead came in by that way.
            migrationBuilder.Sql("UPDATE \"Inquiries\" SET \"WayIn\" = 1 WHERE \"LeadId\" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_Faculties_FacultyId",
                table: "AspNetUsers");

            migrationBuilder.DropForeignKey(
                name: "FK_Inquiries_CommissionType_CommissionTypeId",
                table: "Inquiries");

            migrationBuilder.DropTable(
                name: "CaseDocument");

            migrationBuilder.DropTable(
                name: "CaseEvent");

            migrationBuilder.DropTable(
                name: "CaseNote");

            migrationBuilder.DropTable(
                name: "CaseStep");

            migrationBuilder.DropTable(
                name: "CaseSubject");

            migrationBuilder.DropTable(
                name: "CommissionType");

            migrationBuilder.DropTable(
                name: "ChecklistStep");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_CommissionTypeId",
                table: "Inquiries");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_Phase",
                table: "Inquiries");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_FacultyId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "CommissionTypeId",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "ExcludedFromStatistics",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "FirstResponseAt",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "FirstResponseDue",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "ForYear",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "GivesCredits",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "HolderEmail",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "NextStep",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "NextStepDue",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "OutcomeReason",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "OutsideSupport",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "Phase",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "RegistryNumber",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "RoutedAt",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "WayIn",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "FacultyId",
                table: "AspNetUsers");
        }
    }
}
