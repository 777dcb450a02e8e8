using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HakuWinay.Contests.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ScoringReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScoringReminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContestStageId = table.Column<int>(type: "int", nullable: false),
                    JurorUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    PendingScorecards = table.Column<int>(type: "int", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoringReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoringReminders_AspNetUsers_JurorUserId",
                        column: x => x.JurorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ScoringReminders_ContestStage_ContestStageId",
                        column: x => x.ContestStageId,
                        principalTable: "ContestStage",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScoringReminders_ContestStageId_JurorUserId_Kind",
                table: "ScoringReminders",
                columns: new[] { "ContestStageId", "JurorUserId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoringReminders_JurorUserId",
                table: "ScoringReminders",
                column: "JurorUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScoringReminders");
        }
    }
}
