using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HakuWinay.Contests.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ContestSetupGroupRegistrationAndAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsAssistedRegistration",
                table: "ProducerGroups",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "RegisteredByUserId",
                table: "ProducerGroups",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RepresentativeConsentDate",
                table: "ProducerGroups",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "ProducerGroups",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAtUtc",
                table: "ProducerGroups",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<int>(
                name: "Evaluation_Aggregation",
                table: "Contests",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Evaluation_Allocation",
                table: "Contests",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Evaluation_Granularity",
                table: "Contests",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "Evaluation_PartialAwardMinimumPercent",
                table: "Contests",
                type: "TEXT",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Evaluation_RollOverUnspentBudget",
                table: "Contests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ContestFollowUpVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    DaysAfterFirstPayment = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestFollowUpVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestFollowUpVisits_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestPriorityRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ThresholdPercent = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    BonusPoints = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestPriorityRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestPriorityRules_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestTieBreakers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    StageCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CriterionCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestTieBreakers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestTieBreakers_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestTranches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Percent = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Trigger = table.Column<int>(type: "INTEGER", nullable: false),
                    RequiredAccountedPercent = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestTranches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestTranches_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProfileAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BusinessProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StorageName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfileAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProfileAttachments_BusinessProfiles_BusinessProfileId",
                        column: x => x.BusinessProfileId,
                        principalTable: "BusinessProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProducerGroups_RegisteredByUserId",
                table: "ProducerGroups",
                column: "RegisteredByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProducerGroups_VerifiedAtUtc",
                table: "ProducerGroups",
                column: "VerifiedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ContestFollowUpVisits_ContestId",
                table: "ContestFollowUpVisits",
                column: "ContestId");

            migrationBuilder.CreateIndex(
                name: "IX_ContestPriorityRules_ContestId",
                table: "ContestPriorityRules",
                column: "ContestId");

            migrationBuilder.CreateIndex(
                name: "IX_ContestTieBreakers_ContestId",
                table: "ContestTieBreakers",
                column: "ContestId");

            migrationBuilder.CreateIndex(
                name: "IX_ContestTranches_ContestId",
                table: "ContestTranches",
                column: "ContestId");

            migrationBuilder.CreateIndex(
                name: "IX_ProfileAttachments_BusinessProfileId",
                table: "ProfileAttachments",
                column: "BusinessProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_ProfileAttachments_StorageName",
                table: "ProfileAttachments",
                column: "StorageName",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_ProducerGroups_AspNetUsers_RegisteredByUserId",
                table: "ProducerGroups",
                column: "RegisteredByUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ProducerGroups_AspNetUsers_RegisteredByUserId",
                table: "ProducerGroups");

            migrationBuilder.DropTable(
                name: "ContestFollowUpVisits");

            migrationBuilder.DropTable(
                name: "ContestPriorityRules");

            migrationBuilder.DropTable(
                name: "ContestTieBreakers");

            migrationBuilder.DropTable(
                name: "ContestTranches");

            migrationBuilder.DropTable(
                name: "ProfileAttachments");

            migrationBuilder.DropIndex(
                name: "IX_ProducerGroups_RegisteredByUserId",
                table: "ProducerGroups");

            migrationBuilder.DropIndex(
                name: "IX_ProducerGroups_VerifiedAtUtc",
                table: "ProducerGroups");

            migrationBuilder.DropColumn(
                name: "IsAssistedRegistration",
                table: "ProducerGroups");

            migrationBuilder.DropColumn(
                name: "RegisteredByUserId",
                table: "ProducerGroups");

            migrationBuilder.DropColumn(
                name: "RepresentativeConsentDate",
                table: "ProducerGroups");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "ProducerGroups");

            migrationBuilder.DropColumn(
                name: "UpdatedAtUtc",
                table: "ProducerGroups");

            migrationBuilder.DropColumn(
                name: "Evaluation_Aggregation",
                table: "Contests");

            migrationBuilder.DropColumn(
                name: "Evaluation_Allocation",
                table: "Contests");

            migrationBuilder.DropColumn(
                name: "Evaluation_Granularity",
                table: "Contests");

            migrationBuilder.DropColumn(
                name: "Evaluation_PartialAwardMinimumPercent",
                table: "Contests");

            migrationBuilder.DropColumn(
                name: "Evaluation_RollOverUnspentBudget",
                table: "Contests");
        }
    }
}
