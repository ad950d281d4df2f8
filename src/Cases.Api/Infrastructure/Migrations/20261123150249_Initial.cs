using System;
using System.Collections.Generic;
using KimPlatform.Messaging.Outbox;
using KimPlatform.Data;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KimPlatform.Cases.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    organisation_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    action = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    fields = table.Column<string[]>(type: "text[]", nullable: false),
                    outcome = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    organisation_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    phase = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    folded_name = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: true),
                    name_keys = table.Column<string[]>(type: "text[]", nullable: true),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: true),
                    municipality = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    age_band = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    residence_status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    target_groups = table.Column<string[]>(type: "text[]", nullable: false),
                    reachability = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    assigned_case_manager_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    close_reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    close_outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    erased_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    consents = table.Column<string>(type: "jsonb", nullable: true),
                    contacts = table.Column<string>(type: "jsonb", nullable: true),
                    findings = table.Column<string>(type: "jsonb", nullable: true),
                    goals = table.Column<string>(type: "jsonb", nullable: true),
                    needs = table.Column<string>(type: "jsonb", nullable: true),
                    person = table.Column<string>(type: "jsonb", nullable: true),
                    referrals = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "consent_templates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    key = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    language = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    right_to_left = table.Column<bool>(type: "boolean", nullable: false),
                    until_withdrawn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    data_category_names = table.Column<Dictionary<string, string>>(type: "jsonb", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consent_templates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "known_organisations",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    organisation_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_organisations", x => new { x.tenant_id, x.organisation_id });
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
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    message_type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dispatched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_tenant_id_case_id_at",
                table: "audit_entries",
                columns: new[] { "tenant_id", "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_tenant_id_birth_date",
                table: "cases",
                columns: new[] { "tenant_id", "birth_date" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_tenant_id_organisation_id_phase",
                table: "cases",
                columns: new[] { "tenant_id", "organisation_id", "phase" });

            migrationBuilder.CreateIndex(
                name: "ix_consent_templates_tenant_id_key_language_version",
                table: "consent_templates",
                columns: new[] { "tenant_id", "key", "language", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_processed_at",
                table: "inbox_messages",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                table: "outbox_messages",
                column: "sequence",
                filter: "dispatched_at IS NULL");

            // Hand-written: tenant isolation below EF's reach, and the dispatcher's wake-up call.
            // known_tenants stays outside row-level security: it holds only keys, for the retention job.
            migrationBuilder.EnableTenantRowLevelSecurity("cases");
            migrationBuilder.EnableTenantRowLevelSecurity("audit_entries");
            migrationBuilder.EnableTenantRowLevelSecurity("consent_templates");
            migrationBuilder.EnableTenantRowLevelSecurity("known_organisations");
            migrationBuilder.CreateOutboxNotifyTrigger();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropTable(
                name: "consent_templates");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "known_organisations");

            migrationBuilder.DropTable(
                name: "known_tenants");

            migrationBuilder.DropTable(
                name: "outbox_messages");
        }
    }
}
