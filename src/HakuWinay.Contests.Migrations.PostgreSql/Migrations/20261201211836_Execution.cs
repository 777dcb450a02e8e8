using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HakuWinay.Contests.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Execution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Awards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContestId = table.Column<int>(type: "integer", nullable: false),
                    BusinessProfileId = table.Column<int>(type: "integer", nullable: false),
                    ProducerGroupId = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    PublicationVersion = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    AgreementSignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AgreementFile_DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AgreementFile_StorageName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    AgreementFile_Kind = table.Column<int>(type: "integer", nullable: true),
                    AgreementFile_SizeBytes = table.Column<long>(type: "bigint", nullable: true),
                    AgreementFile_Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AgreementRecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AgreementRecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CorrectionVersion = table.Column<int>(type: "integer", nullable: true),
                    CorrectionAmount = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    CorrectionFlaggedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CorrectionResolution = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CorrectionResolvedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CorrectionResolvedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosingNotes = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CancellationReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CancelledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Awards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Awards_BusinessProfiles_BusinessProfileId",
                        column: x => x.BusinessProfileId,
                        principalTable: "BusinessProfiles",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Awards_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Awards_ProducerGroups_ProducerGroupId",
                        column: x => x.ProducerGroupId,
                        principalTable: "ProducerGroups",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "AwardTranches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AwardId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Trigger = table.Column<int>(type: "integer", nullable: false),
                    RequiredAccountedPercent = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    HeldFromStatus = table.Column<int>(type: "integer", nullable: true),
                    PaidAmount = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    PaidOnLimaDate = table.Column<DateOnly>(type: "date", nullable: true),
                    BankReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Voucher_DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Voucher_StorageName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Voucher_Kind = table.Column<int>(type: "integer", nullable: true),
                    Voucher_SizeBytes = table.Column<long>(type: "bigint", nullable: true),
                    Voucher_Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PaidByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    HoldReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CancellationReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PaidAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HeldAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardTranches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardTranches_Awards_AwardId",
                        column: x => x.AwardId,
                        principalTable: "Awards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AwardVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AwardId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    DaysAfterFirstPayment = table.Column<int>(type: "integer", nullable: false),
                    TechnicianUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ScheduledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MembersPresent = table.Column<int>(type: "integer", nullable: true),
                    SalesToDate = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Jobs = table.Column<int>(type: "integer", nullable: true),
                    Observations = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ReviewComment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReviewedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OverdueSinceUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardVisits_AspNetUsers_TechnicianUserId",
                        column: x => x.TechnicianUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_AwardVisits_Awards_AwardId",
                        column: x => x.AwardId,
                        principalTable: "Awards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Expenses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AwardId = table.Column<int>(type: "integer", nullable: false),
                    AwardTrancheId = table.Column<int>(type: "integer", nullable: false),
                    InvestmentLineId = table.Column<int>(type: "integer", nullable: false),
                    SpentOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Supplier = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DocumentType = table.Column<int>(type: "integer", nullable: false),
                    DocumentNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Receipt_DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Receipt_StorageName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Receipt_Kind = table.Column<int>(type: "integer", nullable: false),
                    Receipt_SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Receipt_Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RejectionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReviewedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ReviewedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Expenses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Expenses_AwardTranches_AwardTrancheId",
                        column: x => x.AwardTrancheId,
                        principalTable: "AwardTranches",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Expenses_Awards_AwardId",
                        column: x => x.AwardId,
                        principalTable: "Awards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Expenses_InvestmentLine_InvestmentLineId",
                        column: x => x.InvestmentLineId,
                        principalTable: "InvestmentLine",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "VisitLineProgress",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AwardVisitId = table.Column<int>(type: "integer", nullable: false),
                    InvestmentLineId = table.Column<int>(type: "integer", nullable: false),
                    ProgressPercent = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitLineProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitLineProgress_AwardVisits_AwardVisitId",
                        column: x => x.AwardVisitId,
                        principalTable: "AwardVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VisitLineProgress_InvestmentLine_InvestmentLineId",
                        column: x => x.InvestmentLineId,
                        principalTable: "InvestmentLine",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "VisitPhotos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AwardVisitId = table.Column<int>(type: "integer", nullable: false),
                    File_DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    File_StorageName = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    File_Kind = table.Column<int>(type: "integer", nullable: false),
                    File_SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    File_Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisitPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisitPhotos_AwardVisits_AwardVisitId",
                        column: x => x.AwardVisitId,
                        principalTable: "AwardVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Awards_BusinessProfileId",
                table: "Awards",
                column: "BusinessProfileId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Awards_ContestId_Status",
                table: "Awards",
                columns: new[] { "ContestId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Awards_ProducerGroupId",
                table: "Awards",
                column: "ProducerGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardTranches_AwardId_Order",
                table: "AwardTranches",
                columns: new[] { "AwardId", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AwardTranches_Status",
                table: "AwardTranches",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_AwardVisits_AwardId_Order",
                table: "AwardVisits",
                columns: new[] { "AwardId", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AwardVisits_Status_ScheduledOn",
                table: "AwardVisits",
                columns: new[] { "Status", "ScheduledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AwardVisits_TechnicianUserId_Status",
                table: "AwardVisits",
                columns: new[] { "TechnicianUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Expenses_AwardId_Status",
                table: "Expenses",
                columns: new[] { "AwardId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Expenses_AwardTrancheId",
                table: "Expenses",
                column: "AwardTrancheId");

            migrationBuilder.CreateIndex(
                name: "IX_Expenses_InvestmentLineId",
                table: "Expenses",
                column: "InvestmentLineId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitLineProgress_AwardVisitId_InvestmentLineId",
                table: "VisitLineProgress",
                columns: new[] { "AwardVisitId", "InvestmentLineId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VisitLineProgress_InvestmentLineId",
                table: "VisitLineProgress",
                column: "InvestmentLineId");

            migrationBuilder.CreateIndex(
                name: "IX_VisitPhotos_AwardVisitId",
                table: "VisitPhotos",
                column: "AwardVisitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Expenses");

            migrationBuilder.DropTable(
                name: "VisitLineProgress");

            migrationBuilder.DropTable(
                name: "VisitPhotos");

            migrationBuilder.DropTable(
                name: "AwardTranches");

            migrationBuilder.DropTable(
                name: "AwardVisits");

            migrationBuilder.DropTable(
                name: "Awards");
        }
    }
}
