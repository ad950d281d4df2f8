using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KimPlatform.Cases.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class CasePhaseEntered : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "phase_entered_at",
                table: "cases",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<long>(
                name: "phase_entered_version",
                table: "cases",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Cases opened before: their phase start is unknown, so days are counted from the opening, and version 0
            // tells reporting to order their next phase change by its from-phase alone.
            migrationBuilder.Sql("UPDATE cases SET phase_entered_at = opened_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "phase_entered_at",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "phase_entered_version",
                table: "cases");
        }
    }
}
