using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KimPlatform.Reporting.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class CounterVersionOncePerTransaction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One new version per tenant-year and transaction instead of one per changed row. The triggers stay per
            // row and deferred, but only the first of a transaction's rows for a tenant-year bumps the version; the
            // others find it in a transaction-local setting and return. An opened case changes about ten counter rows
            // of one tenant-year, and the bumps run in the commit while the transaction holds the tenant's hot
            // counter rows, so nine of ten updates of the same version row were spent inside that critical section.
            // The version still moves in every transaction that changed a counter of the year, and still from the
            // sequence at commit: a cube cached under an older version is never taken for the new counters.
            migrationBuilder.Sql(
                """
                CREATE OR REPLACE FUNCTION counter_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE changed record; bumped text; tenant_year text;
                BEGIN
                    IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
                    tenant_year := E'\n' || changed.tenant_id || E'\t' || extract(year FROM changed.month)::int || E'\n';
                    bumped := coalesce(current_setting('kim.counter_versions_bumped', true), '');
                    IF strpos(bumped, tenant_year) > 0 THEN
                        RETURN NULL;
                    END IF;
                    PERFORM set_config('kim.counter_versions_bumped', bumped || tenant_year, true);
                    INSERT INTO counter_versions (tenant_id, year, version)
                    VALUES (changed.tenant_id, extract(year FROM changed.month)::int, nextval('counter_version_numbers'))
                    ON CONFLICT (tenant_id, year) DO UPDATE SET version = excluded.version;
                    RETURN NULL;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                CREATE OR REPLACE FUNCTION counter_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE changed record;
                BEGIN
                    IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
                    INSERT INTO counter_versions (tenant_id, year, version)
                    VALUES (changed.tenant_id, extract(year FROM changed.month)::int, nextval('counter_version_numbers'))
                    ON CONFLICT (tenant_id, year) DO UPDATE SET version = excluded.version;
                    RETURN NULL;
                END $$;
                """);
        }
    }
}
