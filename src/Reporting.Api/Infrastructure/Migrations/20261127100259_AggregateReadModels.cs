using System;
using KimPlatform.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KimPlatform.Reporting.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class AggregateReadModels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_facts");

            migrationBuilder.CreateTable(
                name: "case_states",
                columns: table => new
                {
                    key = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    municipality = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    age_band = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    residence_status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    target_groups = table.Column<string[]>(type: "text[]", nullable: false),
                    reachability = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    opened_month = table.Column<DateOnly>(type: "date", nullable: false),
                    phase = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    phase_version = table.Column<long>(type: "bigint", nullable: false),
                    closed_version = table.Column<long>(type: "bigint", nullable: false),
                    case_manager_key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    case_manager_version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_states", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "counters",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    figure = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    municipality = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    category = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_counters", x => new { x.tenant_id, x.figure, x.month, x.municipality, x.category });
                });

            migrationBuilder.CreateTable(
                name: "day_histograms",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    measure = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    municipality = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    bucket = table.Column<int>(type: "integer", nullable: false),
                    count = table.Column<long>(type: "bigint", nullable: false),
                    sum_days = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_day_histograms", x => new { x.tenant_id, x.measure, x.month, x.municipality, x.bucket });
                });

            migrationBuilder.CreateTable(
                name: "erased_keys",
                columns: table => new
                {
                    key = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_erased_keys", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "goal_states",
                columns: table => new
                {
                    key = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    case_key = table.Column<Guid>(type: "uuid", nullable: false),
                    municipality = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    life_area = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    status_month = table.Column<DateOnly>(type: "date", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_goal_states", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "network_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    format = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_network_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "offer_topics",
                columns: table => new
                {
                    offer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    topics = table.Column<string[]>(type: "text[]", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_offer_topics", x => x.offer_id);
                });

            migrationBuilder.CreateTable(
                name: "pending_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    key = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    message_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pending_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "referral_states",
                columns: table => new
                {
                    key = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    municipality = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    partner_organisation_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    topics = table.Column<string[]>(type: "text[]", nullable: false),
                    requested_month = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referral_states", x => x.key);
                });

            migrationBuilder.CreateIndex(
                name: "ix_goal_states_case_key",
                table: "goal_states",
                column: "case_key");

            migrationBuilder.CreateIndex(
                name: "ix_pending_events_key_version",
                table: "pending_events",
                columns: new[] { "key", "version" });

            foreach (var table in new[]
            {
                "counters", "day_histograms", "case_states", "goal_states", "pending_events", "erased_keys", "referral_states", "offer_topics", "network_events",
            })
            {
                migrationBuilder.EnableTenantRowLevelSecurity(table);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_states");

            migrationBuilder.DropTable(
                name: "counters");

            migrationBuilder.DropTable(
                name: "day_histograms");

            migrationBuilder.DropTable(
                name: "erased_keys");

            migrationBuilder.DropTable(
                name: "goal_states");

            migrationBuilder.DropTable(
                name: "network_events");

            migrationBuilder.DropTable(
                name: "offer_topics");

            migrationBuilder.DropTable(
                name: "pending_events");

            migrationBuilder.DropTable(
                name: "referral_states");

            migrationBuilder.CreateTable(
                name: "case_facts",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    age_band = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    municipality = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    organisation_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    phase = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    reachability = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    residence_status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    target_groups = table.Column<string[]>(type: "text[]", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_facts", x => x.case_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_facts_tenant_id_phase_municipality",
                table: "case_facts",
                columns: new[] { "tenant_id", "phase", "municipality" });
        }
    }
}
