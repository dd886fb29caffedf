using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UU.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InquiryFromLead : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LeadId",
                table: "Inquiries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_LeadId",
                table: "Inquiries",
                column: "LeadId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Inquiries_Leads_LeadId",
                table: "Inquiries",
                column: "LeadId",
                principalTable: "Leads",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Inquiries_Leads_LeadId",
                table: "Inquiries");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_LeadId",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "LeadId",
                table: "Inquiries");
        }
    }
}
