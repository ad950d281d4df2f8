using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KimPlatform.EndToEnd.Tests.Support;
using KimPlatform.Testing;
using Npgsql;

namespace KimPlatform.EndToEnd.Tests;

/// <summary>
/// The reporting database is disposable: after `./kim rebuild-reports` has wiped a tenant's read models and the case,
/// partner and event services have re-published the tenant's history, every figure is what it was.
/// </summary>
public sealed class ReportRebuildTests
{
    private static readonly string[] Periods = [$"{DateTime.UtcNow:yyyy}-{DateTime.UtcNow:MM}", $"{DateTime.UtcNow:yyyy}-Q{(DateTime.UtcNow.Month + 2) / 3}", $"{DateTime.UtcNow:yyyy}"];

    [Fact]
    public async Task Rebuild_FromTheServicesReplayedHistory_GivesIdenticalFigures()
    {
        var tenant = TestEnvironment.NewTenant();
        await new TenantHistory(tenant).WriteAsync();
        var coordinator = Stack.Gateway(tenant, "ki-guetersloh", "coordinator");
        var before = await SettledAsync(tenant, coordinator);
        Assert.Contains("\"newCases\"", before.Reports, StringComparison.Ordinal);
        // Something of every figure reporting keeps is there to be lost.
        foreach (var figure in new[] { "new|", "open:phase|", "open:case-manager|", "closed:reason|", "goals:achieved|", "referrals:topic|",
            "referrals:completed|", "referrals:declined|", "events:ratings|", "events:attended|", "findings:theme|" })
        {
            Assert.Contains(figure, before.Counters, StringComparison.Ordinal);
        }

        Assert.NotEqual("", before.Histograms);

        using var reporting = Stack.Client(Stack.Service("reporting-api"), tenant, "kim-operator", ["tenant_admin"]);
        var started = await reporting.PostAsync("/admin/rebuild", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);

        // The read models are polled in the database; the gateway's rate limit would refuse polling the API.
        await Eventually.GetAsync(async () =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            return await ReadModelsAsync(tenant);
        }, models => models == (before.Counters, before.Histograms), TimeSpan.FromSeconds(90));
        var after = await ReadAsync(tenant, coordinator);
        Assert.Equal(before.Counters, after.Counters);
        Assert.Equal(before.Histograms, after.Histograms);
        Assert.Equal(before.Reports, after.Reports);
        Assert.Equal(0, await Sql.CountAsync(Database("reportingdb"), "SELECT count(*) FROM pending_events WHERE tenant_id = @p0", tenant));
    }

    [Fact]
    public async Task Rebuild_WithoutTenantAdmin_Returns403_AndIsNotRoutedByTheGateway()
    {
        var tenant = TestEnvironment.NewTenant();
        using var coordinator = Stack.Client(Stack.Service("reporting-api"), tenant, "ki-guetersloh", ["coordinator"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsync("/admin/rebuild", null)).StatusCode);

        var throughGateway = await Stack.Gateway(tenant, "kim-operator", "tenant_admin").PostAsync("/admin/rebuild", null);
        Assert.NotEqual(HttpStatusCode.Accepted, throughGateway.StatusCode);
    }

    /// <summary>Waits until the tenant's outboxes are empty and two reads a moment apart agree.</summary>
    private static async Task<Figures> SettledAsync(string tenant, HttpClient coordinator)
    {
        (string, string)? last = null;
        var settled = await Eventually.GetAsync(async () =>
        {
            var pending = 0L;
            foreach (var database in new[] { "casesdb", "partnersdb", "eventsdb" })
            {
                pending += await Sql.CountAsync(Database(database),
                    "SELECT count(*) FROM outbox_messages WHERE tenant_id = @p0 AND dispatched_at IS NULL", tenant);
            }

            pending += await Sql.CountAsync(Database("reportingdb"), "SELECT count(*) FROM pending_events WHERE tenant_id = @p0", tenant);
            await Task.Delay(TimeSpan.FromSeconds(1));
            var current = await ReadModelsAsync(tenant);
            var stable = pending == 0 && current == last;
            last = current;
            return stable;
        }, stable => stable, TimeSpan.FromSeconds(90));
        Assert.True(settled, "the figures did not settle");
        return await ReadAsync(tenant, coordinator);
    }

    private static async Task<(string Counters, string Histograms)> ReadModelsAsync(string tenant) => (
        await RowsAsync("SELECT figure, month, municipality, category, value FROM counters WHERE tenant_id = @p0 AND value <> 0 ORDER BY 1, 2, 3, 4", tenant),
        await RowsAsync("SELECT measure, month, municipality, bucket, count, sum_days FROM day_histograms WHERE tenant_id = @p0 AND count <> 0 ORDER BY 1, 2, 3, 4", tenant));

    private static async Task<Figures> ReadAsync(string tenant, HttpClient coordinator)
    {
        var reports = new StringBuilder();
        foreach (var period in Periods)
        {
            foreach (var report in new[] { "cases", "referrals", "events", "findings" })
            {
                reports.Append(period).Append(' ').Append(report).Append(": ")
                    .AppendLine(await coordinator.GetStringAsync($"/api/reports/{report}?period={period}"));
            }
        }

        reports.AppendLine(await coordinator.GetStringAsync($"/api/reports/funding-year/{DateTime.UtcNow:yyyy}.csv"));
        var (counters, histograms) = await ReadModelsAsync(tenant);
        return new Figures(reports.ToString(), counters, histograms);
    }

    private static async Task<string> RowsAsync(string sql, string tenant)
    {
        await using var connection = new NpgsqlConnection(Database("reportingdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("p0", tenant);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new StringBuilder();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                rows.Append(reader.GetValue(i)).Append('|');
            }

            rows.Append('\n');
        }

        return rows.ToString();
    }

    private static string Database(string name) => new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = name }.ConnectionString;

    private sealed record Figures(string Reports, string Counters, string Histograms);

    /// <summary>A small tenant with something of everything reporting counts, written through the gateway.</summary>
    private sealed class TenantHistory(string tenant)
    {
        private readonly HttpClient _caseManager = Stack.Gateway(tenant, "stadt-rietberg", "case_manager");
        private readonly string _partner = $"diakonie-{Guid.NewGuid():N}"[..20];

        public async Task WriteAsync()
        {
            var offer = await PartnerWithOfferAsync();
            var rietberg = new List<CaseSession>();
            for (var i = 0; i < 8; i++)
            {
                rietberg.Add(await CaseSession.OpenAsync(_caseManager, "Rietberg"));
            }

            for (var i = 0; i < 5; i++)
            {
                await CaseSession.OpenAsync(_caseManager, "Verl");
            }

            foreach (var session in rietberg)
            {
                await session.StepAsync("/assessment", new { needs = new[] { new { lifeArea = "work", description = "Job" } } });
            }

            var goals = new List<Guid>();
            foreach (var session in rietberg.Take(7))
            {
                var plan = await session.StepAsync("/plan", new
                {
                    goals = new[]
                    {
                        new { lifeArea = "work", description = "A job", dueDate = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd") },
                        new { lifeArea = "language", description = "B1", dueDate = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd") },
                    },
                });
                goals.Add(plan.GetProperty("goals")[0].GetProperty("id").GetGuid());
            }

            foreach (var (session, goal) in rietberg.Take(6).Zip(goals))
            {
                await session.StepAsync($"/goals/{goal}/progress", new { status = "achieved" });
                await session.StepAsync("/monitoring", new { });
            }

            await rietberg[0].StepAsync("/close", new { reason = "goals-achieved", outcome = "achieved" });
            await rietberg[1].StepAsync("/close", new { reason = "moved-away", outcome = "partially-achieved" });
            await rietberg[2].StepAsync("/close", new { reason = "goals-achieved", outcome = "achieved" });
            await rietberg[2].StepAsync("/reopen", new { });
            await rietberg[3].StepAsync("/assign", new { caseManagerId = "cm-zwei" });
            // No erasure: a replayed goal of an erased case that arrives after its replayed erasure is dropped
            // (docs/decisions.md, "Reporting rebuild").
            await rietberg[4].StepAsync("/close", new { reason = "person-declined", outcome = "not-achieved" });
            for (var i = 0; i < 5; i++)
            {
                await rietberg[5].StepAsync("/findings", new { lifeArea = i < 3 ? "language" : "housing", theme = "Wartezeit Integrationskurs", description = "Zu wenige Plätze" });
            }

            await ReferralsAsync(rietberg[6], offer);
            await NetworkEventAsync();
        }

        private async Task<Guid> PartnerWithOfferAsync()
        {
            var registered = await Stack.Gateway(tenant, "kreis-kim", "coordinator").PostAsJsonAsync("/api/partners/organisations", new
            {
                id = _partner, name = "Diakonie Verl", kind = "welfare", legalDomains = new[] { "sgb-ii" }, languages = new[] { "de" },
            });
            registered.EnsureSuccessStatusCode();
            var offer = await Stack.Gateway(tenant, _partner, "partner_staff").PostAsJsonAsync("/api/partners/offers", new
            {
                title = new { de = "Jobcoaching" }, description = new { de = "Bewerbungen schreiben" }, topics = new[] { "work" },
                targetGroups = new[] { "young-adults" }, languages = new[] { "de" }, municipalities = new[] { "Rietberg" }, published = true,
                schedule = new { byAppointment = true },
            });
            Assert.True(offer.StatusCode == HttpStatusCode.Created, await offer.Content.ReadAsStringAsync());
            return (await offer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        private async Task ReferralsAsync(CaseSession session, Guid offer)
        {
            // The case service learns the partner from OrganisationRegistered, so the consent may need a moment.
            var consent = await Eventually.GetAsync(() => session.TryStepAsync("/consents", new
            {
                purpose = "Jobcoaching", recipients = new[] { new { organisationId = _partner } }, dataCategories = new[] { "identity" },
                form = "written", language = "de",
            }), answer => answer is not null);
            var consentId = consent!.Value.GetProperty("id").GetGuid();
            for (var i = 0; i < 3; i++)
            {
                await session.StepAsync("/referrals", new { offerId = offer, partnerOrganisationId = _partner, consentId });
            }

            var staff = Stack.Gateway(tenant, _partner, "partner_staff");
            var inbox = await Eventually.GetAsync(() => staff.GetFromJsonAsync<JsonElement>("/api/partners/referrals"),
                page => page.GetProperty("total").GetInt32() == 3);
            var ids = inbox.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ToArray();
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/partners/referrals/{ids[0]}/accept", new { })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/partners/referrals/{ids[1]}/decline", new { reason = "Keine Plätze" })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/partners/referrals/{ids[2]}/accept", new { })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/partners/referrals/{ids[2]}/complete", new { outcome = "Stelle gefunden" })).StatusCode);
        }

        private async Task NetworkEventAsync()
        {
            var coordinator = Stack.Gateway(tenant, "ki-guetersloh", "coordinator");
            var anonymous = Stack.Gateway();
            var start = DateTime.UtcNow.Date.AddHours(DateTime.UtcNow.Hour + 2);
            var scheduled = await coordinator.PostAsJsonAsync("/api/events", new
            {
                title = "World Café", format = "world-cafe", startsAt = start.ToString("yyyy-MM-ddTHH:mm:ssZ"),
                endsAt = start.AddHours(2).ToString("yyyy-MM-ddTHH:mm:ssZ"), venue = "Rathaus Rietberg", capacity = 2,
                sessions = new[] { new { title = "Tisch 1", capacity = 2 } }, languages = new[] { "de" }, @public = true,
            });
            Assert.True(scheduled.StatusCode == HttpStatusCode.Created, await scheduled.Content.ReadAsStringAsync());
            var cafe = (await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var registrations = new List<JsonElement>();
            foreach (var group in new[] { "newcomer", "volunteer", "professional" })
            {
                var response = await anonymous.PostAsJsonAsync($"/api/events/{cafe}/registrations?tenant={tenant}", new
                {
                    name = "Test Person", email = $"{group}@example.org", participantGroup = group, processingConsent = true,
                });
                Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
                registrations.Add(await response.Content.ReadFromJsonAsync<JsonElement>());
            }

            var cancelled = await anonymous.PostAsJsonAsync($"/api/events/{cafe}/registrations/{registrations[0].GetProperty("id").GetGuid()}/cancel?tenant={tenant}",
                new { cancelToken = registrations[0].GetProperty("cancelToken").GetString() });
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
            foreach (var registration in registrations.Skip(1))
            {
                var checkedIn = await coordinator.PostAsJsonAsync($"/api/events/{cafe}/checkins", new { registrationId = registration.GetProperty("id").GetGuid() });
                Assert.Equal(HttpStatusCode.OK, checkedIn.StatusCode);
                var feedback = await anonymous.PostAsJsonAsync($"/api/events/{cafe}/feedback?tenant={tenant}", new
                {
                    registrationId = registration.GetProperty("id").GetGuid(), token = registration.GetProperty("cancelToken").GetString(), rating = 4,
                });
                Assert.True(feedback.StatusCode == HttpStatusCode.NoContent, await feedback.Content.ReadAsStringAsync());
            }
        }
    }

    /// <summary>One case through the gateway, carrying its ETag from change to change.</summary>
    private sealed class CaseSession(HttpClient caseManager, Guid id, string etag)
    {
        private string _etag = etag;

        public static async Task<CaseSession> OpenAsync(HttpClient caseManager, string municipality)
        {
            var response = await caseManager.PostAsJsonAsync("/api/cases", Stack.NewCase(municipality));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            return new CaseSession(caseManager, id, response.Headers.ETag!.Tag);
        }

        public async Task<JsonElement> StepAsync(string path, object body) =>
            await TryStepAsync(path, body) ?? throw new Xunit.Sdk.XunitException($"{path} failed");

        public async Task<JsonElement?> TryStepAsync(string path, object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}{path}") { Content = JsonContent.Create(body) };
            request.Headers.TryAddWithoutValidation("If-Match", _etag);
            var response = await caseManager.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                Assert.True(path == "/consents", $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                return null;
            }

            _etag = response.Headers.ETag?.Tag ?? _etag;
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
    }
}
