using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HakuWinay.Contests.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Results : Migration
    {
        // Existing contests get the defaults a new one gets: a 3-day appeal window, comments shared with groups.
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AppealWindowDays",
                table: "Contests",
                type: "integer",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<int>(
                name: "CorrectionAppealId",
                table: "Contests",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CorrectionOpenedAtUtc",
                table: "Contests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionReason",
                table: "Contests",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ShareJurorCommentsWithGroups",
                table: "Contests",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "Appeals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContestId = table.Column<int>(type: "integer", nullable: false),
                    BusinessProfileId = table.Column<int>(type: "integer", nullable: false),
                    ProducerGroupId = table.Column<int>(type: "integer", nullable: false),
                    PublicationVersion = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FiledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FiledByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AttachmentDisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AttachmentStorageName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    AttachmentKind = table.Column<int>(type: "integer", nullable: true),
                    AttachmentSizeBytes = table.Column<long>(type: "bigint", nullable: true),
                    AttachmentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DecisionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DecidedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CorrectedInVersion = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Appeals_BusinessProfiles_BusinessProfileId",
                        column: x => x.BusinessProfileId,
                        principalTable: "BusinessProfiles",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Appeals_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Appeals_ProducerGroups_ProducerGroupId",
                        column: x => x.ProducerGroupId,
                        principalTable: "ProducerGroups",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "IncompleteAcceptances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContestId = table.Column<int>(type: "integer", nullable: false),
                    BusinessProfileId = table.Column<int>(type: "integer", nullable: false),
                    ContestStageId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AcceptedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AcceptedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncompleteAcceptances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncompleteAcceptances_BusinessProfiles_BusinessProfileId",
                        column: x => x.BusinessProfileId,
                        principalTable: "BusinessProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IncompleteAcceptances_ContestStage_ContestStageId",
                        column: x => x.ContestStageId,
                        principalTable: "ContestStage",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_IncompleteAcceptances_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "JurorPseudonyms",
                columns: table => new
                {
                    ContestId = table.Column<int>(type: "integer", nullable: false),
                    JurorUserId = table.Column<string>(type: "text", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JurorPseudonyms", x => new { x.ContestId, x.JurorUserId });
                    table.ForeignKey(
                        name: "FK_JurorPseudonyms_AspNetUsers_JurorUserId",
                        column: x => x.JurorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_JurorPseudonyms_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResultsPublications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContestId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CorrectionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PackageJson = table.Column<string>(type: "text", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultsPublications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultsPublications_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResultsPublicationEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResultsPublicationId = table.Column<int>(type: "integer", nullable: false),
                    BusinessProfileId = table.Column<int>(type: "integer", nullable: false),
                    ProfileCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CategoryCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    WaitlistPosition = table.Column<int>(type: "integer", nullable: true),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    Award = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    EvaluationScore = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Bonus = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    FinalScore = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultsPublicationEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultsPublicationEntries_BusinessProfiles_BusinessProfileId",
                        column: x => x.BusinessProfileId,
                        principalTable: "BusinessProfiles",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_ResultsPublicationEntries_ResultsPublications_ResultsPublic~",
                        column: x => x.ResultsPublicationId,
                        principalTable: "ResultsPublications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_BusinessProfileId",
                table: "Appeals",
                column: "BusinessProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_ContestId_ProducerGroupId",
                table: "Appeals",
                columns: new[] { "ContestId", "ProducerGroupId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_ProducerGroupId",
                table: "Appeals",
                column: "ProducerGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_IncompleteAcceptances_BusinessProfileId_ContestStageId",
                table: "IncompleteAcceptances",
                columns: new[] { "BusinessProfileId", "ContestStageId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncompleteAcceptances_ContestId",
                table: "IncompleteAcceptances",
                column: "ContestId");

            migrationBuilder.CreateIndex(
                name: "IX_IncompleteAcceptances_ContestStageId",
                table: "IncompleteAcceptances",
                column: "ContestStageId");

            migrationBuilder.CreateIndex(
                name: "IX_JurorPseudonyms_ContestId_Number",
                table: "JurorPseudonyms",
                columns: new[] { "ContestId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JurorPseudonyms_JurorUserId",
                table: "JurorPseudonyms",
                column: "JurorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultsPublicationEntries_BusinessProfileId",
                table: "ResultsPublicationEntries",
                column: "BusinessProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultsPublicationEntries_ResultsPublicationId_BusinessProf~",
                table: "ResultsPublicationEntries",
                columns: new[] { "ResultsPublicationId", "BusinessProfileId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResultsPublications_ContestId_Version",
                table: "ResultsPublications",
                columns: new[] { "ContestId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Appeals");

            migrationBuilder.DropTable(
                name: "IncompleteAcceptances");

            migrationBuilder.DropTable(
                name: "JurorPseudonyms");

            migrationBuilder.DropTable(
                name: "ResultsPublicationEntries");

            migrationBuilder.DropTable(
                name: "ResultsPublications");

            migrationBuilder.DropColumn(
                name: "AppealWindowDays",
                table: "Contests");

            migrationBuilder.DropColumn(
                name: "CorrectionAppealId",
                table: "Contests");

            migrationBuilder.DropColumn(
                name: "CorrectionOpenedAtUtc",
                table: "Contests");

            migrationBuilder.DropColumn(
                name: "CorrectionReason",
                table: "Contests");

            migrationBuilder.DropColumn(
                name: "ShareJurorCommentsWithGroups",
                table: "Contests");
        }
    }
}
