using KimPlatform.Data;
using KimPlatform.Reporting.Api.Tests.Support;
using KimPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KimPlatform.Reporting.Api.Tests;

/// <summary>The suppressed cubes are cached per counter version: an answer never shows counters older than the database's.</summary>
[Collection(ReportingApiCollection.Name)]
public sealed class FigureCacheTests(ReportingApiFactory factory)
{
    [Fact]
    public async Task CaseReport_AnotherCaseOpenedAfterARead_ShowsIt_AlsoWhenItOpenedInTheYearBefore()
    {
        var tenant = TestEnvironment.NewTenant();
        var coordinator = factory.CoordinatorOf(tenant);
        await factory.DeliverAsync(new CaseEvents(tenant, "Verl").Opened(CaseEvents.On(2026, 3, 5)));
        Assert.Equal(1, Report.Total(await Report.GetAsync(coordinator, "/api/reports/cases?period=2026-03"), "openCases"));

        await factory.DeliverAsync(new CaseEvents(tenant, "Verl").Opened(CaseEvents.On(2026, 3, 6)));
        Assert.Equal(2, Report.Total(await Report.GetAsync(coordinator, "/api/reports/cases?period=2026-03"), "openCases"));

        // A change of 2025 moves the stocks of 2026, whose cube carries them over from 2025's.
        await factory.DeliverAsync(new CaseEvents(tenant, "Verl").Opened(CaseEvents.On(2025, 6, 5)));
        var march = await Report.GetAsync(coordinator, "/api/reports/cases?period=2026-03");
        Assert.Equal(3, Report.Total(march, "openCases"));
        Assert.Equal(2, Report.Total(march, "newCases"));
    }

    [Fact]
    public async Task CaseReport_CountersDeletedOutsideTheConsumers_ShowsTheChange()
    {
        var tenant = TestEnvironment.NewTenant();
        var coordinator = factory.CoordinatorOf(tenant);
        await factory.DeliverAsync(new CaseEvents(tenant, "Verl").Opened(CaseEvents.On(2026, 3, 5)));
        Assert.Equal(1, Report.Total(await Report.GetAsync(coordinator, "/api/reports/cases?period=2026"), "newCases"));

        // As a rebuild would: the runtime role under the tenant, straight in SQL.
        await using (var connection = await factory.Services.GetRequiredService<ServiceDatabase>().RuntimeDataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var delete = new NpgsqlCommand(
                $"SELECT set_config('{TenantTransactionInterceptor.SettingName}', @tenant, true); DELETE FROM counters;", connection, transaction);
            delete.Parameters.AddWithValue("tenant", tenant);
            await delete.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        var report = await Report.GetAsync(coordinator, "/api/reports/cases?period=2026");
        Assert.Equal(0, Report.Total(report, "newCases"));
        Assert.Equal(0, Report.Total(report, "openCases"));
    }
}
