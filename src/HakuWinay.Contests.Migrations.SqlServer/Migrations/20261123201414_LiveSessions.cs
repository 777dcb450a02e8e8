using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HakuWinay.Contests.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class LiveSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LiveSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContestId = table.Column<int>(type: "int", nullable: false),
                    ContestStageId = table.Column<int>(type: "int", nullable: false),
                    Seed = table.Column<int>(type: "int", nullable: true),
                    OrderText = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    DrawnByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    DrawnAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CurrentPosition = table.Column<int>(type: "int", nullable: true),
                    TimerStartedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PresentationMinutes = table.Column<int>(type: "int", nullable: false),
                    ScoreRevealed = table.Column<bool>(type: "bit", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    EndedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiveSessions_ContestStage_ContestStageId",
                        column: x => x.ContestStageId,
                        principalTable: "ContestStage",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LiveSessions_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_LiveSessions_ContestId",
                table: "LiveSessions",
                column: "ContestId");

            migrationBuilder.CreateIndex(
                name: "IX_LiveSessions_ContestStageId",
                table: "LiveSessions",
                column: "ContestStageId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LiveSessions");
        }
    }
}
