using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HakuWinay.Contests.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class JudgingFoundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConflictDeclarations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContestId = table.Column<int>(type: "INTEGER", nullable: false),
                    JurorUserId = table.Column<string>(type: "TEXT", nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConflictDeclarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConflictDeclarations_AspNetUsers_JurorUserId",
                        column: x => x.JurorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConflictDeclarations_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConflictsOfInterest",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContestId = table.Column<int>(type: "INTEGER", nullable: false),
                    JurorUserId = table.Column<string>(type: "TEXT", nullable: false),
                    ProducerGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DeclaredByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecordedByAdmin = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeclaredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConflictsOfInterest", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConflictsOfInterest_AspNetUsers_JurorUserId",
                        column: x => x.JurorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConflictsOfInterest_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConflictsOfInterest_ProducerGroups_ProducerGroupId",
                        column: x => x.ProducerGroupId,
                        principalTable: "ProducerGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JurorAppointments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContestId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContestStageId = table.Column<int>(type: "INTEGER", nullable: false),
                    JurorUserId = table.Column<string>(type: "TEXT", nullable: false),
                    AppointedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AppointedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JurorAppointments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JurorAppointments_AspNetUsers_JurorUserId",
                        column: x => x.JurorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JurorAppointments_ContestStage_ContestStageId",
                        column: x => x.ContestStageId,
                        principalTable: "ContestStage",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JurorAppointments_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "Scorecards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContestStageId = table.Column<int>(type: "INTEGER", nullable: false),
                    BusinessProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    JurorUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AssignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExcludedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExclusionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OverallComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EnteredByAdminUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scorecards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Scorecards_AspNetUsers_JurorUserId",
                        column: x => x.JurorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Scorecards_BusinessProfiles_BusinessProfileId",
                        column: x => x.BusinessProfileId,
                        principalTable: "BusinessProfiles",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Scorecards_ContestStage_ContestStageId",
                        column: x => x.ContestStageId,
                        principalTable: "ContestStage",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StageAssignments",
                columns: table => new
                {
                    ContestStageId = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSeed = table.Column<int>(type: "INTEGER", nullable: true),
                    LastRunAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StageAssignments", x => x.ContestStageId);
                    table.ForeignKey(
                        name: "FK_StageAssignments_ContestStage_ContestStageId",
                        column: x => x.ContestStageId,
                        principalTable: "ContestStage",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScorecardPoint",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScorecardId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContestCriterionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScorecardPoint", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScorecardPoint_ContestCriterion_ContestCriterionId",
                        column: x => x.ContestCriterionId,
                        principalTable: "ContestCriterion",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ScorecardPoint_Scorecards_ScorecardId",
                        column: x => x.ScorecardId,
                        principalTable: "Scorecards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConflictDeclarations_ContestId_JurorUserId",
                table: "ConflictDeclarations",
                columns: new[] { "ContestId", "JurorUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConflictDeclarations_JurorUserId",
                table: "ConflictDeclarations",
                column: "JurorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ConflictsOfInterest_ContestId_JurorUserId_ProducerGroupId",
                table: "ConflictsOfInterest",
                columns: new[] { "ContestId", "JurorUserId", "ProducerGroupId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConflictsOfInterest_JurorUserId",
                table: "ConflictsOfInterest",
                column: "JurorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ConflictsOfInterest_ProducerGroupId",
                table: "ConflictsOfInterest",
                column: "ProducerGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_JurorAppointments_ContestId_JurorUserId",
                table: "JurorAppointments",
                columns: new[] { "ContestId", "JurorUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_JurorAppointments_ContestStageId_JurorUserId",
                table: "JurorAppointments",
                columns: new[] { "ContestStageId", "JurorUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JurorAppointments_JurorUserId",
                table: "JurorAppointments",
                column: "JurorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ScorecardPoint_ContestCriterionId",
                table: "ScorecardPoint",
                column: "ContestCriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_ScorecardPoint_ScorecardId_ContestCriterionId",
                table: "ScorecardPoint",
                columns: new[] { "ScorecardId", "ContestCriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Scorecards_BusinessProfileId",
                table: "Scorecards",
                column: "BusinessProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_Scorecards_ContestStageId_BusinessProfileId_JurorUserId",
                table: "Scorecards",
                columns: new[] { "ContestStageId", "BusinessProfileId", "JurorUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Scorecards_JurorUserId",
                table: "Scorecards",
                column: "JurorUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConflictDeclarations");

            migrationBuilder.DropTable(
                name: "ConflictsOfInterest");

            migrationBuilder.DropTable(
                name: "JurorAppointments");

            migrationBuilder.DropTable(
                name: "ScorecardPoint");

            migrationBuilder.DropTable(
                name: "StageAssignments");

            migrationBuilder.DropTable(
                name: "Scorecards");
        }
    }
}
