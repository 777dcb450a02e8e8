using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HakuWinay.Contests.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Represent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PreviousPresentationId",
                table: "BusinessProfiles",
                type: "int",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_BusinessProfiles_PreviousPresentationId",
                table: "BusinessProfiles",
                column: "PreviousPresentationId",
                unique: true,
                filter: "[PreviousPresentationId] IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "FK_BusinessProfiles_BusinessProfiles_PreviousPresentationId",
                table: "BusinessProfiles",
                column: "PreviousPresentationId",
                principalTable: "BusinessProfiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_BusinessProfiles_BusinessProfiles_PreviousPresentationId",
                table: "BusinessProfiles");

            migrationBuilder.DropIndex(
                name: "IX_BusinessProfiles_PreviousPresentationId",
                table: "BusinessProfiles");

            migrationBuilder.DropColumn(
                name: "PreviousPresentationId",
                table: "BusinessProfiles");
        }
    }
}
