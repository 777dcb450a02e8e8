using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HakuWinay.Contests.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class GroupRegistration : Migration
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

            migrationBuilder.CreateIndex(
                name: "IX_ProducerGroups_RegisteredByUserId",
                table: "ProducerGroups",
                column: "RegisteredByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProducerGroups_VerifiedAtUtc",
                table: "ProducerGroups",
                column: "VerifiedAtUtc");

            migrationBuilder.AddForeignKey(
                name: "FK_ProducerGroups_AspNetUsers_RegisteredByUserId",
                table: "ProducerGroups",
                column: "RegisteredByUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Hand-written: groups registered before this migration were registered by their
            // representative, and were last changed when they were created.
            migrationBuilder.Sql("UPDATE \"ProducerGroups\" SET \"UpdatedAtUtc\" = \"CreatedAtUtc\", \"RegisteredByUserId\" = \"RepresentativeUserId\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ProducerGroups_AspNetUsers_RegisteredByUserId",
                table: "ProducerGroups");

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
        }
    }
}
