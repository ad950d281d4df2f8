using System;
using KimPlatform.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KimPlatform.Partners.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class PartnerNetwork : Migration
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

            migrationBuilder.CreateTable(
                name: "offers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    organisation_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    topics = table.Column<string[]>(type: "text[]", nullable: false),
                    target_groups = table.Column<string[]>(type: "text[]", nullable: false),
                    languages = table.Column<string[]>(type: "text[]", nullable: false),
                    municipalities = table.Column<string[]>(type: "text[]", nullable: false),
                    by_appointment = table.Column<bool>(type: "boolean", nullable: false),
                    schedule_note = table.Column<string>(type: "text", nullable: true),
                    capacity = table.Column<int>(type: "integer", nullable: true),
                    published = table.Column<bool>(type: "boolean", nullable: false),
                    search_text = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    accessibility = table.Column<string>(type: "jsonb", nullable: true),
                    location = table.Column<string>(type: "jsonb", nullable: true),
                    schedule = table.Column<string>(type: "jsonb", nullable: true),
                    texts = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_offers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    legal_domains = table.Column<string[]>(type: "text[]", nullable: false),
                    languages = table.Column<string[]>(type: "text[]", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    address = table.Column<string>(type: "jsonb", nullable: true),
                    contacts = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisations", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    offer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_organisation_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    referring_organisation_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    consent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    data_categories = table.Column<string[]>(type: "text[]", nullable: false),
                    municipality = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    shared = table.Column<string>(type: "jsonb", nullable: true),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    decline_reason = table.Column<string>(type: "text", nullable: true),
                    outcome = table.Column<string>(type: "text", nullable: true),
                    redaction = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    matched_volunteer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    redacted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referrals", x => x.id);
                });

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

            migrationBuilder.CreateIndex(
                name: "ix_offers_languages",
                table: "offers",
                column: "languages")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_offers_municipalities",
                table: "offers",
                column: "municipalities")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_offers_target_groups",
                table: "offers",
                column: "target_groups")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_offers_tenant_id_organisation_id",
                table: "offers",
                columns: new[] { "tenant_id", "organisation_id" });

            migrationBuilder.CreateIndex(
                name: "ix_offers_tenant_id_published",
                table: "offers",
                columns: new[] { "tenant_id", "published" });

            migrationBuilder.CreateIndex(
                name: "ix_offers_topics",
                table: "offers",
                column: "topics")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_tenant_id_case_id",
                table: "referrals",
                columns: new[] { "tenant_id", "case_id" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_tenant_id_consent_id",
                table: "referrals",
                columns: new[] { "tenant_id", "consent_id" });

            migrationBuilder.CreateIndex(
                name: "ix_referrals_tenant_id_partner_organisation_id_status",
                table: "referrals",
                columns: new[] { "tenant_id", "partner_organisation_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_volunteers_tenant_id_organisation_id",
                table: "volunteers",
                columns: new[] { "tenant_id", "organisation_id" });

            migrationBuilder.EnableTenantRowLevelSecurity("organisations");
            migrationBuilder.EnableTenantRowLevelSecurity("offers");
            migrationBuilder.EnableTenantRowLevelSecurity("referrals");
            migrationBuilder.EnableTenantRowLevelSecurity("volunteers");
            migrationBuilder.EnableTenantRowLevelSecurity("network_bodies");
            migrationBuilder.EnableTenantRowLevelSecurity("body_signups");

            // No row-level security: the retention job reads which tenants to visit before it can be any of them.
            migrationBuilder.Sql("CREATE TABLE known_tenants (tenant_id character varying(100) PRIMARY KEY);");

            // The directory's full-text search (the owner creates unaccent; it is a trusted extension, so a database
            // owner may). kim_german drops German stop words as written, then stems after unaccent. Three more things
            // the German stemmer alone gets wrong are evened out on both sides, in the index and in the query:
            // - German is also written without umlauts (Muettercafe): the text is indexed as written and folded
            //   (ä→ae, ö→oe, ü→ue, ß→ss), and each query word matches either form;
            // - the stemmer leaves Sprachkurse as sprachkurs but cuts Sprachkurs to sprachkur: a final s of a stem
            //   longer than four letters is dropped;
            // - query words are ANDed, in any order.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql("CREATE TEXT SEARCH DICTIONARY kim_german_stop (TEMPLATE = pg_catalog.simple, STOPWORDS = german, ACCEPT = false);");
            migrationBuilder.Sql("CREATE TEXT SEARCH CONFIGURATION kim_german (COPY = pg_catalog.german);");
            migrationBuilder.Sql("""
                ALTER TEXT SEARCH CONFIGURATION kim_german
                  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, hword, hword_part, word WITH kim_german_stop, unaccent, german_stem;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION kim_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                AS $$ SELECT replace(replace(replace(replace(lower(value), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss') $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION kim_lexemes(value text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                AS $$
                  SELECT coalesce(array_agg(DISTINCT regexp_replace(lexeme, '^(.{4,})s$', '\1')), '{}')
                  FROM unnest(to_tsvector('public.kim_german', value) || to_tsvector('public.kim_german', public.kim_fold(value)))
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION kim_search_vector(value text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                AS $$ SELECT array_to_tsvector(public.kim_lexemes(value)) $$;
                """);
            // Null (matches nothing) when the query holds only stop words.
            migrationBuilder.Sql("""
                CREATE FUNCTION kim_search_query(value text) RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                AS $$
                  SELECT string_agg('(' || array_to_string(ARRAY(SELECT quote_literal(l) FROM unnest(public.kim_lexemes(word)) l), ' | ') || ')', ' & ')::tsquery
                  FROM regexp_split_to_table(value, '\s+') word
                  WHERE to_tsvector('public.kim_german', word) <> ''::tsvector
                $$;
                """);
            migrationBuilder.Sql("ALTER TABLE offers ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (kim_search_vector(search_text)) STORED;");
            migrationBuilder.Sql("CREATE INDEX ix_offers_search_vector ON offers USING gin (search_vector);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE known_tenants;");
            migrationBuilder.Sql("ALTER TABLE offers DROP COLUMN search_vector;");
            migrationBuilder.Sql("DROP FUNCTION kim_search_query(text); DROP FUNCTION kim_search_vector(text); DROP FUNCTION kim_lexemes(text);");
            migrationBuilder.Sql("DROP FUNCTION kim_fold(text); DROP TEXT SEARCH CONFIGURATION kim_german; DROP TEXT SEARCH DICTIONARY kim_german_stop;");

            migrationBuilder.DropTable(
                name: "body_signups");

            migrationBuilder.DropTable(
                name: "network_bodies");

            migrationBuilder.DropTable(
                name: "offers");

            migrationBuilder.DropTable(
                name: "organisations");

            migrationBuilder.DropTable(
                name: "referrals");

            migrationBuilder.DropTable(
                name: "volunteers");
        }
    }
}
