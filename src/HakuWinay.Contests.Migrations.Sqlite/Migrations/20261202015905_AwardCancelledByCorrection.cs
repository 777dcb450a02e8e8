using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HakuWinay.Contests.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AwardCancelledByCorrection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CancelledByCorrection",
                table: "Awards",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Awards cancelled before this column existed: those a correction cancelled carry its reason.
            migrationBuilder.Sql("""
                UPDATE "Awards" SET "CancelledByCorrection" = 1 WHERE "Status" = 2 AND "CancellationReason" LIKE 'La versión % de los resultados ya no financia este perfil.';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CancelledByCorrection",
                table: "Awards");
        }
    }
}
