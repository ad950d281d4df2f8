using KimPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KimPlatform.Reporting.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class DropOutboxNotifyTrigger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The dispatcher is woken in the process on commit now (OutboxSignal): the trigger serialised every commit.
            migrationBuilder.DropOutboxNotifyTrigger();
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateOutboxNotifyTrigger();
        }
    }
}
