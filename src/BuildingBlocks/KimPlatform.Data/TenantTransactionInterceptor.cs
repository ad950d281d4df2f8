using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KimPlatform.Data;

/// <summary>
/// Sets <c>kim.tenant</c> for the length of every transaction the DbContext starts, which is what the row-level
/// security policies compare each row's <c>tenant_id</c> with. Without a tenant the setting is empty and no
/// tenant-owned row is visible or writable: the failure mode is "nothing", never "everything".
/// </summary>
public sealed class TenantTransactionInterceptor(CurrentTenant tenant) : DbTransactionInterceptor
{
    /// <summary>The PostgreSQL setting the policies read.</summary>
    public const string SettingName = "kim.tenant";

    /// <inheritdoc />
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = CreateCommand(connection, result);
        command.ExecuteNonQuery();
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = CreateCommand(connection, result);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return result;
    }

    private DbCommand CreateCommand(DbConnection connection, DbTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT set_config('{SettingName}', @tenant, true)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "tenant";
        parameter.Value = tenant.TenantId ?? string.Empty;
        command.Parameters.Add(parameter);
        return command;
    }
}
