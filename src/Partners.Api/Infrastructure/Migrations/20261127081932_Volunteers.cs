using System;
using KimPlatform.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KimPlatform.Partners.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Volunteers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "matched_volunteer_id",
                table: "referrals",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "volunteers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    organisation_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    languages = table.Column<string[]>(type: "text[]", nullable: false),
                    skills = table.Column<string[]>(type: "text[]", nullable: false),
                    municipalities = table.Column<string[]>(type: "text[]", nullable: false),
                    availability = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    certificate_of_conduct_date = table.Column<DateOnly>(type: "date", nullable: true),
                    contact_consent = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_volunteers", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_volunteers_tenant_id_organisation_id",
                table: "volunteers",
                columns: new[] { "tenant_id", "organisation_id" });

            migrationBuilder.EnableTenantRowLevelSecurity("volunteers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "volunteers");

            migrationBuilder.DropColumn(
                name: "matched_volunteer_id",
                table: "referrals");
        }
    }
}
