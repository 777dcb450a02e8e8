using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HakuWinay.Contests.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DefaultsForExistingGroupsAndContests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A migration of its own: SQLite rebuilds ProducerGroups in the schema migration, and SQL
            // run in the same migration would meet the table before its rebuild.
            // Existing rows get what the new columns mean for them: groups were registered by their
            // representative; contests get the programme's default plans (70/30 tranches, visits at
            // 30/90/180 days) and tie-breakers (Juntos share, women-headed share, earlier submission).
            migrationBuilder.Sql("UPDATE [ProducerGroups] SET [UpdatedAtUtc] = [CreatedAtUtc], [RegisteredByUserId] = [RepresentativeUserId]");
            migrationBuilder.Sql("INSERT INTO [ContestTranches] ([ContestId], [Order], [Percent], [Trigger], [RequiredAccountedPercent]) SELECT [Id], 1, 70, 0, NULL FROM [Contests]");
            migrationBuilder.Sql("INSERT INTO [ContestTranches] ([ContestId], [Order], [Percent], [Trigger], [RequiredAccountedPercent]) SELECT [Id], 2, 30, 1, 70 FROM [Contests]");
            migrationBuilder.Sql("INSERT INTO [ContestFollowUpVisits] ([ContestId], [Order], [DaysAfterFirstPayment]) SELECT [Id], 1, 30 FROM [Contests]");
            migrationBuilder.Sql("INSERT INTO [ContestFollowUpVisits] ([ContestId], [Order], [DaysAfterFirstPayment]) SELECT [Id], 2, 90 FROM [Contests]");
            migrationBuilder.Sql("INSERT INTO [ContestFollowUpVisits] ([ContestId], [Order], [DaysAfterFirstPayment]) SELECT [Id], 3, 180 FROM [Contests]");
            migrationBuilder.Sql("INSERT INTO [ContestTieBreakers] ([ContestId], [Order], [Kind]) SELECT [Id], 1, 2 FROM [Contests]");
            migrationBuilder.Sql("INSERT INTO [ContestTieBreakers] ([ContestId], [Order], [Kind]) SELECT [Id], 2, 3 FROM [Contests]");
            migrationBuilder.Sql("INSERT INTO [ContestTieBreakers] ([ContestId], [Order], [Kind]) SELECT [Id], 3, 4 FROM [Contests]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo here: going further down, the schema migration drops these tables and columns.
        }
    }
}
