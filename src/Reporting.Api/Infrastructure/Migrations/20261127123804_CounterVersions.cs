using KimPlatform.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KimPlatform.Reporting.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class CounterVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "counter_versions",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_counter_versions", x => new { x.tenant_id, x.year });
                });
            migrationBuilder.EnableTenantRowLevelSecurity("counter_versions");

            // Every change of a counter or histogram row gives its tenant-year a new number from a sequence, in the
            // writing transaction and whoever writes. The triggers are deferred to the commit: the version row is the
            // last lock a writer takes (after the counter rows, in key order), so writers never deadlock on it and
            // hold it only while they commit. A TRUNCATE (a rebuild) moves a number every version key includes.
            migrationBuilder.Sql(
                """
                CREATE SEQUENCE counter_version_numbers;
                CREATE SEQUENCE counter_truncations;

                CREATE FUNCTION counter_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE changed record;
                BEGIN
                    IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
                    INSERT INTO counter_versions (tenant_id, year, version)
                    VALUES (changed.tenant_id, extract(year FROM changed.month)::int, nextval('counter_version_numbers'))
                    ON CONFLICT (tenant_id, year) DO UPDATE SET version = excluded.version;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION counter_truncation() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM nextval('counter_truncations');
                    RETURN NULL;
                END $$;

                CREATE CONSTRAINT TRIGGER counters_version AFTER INSERT OR UPDATE OR DELETE ON counters
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION counter_version_bump();
                CREATE CONSTRAINT TRIGGER day_histograms_version AFTER INSERT OR UPDATE OR DELETE ON day_histograms
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION counter_version_bump();
                CREATE TRIGGER counters_truncated AFTER TRUNCATE ON counters FOR EACH STATEMENT EXECUTE FUNCTION counter_truncation();
                CREATE TRIGGER day_histograms_truncated AFTER TRUNCATE ON day_histograms FOR EACH STATEMENT EXECUTE FUNCTION counter_truncation();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TRIGGER counters_version ON counters;
                DROP TRIGGER day_histograms_version ON day_histograms;
                DROP TRIGGER counters_truncated ON counters;
                DROP TRIGGER day_histograms_truncated ON day_histograms;
                DROP FUNCTION counter_version_bump();
                DROP FUNCTION counter_truncation();
                DROP SEQUENCE counter_version_numbers;
                DROP SEQUENCE counter_truncations;
                """);
            migrationBuilder.DropTable(
                name: "counter_versions");
        }
    }
}
