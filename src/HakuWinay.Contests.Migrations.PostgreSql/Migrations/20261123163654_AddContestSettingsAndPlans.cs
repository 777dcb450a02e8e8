using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HakuWinay.Contests.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AddContestSettingsAndPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Evaluation_Aggregation",
                table: "Contests",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Evaluation_Allocation",
                table: "Contests",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Evaluation_Granularity",
                table: "Contests",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "Evaluation_PartialAwardMinimumPercent",
                table: "Contests",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Evaluation_RollOverUnspentBudget",
                table: "Contests",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ContestFollowUpVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContestId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    DaysAfterFirstPayment = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContestId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ThresholdPercent = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    BonusPoints = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContestId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    StageCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CriterionCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContestId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Percent = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Trigger = table.Column<int>(type: "integer", nullable: false),
                    RequiredAccountedPercent = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true)
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

            // Hand-written: contests that exist before this migration get the defaults new contests get:
            // a 70/30 disbursement plan (the second tranche after 70% of the first is accounted for),
            // follow-up visits 30, 90 and 180 days after the first payment, and the default tie-breakers
            // (Juntos share, women-headed share, earlier submission). The added columns default to 0,
            // which is Mean, whole points and SkipToFit.
            migrationBuilder.Sql("INSERT INTO \"ContestTranches\" (\"ContestId\", \"Order\", \"Percent\", \"Trigger\", \"RequiredAccountedPercent\") SELECT \"Id\", 1, 70, 0, NULL FROM \"Contests\"");
            migrationBuilder.Sql("INSERT INTO \"ContestTranches\" (\"ContestId\", \"Order\", \"Percent\", \"Trigger\", \"RequiredAccountedPercent\") SELECT \"Id\", 2, 30, 1, 70 FROM \"Contests\"");
            migrationBuilder.Sql("INSERT INTO \"ContestFollowUpVisits\" (\"ContestId\", \"Order\", \"DaysAfterFirstPayment\") SELECT \"Id\", 1, 30 FROM \"Contests\"");
            migrationBuilder.Sql("INSERT INTO \"ContestFollowUpVisits\" (\"ContestId\", \"Order\", \"DaysAfterFirstPayment\") SELECT \"Id\", 2, 90 FROM \"Contests\"");
            migrationBuilder.Sql("INSERT INTO \"ContestFollowUpVisits\" (\"ContestId\", \"Order\", \"DaysAfterFirstPayment\") SELECT \"Id\", 3, 180 FROM \"Contests\"");
            migrationBuilder.Sql("INSERT INTO \"ContestTieBreakers\" (\"ContestId\", \"Order\", \"Kind\") SELECT \"Id\", 1, 2 FROM \"Contests\"");
            migrationBuilder.Sql("INSERT INTO \"ContestTieBreakers\" (\"ContestId\", \"Order\", \"Kind\") SELECT \"Id\", 2, 3 FROM \"Contests\"");
            migrationBuilder.Sql("INSERT INTO \"ContestTieBreakers\" (\"ContestId\", \"Order\", \"Kind\") SELECT \"Id\", 3, 4 FROM \"Contests\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContestFollowUpVisits");

            migrationBuilder.DropTable(
                name: "ContestPriorityRules");

            migrationBuilder.DropTable(
                name: "ContestTieBreakers");

            migrationBuilder.DropTable(
                name: "ContestTranches");

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
