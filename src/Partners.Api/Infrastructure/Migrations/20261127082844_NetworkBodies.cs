using System;
using KimPlatform.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KimPlatform.Partners.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class NetworkBodies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "body_signups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    body_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_consent = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    signed_up_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_body_signups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "network_bodies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    topics = table.Column<string[]>(type: "text[]", nullable: false),
                    meeting_rhythm = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    open_for_signup = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    members = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_network_bodies", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_body_signups_tenant_id_body_id_email",
                table: "body_signups",
                columns: new[] { "tenant_id", "body_id", "email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_body_signups_tenant_id_status_signed_up_at",
                table: "body_signups",
                columns: new[] { "tenant_id", "status", "signed_up_at" });

            migrationBuilder.CreateIndex(
                name: "ix_network_bodies_tenant_id_open_for_signup",
                table: "network_bodies",
                columns: new[] { "tenant_id", "open_for_signup" });

            migrationBuilder.EnableTenantRowLevelSecurity("network_bodies");
            migrationBuilder.EnableTenantRowLevelSecurity("body_signups");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "body_signups");

            migrationBuilder.DropTable(
                name: "network_bodies");
        }
    }
}
