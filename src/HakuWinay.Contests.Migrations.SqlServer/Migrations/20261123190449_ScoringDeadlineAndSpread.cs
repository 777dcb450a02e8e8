using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HakuWinay.Contests.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ScoringDeadlineAndSpread : Migration
    {
        /// <inheritdoc />
        // Existing stages take the default threshold (ContestStage.DefaultSpreadThreshold), not zero.
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ScoringDeadlineUtc",
                table: "ContestStage",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "SpreadThreshold",
                table: "ContestStage",
                type: "decimal(18,4)",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 15m);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ScoringDeadlineUtc",
                table: "ContestStage");

            migrationBuilder.DropColumn(
                name: "SpreadThreshold",
                table: "ContestStage");
        }
    }
}
