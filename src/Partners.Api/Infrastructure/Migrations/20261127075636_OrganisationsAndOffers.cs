using System;
using KimPlatform.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KimPlatform.Partners.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationsAndOffers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.EnableTenantRowLevelSecurity("organisations");
            migrationBuilder.EnableTenantRowLevelSecurity("offers");

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
            migrationBuilder.DropTable(
                name: "offers");

            migrationBuilder.Sql("DROP FUNCTION kim_search_query(text); DROP FUNCTION kim_search_vector(text); DROP FUNCTION kim_lexemes(text);");
            migrationBuilder.Sql("DROP FUNCTION kim_fold(text); DROP TEXT SEARCH CONFIGURATION kim_german; DROP TEXT SEARCH DICTIONARY kim_german_stop;");

            migrationBuilder.DropTable(
                name: "organisations");
        }
    }
}
