using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KimPlatform.Partners.Api.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class KnownTenants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // No row-level security: the retention job reads which tenants to visit before it can be any of them.
            migrationBuilder.Sql("CREATE TABLE known_tenants (tenant_id character varying(100) PRIMARY KEY);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE known_tenants;");
        }
    }
}
