using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Data;
using KimPlatform.Reporting.Api.Application;
using KimPlatform.Reporting.Api.Tests.Support;
using KimPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KimPlatform.Reporting.Api.Tests;

/// <summary>
/// The suppressed cubes are cached per counter version. With the age bound 0 (the factory's) an answer never shows
/// counters older than the database's; with a bound it may show the cube before a change, no older than the bound.
/// </summary>
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
        var coordinator = await OneCaseReadThenCountersDeletedAsync(tenant);

        var report = await Report.GetAsync(coordinator, "/api/reports/cases?period=2026");
        Assert.Equal(0, Report.Total(report, "newCases"));
        Assert.Equal(0, Report.Total(report, "openCases"));
    }

    [Fact]
    public async Task CounterVersions_TwoTransactionsOnOneConnection_EachMovesTheVersionOfEveryYearItChanged()
    {
        var tenant = TestEnvironment.NewTenant();
        await using var connection = await factory.Services.GetRequiredService<ServiceDatabase>().RuntimeDataSource.OpenConnectionAsync();
        async Task<Dictionary<int, long>> ChangeAsync(string sql)
        {
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                await using var change = new NpgsqlCommand(
                    $"SELECT set_config('{TenantTransactionInterceptor.SettingName}', @tenant, true); {sql}", connection, transaction);
                change.Parameters.AddWithValue("tenant", tenant);
                await change.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
            }

            await using var readTransaction = await connection.BeginTransactionAsync();
            await using (var use = new NpgsqlCommand($"SELECT set_config('{TenantTransactionInterceptor.SettingName}', @tenant, true)", connection, readTransaction))
            {
                use.Parameters.AddWithValue("tenant", tenant);
                await use.ExecuteNonQueryAsync();
            }

            var versions = new Dictionary<int, long>();
            await using (var read = new NpgsqlCommand("SELECT year, version FROM counter_versions", connection, readTransaction))
            await using (var reader = await read.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    versions[reader.GetInt32(0)] = reader.GetInt64(1);
                }
            }

            await readTransaction.CommitAsync();
            return versions;
        }

        var first = await ChangeAsync(
            $"INSERT INTO counters (tenant_id, figure, month, municipality, category, value) VALUES ('{tenant}', 'new', '2025-12-01', 'Verl', '', 1), " +
            $"('{tenant}', 'new', '2026-01-01', 'Verl', '', 1), ('{tenant}', 'new', '2026-02-01', 'Verl', '', 1)");
        // Only the first row of a tenant-year bumps its version in a transaction; the next transaction bumps again.
        var second = await ChangeAsync("UPDATE counters SET value = value + 1 WHERE month >= '2026-01-01'");

        Assert.Equal([2025, 2026], first.Keys.Order());
        Assert.Equal(first[2025], second[2025]);
        Assert.NotEqual(first[2026], second[2026]);
    }

    [Fact]
    public async Task CaseReport_CountersChangedWithinTheAgeBound_AnswersThePreviousCubeUntilTheBackgroundRebuildShowsTheChange()
    {
        var tenant = TestEnvironment.NewTenant();
        await factory.DeliverAsync(new CaseEvents(tenant, "Verl").Opened(CaseEvents.On(2026, 3, 5)));
        await using var bounded = factory.WithWebHostBuilder(builder => builder.ConfigureAppConfiguration(configuration =>
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Reporting:MaxFigureAgeSeconds"] = "3600" })));
        var coordinator = bounded.CreateClient();
        coordinator.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", DevTokens.Create(factory.SigningKey, tenant, "ki-test", "coordinator"));
        async Task<(long? NewCases, DateTimeOffset? AsOf)> ReadAsync()
        {
            var response = await coordinator.GetAsync("/api/reports/cases?period=2026");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl is { NoCache: true, Private: true });
            return (Report.Total(await response.Content.ReadFromJsonAsync<JsonElement>(), "newCases"), response.Content.Headers.LastModified);
        }

        var first = await ReadAsync();
        Assert.Equal(1, first.NewCases);
        var changedAt = DateTimeOffset.UtcNow;
        await DeleteCountersAsync(tenant);

        // The cube of before the change, and it says so: its figures stand for a moment before the change.
        var stale = await ReadAsync();
        Assert.Equal(1, stale.NewCases);
        Assert.NotNull(first.AsOf);
        Assert.Equal(first.AsOf, stale.AsOf);
        Assert.True(stale.AsOf <= changedAt);

        var fresh = await Eventually.GetAsync(ReadAsync, answer => answer.NewCases == 0);
        Assert.Equal(0, fresh.NewCases);
        // HTTP dates have whole seconds.
        Assert.True(fresh.AsOf >= changedAt.AddSeconds(-1));
    }

    [Fact]
    public async Task CaseReport_ConcurrentAnswersAfterAChange_BuildEachValueOnce()
    {
        var tenant = TestEnvironment.NewTenant();
        var coordinator = await OneCaseReadThenCountersDeletedAsync(tenant);

        var cache = factory.Services.GetRequiredService<FigureCache>();
        var before = cache.Builds;
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Report.GetAsync(coordinator, "/api/reports/cases?period=2026")));

        Assert.All(answers, answer => Assert.Equal(0, Report.Total(answer, "newCases")));
        // The year's case cube and its days figures, once each for all eight answers.
        Assert.Equal(2, cache.Builds - before);
    }

    /// <summary>The tenant's case figures of 2026 with one new case, read once (so cached); then its counters deleted.</summary>
    private async Task<HttpClient> OneCaseReadThenCountersDeletedAsync(string tenant)
    {
        var coordinator = factory.CoordinatorOf(tenant);
        await factory.DeliverAsync(new CaseEvents(tenant, "Verl").Opened(CaseEvents.On(2026, 3, 5)));
        Assert.Equal(1, Report.Total(await Report.GetAsync(coordinator, "/api/reports/cases?period=2026"), "newCases"));
        await DeleteCountersAsync(tenant);
        return coordinator;
    }

    /// <summary>As a rebuild would: the runtime role under the tenant, straight in SQL.</summary>
    private async Task DeleteCountersAsync(string tenant)
    {
        await using var connection = await factory.Services.GetRequiredService<ServiceDatabase>().RuntimeDataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var delete = new NpgsqlCommand(
            $"SELECT set_config('{TenantTransactionInterceptor.SettingName}', @tenant, true); DELETE FROM counters;", connection, transaction);
        delete.Parameters.AddWithValue("tenant", tenant);
        await delete.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
