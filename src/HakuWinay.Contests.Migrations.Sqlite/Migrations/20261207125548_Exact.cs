using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HakuWinay.Contests.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Exact : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PresentDnis",
                table: "Scorecards",
                type: "TEXT",
                maxLength: 270,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Evaluation_MinimumAttendancePercent",
                table: "Contests",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 50m);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PresentDnis",
                table: "Scorecards");

            migrationBuilder.DropColumn(
                name: "Evaluation_MinimumAttendancePercent",
                table: "Contests");
        }
    }
}
