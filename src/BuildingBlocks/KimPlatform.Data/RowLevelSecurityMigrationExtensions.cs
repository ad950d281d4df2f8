using Microsoft.EntityFrameworkCore.Migrations;

namespace KimPlatform.Data;

/// <summary>Migration steps that put a table under tenant row-level security.</summary>
public static class RowLevelSecurityMigrationExtensions
{
    /// <summary>
    /// Enables and forces row-level security on a table with a <c>tenant_id</c> column, so that neither a forgotten
    /// <c>WHERE</c> nor the table's owner can read or write another tenant's rows.
    /// </summary>
    public static void EnableTenantRowLevelSecurity(this MigrationBuilder migrationBuilder, string table, string tenantColumn = "tenant_id")
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        var match = $"{tenantColumn} = current_setting('{TenantTransactionInterceptor.SettingName}', true)";
        migrationBuilder.Sql($"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;");
        migrationBuilder.Sql($"ALTER TABLE {table} FORCE ROW LEVEL SECURITY;");
        migrationBuilder.Sql($"CREATE POLICY tenant_isolation ON {table} USING ({match}) WITH CHECK ({match});");
    }
}
