using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KimPlatform.Partners.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class DirectorySearchPath : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_offers_languages",
                table: "offers");

            migrationBuilder.DropIndex(
                name: "ix_offers_municipalities",
                table: "offers");

            migrationBuilder.DropIndex(
                name: "ix_offers_target_groups",
                table: "offers");

            migrationBuilder.DropIndex(
                name: "ix_offers_topics",
                table: "offers");
            migrationBuilder.Sql("DROP INDEX ix_offers_search_vector;");

            // Under row-level security PostgreSQL uses a condition as an index condition only when its operator is
            // leakproof, or after the policy's own condition: @@ and @> are not leakproof, so for the runtime role every
            // directory query read all of the tenant's offers, whatever the GIN indexes. Leakproof functions need a
            // superuser, and FORCE makes the owner subject to the policy too. So the published offers' search columns
            // are copied into directory_entries, whose policy binds the runtime role but not its owner (ENABLE without
            // FORCE), and the runtime role reads them through the view directory: a view reads with its owner's rights,
            // so the planner may use every index, and the view's own WHERE keeps each tenant to its offers, as the
            // policy would; its CHECK OPTION holds writes through the view to the same tenant.
            migrationBuilder.Sql("""
                CREATE TABLE directory_entries (
                    id uuid PRIMARY KEY REFERENCES offers (id) ON DELETE CASCADE,
                    tenant_id varchar(100) NOT NULL,
                    created_at timestamptz NOT NULL,
                    search_vector tsvector NOT NULL,
                    topics text[] NOT NULL,
                    languages text[] NOT NULL,
                    municipalities text[] NOT NULL,
                    target_groups text[] NOT NULL);
                CREATE INDEX ix_directory_entries_recent ON directory_entries (tenant_id, created_at DESC, id);
                CREATE INDEX ix_directory_entries_search_vector ON directory_entries USING gin (search_vector);
                CREATE INDEX ix_directory_entries_topics ON directory_entries USING gin (topics);
                CREATE INDEX ix_directory_entries_languages ON directory_entries USING gin (languages);
                CREATE INDEX ix_directory_entries_municipalities ON directory_entries USING gin (municipalities);
                CREATE INDEX ix_directory_entries_target_groups ON directory_entries USING gin (target_groups);
                ALTER TABLE directory_entries ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON directory_entries USING (tenant_id = current_setting('kim.tenant', true))
                    WITH CHECK (tenant_id = current_setting('kim.tenant', true));
                CREATE VIEW directory AS
                    SELECT id, tenant_id, created_at, search_vector, topics, languages, municipalities, target_groups
                    FROM directory_entries WHERE tenant_id = current_setting('kim.tenant', true)
                    WITH LOCAL CHECK OPTION;
                """);
            // Runs as the writer of the offer (the runtime role, in the offer's tenant), so the policy checks the copy.
            migrationBuilder.Sql("""
                CREATE FUNCTION kim_directory_sync() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.published THEN
                        INSERT INTO public.directory_entries
                        VALUES (NEW.id, NEW.tenant_id, NEW.created_at, NEW.search_vector, NEW.topics, NEW.languages, NEW.municipalities,
                            NEW.target_groups)
                        ON CONFLICT (id) DO UPDATE SET tenant_id = excluded.tenant_id, created_at = excluded.created_at,
                            search_vector = excluded.search_vector, topics = excluded.topics, languages = excluded.languages,
                            municipalities = excluded.municipalities, target_groups = excluded.target_groups;
                    ELSIF TG_OP = 'UPDATE' AND OLD.published THEN
                        DELETE FROM public.directory_entries WHERE id = NEW.id;
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER offers_directory AFTER INSERT OR UPDATE ON offers FOR EACH ROW EXECUTE FUNCTION kim_directory_sync();
                """);
            // The owner copies every tenant's published offers: offers' FORCE is lifted for this transaction only.
            migrationBuilder.Sql("""
                ALTER TABLE offers NO FORCE ROW LEVEL SECURITY;
                INSERT INTO directory_entries
                SELECT id, tenant_id, created_at, search_vector, topics, languages, municipalities, target_groups FROM offers WHERE published;
                ALTER TABLE offers FORCE ROW LEVEL SECURITY;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER offers_directory ON offers; DROP FUNCTION kim_directory_sync(); DROP VIEW directory; DROP TABLE directory_entries;");
            migrationBuilder.Sql("CREATE INDEX ix_offers_search_vector ON offers USING gin (search_vector);");

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
                name: "ix_offers_topics",
                table: "offers",
                column: "topics")
                .Annotation("Npgsql:IndexMethod", "gin");
        }
    }
}
