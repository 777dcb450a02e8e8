using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HakuWinay.Contests.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ExpenseDocumentKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DocumentKey",
                table: "Expenses",
                type: "character varying(248)",
                maxLength: 248,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Expenses_AwardId_DocumentKey",
                table: "Expenses",
                columns: new[] { "AwardId", "DocumentKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Expenses_AwardId_DocumentKey",
                table: "Expenses");

            migrationBuilder.DropColumn(
                name: "DocumentKey",
                table: "Expenses");
        }
    }
}
