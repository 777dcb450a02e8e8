using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HakuWinay.Contests.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsJuntosVerified",
                table: "Households",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "RegistryCheckedAtUtc",
                table: "Households",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegistryProjectCode",
                table: "Households",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RequiresProjectMembership",
                table: "Contests",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "RegistryProjects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Code = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryProjects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegistryImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    RegistryProjectId = table.Column<int>(type: "int", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    FileSha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RowsSha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Rows = table.Column<int>(type: "int", nullable: false),
                    People = table.Column<int>(type: "int", nullable: false),
                    ImportedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    ProcessedRows = table.Column<int>(type: "int", nullable: false),
                    CompletedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    IsCurrent = table.Column<bool>(type: "bit", nullable: false),
                    StorageName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryImports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistryImports_RegistryProjects_RegistryProjectId",
                        column: x => x.RegistryProjectId,
                        principalTable: "RegistryProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegistryProjectDistrict",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RegistryProjectId = table.Column<int>(type: "int", nullable: false),
                    DistrictCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryProjectDistrict", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistryProjectDistrict_RegistryProjects_RegistryProjectId",
                        column: x => x.RegistryProjectId,
                        principalTable: "RegistryProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JuntosEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RegistryImportId = table.Column<int>(type: "int", nullable: false),
                    Dni = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    DistrictCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    Period = table.Column<string>(type: "nvarchar(7)", maxLength: 7, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JuntosEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JuntosEntries_RegistryImports_RegistryImportId",
                        column: x => x.RegistryImportId,
                        principalTable: "RegistryImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegistryHouseholds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RegistryImportId = table.Column<int>(type: "int", nullable: false),
                    RepresentativeDni = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    FullName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Sex = table.Column<int>(type: "int", nullable: true),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CentroPoblado = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    DistrictCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryHouseholds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistryHouseholds_RegistryImports_RegistryImportId",
                        column: x => x.RegistryImportId,
                        principalTable: "RegistryImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegistryPeople",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RegistryImportId = table.Column<int>(type: "int", nullable: false),
                    Dni = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    HouseholdDni = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    DistrictCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryPeople", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistryPeople_RegistryImports_RegistryImportId",
                        column: x => x.RegistryImportId,
                        principalTable: "RegistryImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JuntosEntries_Dni",
                table: "JuntosEntries",
                column: "Dni");

            migrationBuilder.CreateIndex(
                name: "IX_JuntosEntries_RegistryImportId_Dni",
                table: "JuntosEntries",
                columns: new[] { "RegistryImportId", "Dni" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegistryHouseholds_RegistryImportId_RepresentativeDni",
                table: "RegistryHouseholds",
                columns: new[] { "RegistryImportId", "RepresentativeDni" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegistryImports_Kind_IsCurrent",
                table: "RegistryImports",
                columns: new[] { "Kind", "IsCurrent" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistryImports_Kind_RegistryProjectId_Version",
                table: "RegistryImports",
                columns: new[] { "Kind", "RegistryProjectId", "Version" },
                unique: true,
                filter: "[RegistryProjectId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryImports_RegistryProjectId",
                table: "RegistryImports",
                column: "RegistryProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryPeople_Dni",
                table: "RegistryPeople",
                column: "Dni");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryPeople_RegistryImportId_Dni",
                table: "RegistryPeople",
                columns: new[] { "RegistryImportId", "Dni" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegistryProjectDistrict_DistrictCode",
                table: "RegistryProjectDistrict",
                column: "DistrictCode");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryProjectDistrict_RegistryProjectId_DistrictCode",
                table: "RegistryProjectDistrict",
                columns: new[] { "RegistryProjectId", "DistrictCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegistryProjects_Code",
                table: "RegistryProjects",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JuntosEntries");

            migrationBuilder.DropTable(
                name: "RegistryHouseholds");

            migrationBuilder.DropTable(
                name: "RegistryPeople");

            migrationBuilder.DropTable(
                name: "RegistryProjectDistrict");

            migrationBuilder.DropTable(
                name: "RegistryImports");

            migrationBuilder.DropTable(
                name: "RegistryProjects");

            migrationBuilder.DropColumn(
                name: "IsJuntosVerified",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "RegistryCheckedAtUtc",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "RegistryProjectCode",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "RequiresProjectMembership",
                table: "Contests");
        }
    }
}
