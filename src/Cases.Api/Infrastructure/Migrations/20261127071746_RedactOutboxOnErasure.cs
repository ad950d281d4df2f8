using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KimPlatform.Cases.Api.Infrastructure.Migrations
{
    /// <summary>
    /// Erasing a case also strips the personal parts from its <c>ReferralRequested</c> events in the outbox, pending or
    /// dispatched, in the same transaction. A trigger, so every way of erasing (request, retention) is covered.
    /// No model change, hence no designer file with a copy of the model.
    /// </summary>
    [DbContext(typeof(CasesDbContext))]
    [Migration("20261127071746_RedactOutboxOnErasure")]
    public partial class RedactOutboxOnErasure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                CREATE FUNCTION redact_erased_case_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE outbox_messages
                    SET payload = payload || jsonb_build_object(
                        'dataCategories', '[]'::jsonb, 'person', NULL, 'residenceStatus', NULL, 'languages', NULL,
                        'household', NULL, 'needs', NULL, 'goals', NULL, 'note', NULL)
                    WHERE message_type = 'ReferralRequested' AND payload->>'caseId' = NEW.id::text;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER cases_erased_redact_outbox AFTER UPDATE OF erased_at ON cases
                FOR EACH ROW WHEN (OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL)
                EXECUTE FUNCTION redact_erased_case_outbox();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TRIGGER cases_erased_redact_outbox ON cases;
                DROP FUNCTION redact_erased_case_outbox();
                """);
        }
    }
}
