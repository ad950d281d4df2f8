using System;
using KimPlatform.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KimPlatform.Events.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class EventService : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    organisation_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    format = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    venue = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    registration_opens_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    registration_closes_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    languages = table.Column<string[]>(type: "text[]", nullable: false),
                    is_public = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    last_sequence = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    feedback = table.Column<string>(type: "jsonb", nullable: true),
                    minutes = table.Column<string>(type: "jsonb", nullable: true),
                    results = table.Column<string>(type: "jsonb", nullable: true),
                    sessions = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "known_tenants",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_tenants", x => x.tenant_id);
                });

            migrationBuilder.CreateTable(
                name: "registrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    email_key = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    participant_group = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    photo_consent = table.Column<bool>(type: "boolean", nullable: false),
                    consent_text = table.Column<string>(type: "text", nullable: true),
                    consent_given_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cancel_token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    checked_in_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    feedback_given = table.Column<bool>(type: "boolean", nullable: false),
                    personal_data_removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    needs = table.Column<string>(type: "jsonb", nullable: true),
                    sessions = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registrations", x => x.id);
                    table.ForeignKey(
                        name: "fk_registrations_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_events_tenant_id_starts_at",
                table: "events",
                columns: new[] { "tenant_id", "starts_at" });

            migrationBuilder.CreateIndex(
                name: "ix_registrations_event_id_email_key",
                table: "registrations",
                columns: new[] { "event_id", "email_key" },
                unique: true,
                filter: "status <> 'cancelled' AND email_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_registrations_event_id_sequence",
                table: "registrations",
                columns: new[] { "event_id", "sequence" },
                unique: true);

            // known_tenants holds only keys and stays outside row-level security, so the retention job can find every tenant.
            migrationBuilder.EnableTenantRowLevelSecurity("events");
            migrationBuilder.EnableTenantRowLevelSecurity("registrations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "known_tenants");

            migrationBuilder.DropTable(
                name: "registrations");

            migrationBuilder.DropTable(
                name: "events");
        }
    }
}
