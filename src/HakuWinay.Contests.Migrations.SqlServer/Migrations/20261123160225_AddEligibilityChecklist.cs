using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HakuWinay.Contests.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AddEligibilityChecklist : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EligibilityChecklistJson",
                table: "BusinessProfiles",
                type: "nvarchar(max)",
                maxLength: 16000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ContestChecklistItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContestId = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestChecklistItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestChecklistItem_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContestChecklistItem_ContestId",
                table: "ContestChecklistItem",
                column: "ContestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContestChecklistItem");

            migrationBuilder.DropColumn(
                name: "EligibilityChecklistJson",
                table: "BusinessProfiles");
        }
    }
}
