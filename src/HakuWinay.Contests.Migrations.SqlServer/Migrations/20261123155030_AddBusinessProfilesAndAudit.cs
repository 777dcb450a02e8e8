using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HakuWinay.Contests.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AddBusinessProfilesAndAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Contests that exist before this migration get the programme's defaults: groups of 3 to 6
            // households and a counterpart of at least 10%, as new contests do (hand-edited defaults).
            migrationBuilder.AddColumn<int>(
                name: "LastProfileNumber",
                table: "Contests",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MaxHouseholds",
                table: "Contests",
                type: "int",
                nullable: false,
                defaultValue: 6);

            migrationBuilder.AddColumn<decimal>(
                name: "MinCounterpartPercent",
                table: "Contests",
                type: "decimal(18,4)",
                precision: 18,
                scale: 4,
                nullable: false,
                defaultValue: 10m);

            migrationBuilder.AddColumn<int>(
                name: "MinHouseholds",
                table: "Contests",
                type: "int",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<DateTime>(
                name: "RulesLockedAtUtc",
                table: "Contests",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OccurredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Action = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    EntityType = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    EntityId = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    ContestId = table.Column<int>(type: "int", nullable: true),
                    ProfileId = table.Column<int>(type: "int", nullable: true),
                    BeforeJson = table.Column<string>(type: "nvarchar(max)", maxLength: 32000, nullable: true),
                    AfterJson = table.Column<string>(type: "nvarchar(max)", maxLength: 32000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BusinessProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ContestId = table.Column<int>(type: "int", nullable: false),
                    CategoryId = table.Column<int>(type: "int", nullable: false),
                    ProducerGroupId = table.Column<int>(type: "int", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(1500)", maxLength: 1500, nullable: false),
                    BusinessAndProducts = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    MarketAndClients = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    ProductionProcess = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    OrganizationAndRoles = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Sustainability = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Risks = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    ExpectedSalesPerYear = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: true),
                    ExpectedJobs = table.Column<int>(type: "int", nullable: true),
                    HouseholdsBenefiting = table.Column<int>(type: "int", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    EligibilityDecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    EligibilityDecidedByUserId = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    EligibilityReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BusinessProfiles_ContestCategory_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "ContestCategory",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BusinessProfiles_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BusinessProfiles_ProducerGroups_ProducerGroupId",
                        column: x => x.ProducerGroupId,
                        principalTable: "ProducerGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContestInvestmentCap",
                columns: table => new
                {
                    ContestId = table.Column<int>(type: "int", nullable: false),
                    Category = table.Column<int>(type: "int", nullable: false),
                    MaxPercentOfFund = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestInvestmentCap", x => new { x.ContestId, x.Category });
                    table.ForeignKey(
                        name: "FK_ContestInvestmentCap_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InvestmentLine",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BusinessProfileId = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Category = table.Column<int>(type: "int", nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Quantity = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    UnitCost = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    FinancedBy = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvestmentLine", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InvestmentLine_BusinessProfiles_BusinessProfileId",
                        column: x => x.BusinessProfileId,
                        principalTable: "BusinessProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_ContestId_OccurredAtUtc",
                table: "AuditLog",
                columns: new[] { "ContestId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_ProfileId_OccurredAtUtc",
                table: "AuditLog",
                columns: new[] { "ProfileId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_BusinessProfiles_CategoryId",
                table: "BusinessProfiles",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_BusinessProfiles_Code",
                table: "BusinessProfiles",
                column: "Code",
                unique: true,
                filter: "[Code] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_BusinessProfiles_ContestId_ProducerGroupId",
                table: "BusinessProfiles",
                columns: new[] { "ContestId", "ProducerGroupId" });

            migrationBuilder.CreateIndex(
                name: "IX_BusinessProfiles_ContestId_Status",
                table: "BusinessProfiles",
                columns: new[] { "ContestId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_BusinessProfiles_ProducerGroupId",
                table: "BusinessProfiles",
                column: "ProducerGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_InvestmentLine_BusinessProfileId",
                table: "InvestmentLine",
                column: "BusinessProfileId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditLog");

            migrationBuilder.DropTable(
                name: "ContestInvestmentCap");

            migrationBuilder.DropTable(
                name: "InvestmentLine");

            migrationBuilder.DropTable(
                name: "BusinessProfiles");

            migrationBuilder.DropColumn(
                name: "LastProfileNumber",
                table: "Contests");

            migrationBuilder.DropColumn(
                name: "MaxHouseholds",
                table: "Contests");

            migrationBuilder.DropColumn(
                name: "MinCounterpartPercent",
                table: "Contests");

            migrationBuilder.DropColumn(
                name: "MinHouseholds",
                table: "Contests");

            migrationBuilder.DropColumn(
                name: "RulesLockedAtUtc",
                table: "Contests");
        }
    }
}
