using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HakuWinay.Contests.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class DocumentSlots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProfileAttachments_BusinessProfileId",
                table: "ProfileAttachments");

            migrationBuilder.AddColumn<int>(
                name: "DocumentSlotId",
                table: "ProfileAttachments",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ContestDocumentSlots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContestId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    IsRequired = table.Column<bool>(type: "boolean", nullable: false),
                    PdfOnly = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestDocumentSlots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestDocumentSlots_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProfileAttachments_BusinessProfileId_DocumentSlotId",
                table: "ProfileAttachments",
                columns: new[] { "BusinessProfileId", "DocumentSlotId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProfileAttachments_DocumentSlotId",
                table: "ProfileAttachments",
                column: "DocumentSlotId");

            migrationBuilder.CreateIndex(
                name: "IX_ContestDocumentSlots_ContestId",
                table: "ContestDocumentSlots",
                column: "ContestId");

            migrationBuilder.AddForeignKey(
                name: "FK_ProfileAttachments_ContestDocumentSlots_DocumentSlotId",
                table: "ProfileAttachments",
                column: "DocumentSlotId",
                principalTable: "ContestDocumentSlots",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ProfileAttachments_ContestDocumentSlots_DocumentSlotId",
                table: "ProfileAttachments");

            migrationBuilder.DropTable(
                name: "ContestDocumentSlots");

            migrationBuilder.DropIndex(
                name: "IX_ProfileAttachments_BusinessProfileId_DocumentSlotId",
                table: "ProfileAttachments");

            migrationBuilder.DropIndex(
                name: "IX_ProfileAttachments_DocumentSlotId",
                table: "ProfileAttachments");

            migrationBuilder.DropColumn(
                name: "DocumentSlotId",
                table: "ProfileAttachments");

            migrationBuilder.CreateIndex(
                name: "IX_ProfileAttachments_BusinessProfileId",
                table: "ProfileAttachments",
                column: "BusinessProfileId");
        }
    }
}
