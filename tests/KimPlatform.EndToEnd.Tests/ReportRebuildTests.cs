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
/// partner and event services have re-published the tenant's history, every figure is what it was, the figures of erased
/// cases included, and nothing that was erased comes back.
/// </summary>
public sealed class ReportRebuildTests
{
    private static readonly string[] Periods = [$"{DateTime.UtcNow:yyyy}-{DateTime.UtcNow:MM}", $"{DateTime.UtcNow:yyyy}-Q{(DateTime.UtcNow.Month + 2) / 3}", $"{DateTime.UtcNow:yyyy}"];

    [Fact]
    public async Task Rebuild_FromTheServicesReplayedHistory_GivesIdenticalFigures()
    {
        var tenant = TestEnvironment.NewTenant();
        var history = new TenantHistory(tenant);
        await history.WriteAsync();
        var coordinator = Stack.Gateway(tenant, "ki-guetersloh", "coordinator");
        var before = await SettledAsync(tenant, coordinator);
        // The erasures are counted and shown, so the comparison below would see them go missing: five closures with
        // reason erased, and goals of erased cases among those agreed and achieved (docs/decisions.md, "Reporting rebuild").
        var year = JsonDocument.Parse(before.Reports[$"{Periods[^1]} cases"]).RootElement;
        Assert.Equal(new Dictionary<string, long?> { ["erased"] = TenantHistory.Erased }, Shown(year.GetProperty("closuresByReason"), "erased"));
        Assert.Equal(TenantHistory.GoalsAgreed, year.GetProperty("goalsAgreed").GetProperty("total").GetProperty("value").GetInt64());
        Assert.Equal(TenantHistory.GoalsAchieved, year.GetProperty("goalsAchieved").GetProperty("total").GetProperty("value").GetInt64());
        Assert.Equal(TenantHistory.Erased, await Sql.CountAsync(Database("reportingdb"), "SELECT count(*) FROM erased_keys WHERE tenant_id = @p0", tenant));
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
        var rebuiltAt = DateTimeOffset.UtcNow;
        await Eventually.GetAsync(async () =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            rebuiltAt = DateTimeOffset.UtcNow;
            return await ReadModelsAsync(tenant);
        }, models => models == (before.Counters, before.Histograms, before.States), TimeSpan.FromSeconds(90));
        var after = await ReadAsync(tenant, coordinator, rebuiltAt);
        Assert.Equal(before.Counters, after.Counters);
        Assert.Equal(before.Histograms, after.Histograms);
        Assert.Equal(before.States, after.States);
        Assert.Equal(before.Reports, after.Reports);
        Assert.Equal(0, await Sql.CountAsync(Database("reportingdb"), "SELECT count(*) FROM pending_events WHERE tenant_id = @p0", tenant));
        // Nothing entered about the erased people came back with the replay, in any database.
        var found = await EveryDatabase.FindAsync(history.ErasedValues);
        Assert.True(found.Count == 0, "After the rebuild these tables hold values of erased cases:\n  " + string.Join("\n  ", found));
    }

    /// <summary>The shown rows of a count table among <paramref name="keys"/>, with their values.</summary>
    private static Dictionary<string, long?> Shown(JsonElement table, params string[] keys) => table.GetProperty("rows").EnumerateArray()
        .Where(row => keys.Contains(row.GetProperty("key").GetString()) && !row.GetProperty("suppressed").GetBoolean())
        .ToDictionary(row => row.GetProperty("key").GetString()!, row => (long?)row.GetProperty("value").GetInt64());

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
        (string, string, string)? last = null;
        DateTimeOffset lastReadAt = default, settledAt = default;
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
            var readAt = DateTimeOffset.UtcNow;
            var current = await ReadModelsAsync(tenant);
            var stable = pending == 0 && current == last;
            (last, settledAt, lastReadAt) = (current, lastReadAt, readAt);
            return stable;
        }, stable => stable, TimeSpan.FromSeconds(90));
        Assert.True(settled, "the figures did not settle");
        return await ReadAsync(tenant, coordinator, settledAt);
    }

    private static async Task<(string Counters, string Histograms, string States)> ReadModelsAsync(string tenant) => (
        await RowsAsync("SELECT figure, month, municipality, category, value FROM counters WHERE tenant_id = @p0 AND value <> 0 ORDER BY 1, 2, 3, 4", tenant),
        await RowsAsync("SELECT measure, month, municipality, bucket, count, sum_days FROM day_histograms WHERE tenant_id = @p0 AND count <> 0 ORDER BY 1, 2, 3, 4", tenant),
        // Per-case state: an erased case is back only as its erased key, without its categories or goals.
        await RowsAsync("""
            SELECT 'cases', count(*) FROM case_states WHERE tenant_id = @p0
            UNION ALL SELECT 'goals', count(*) FROM goal_states WHERE tenant_id = @p0
            UNION ALL SELECT 'erased', count(*) FROM erased_keys WHERE tenant_id = @p0
            UNION ALL SELECT 'referrals', count(*) FROM referral_states WHERE tenant_id = @p0
            """, tenant));

    /// <summary>Every report, each built from the read models as they were at <paramref name="settledAt"/> or later.</summary>
    private static async Task<Figures> ReadAsync(string tenant, HttpClient coordinator, DateTimeOffset settledAt)
    {
        // Reporting may answer from a cube built before the rebuild (Reporting:MaxFigureAgeSeconds) and refresh it in the
        // background; such an answer would repeat the figures from before. Only an answer whose Last-Modified (whole
        // seconds, rounded down) is not before the read models settled counts, so start in the second after.
        var notBefore = new DateTimeOffset((settledAt.UtcTicks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        if (notBefore - DateTimeOffset.UtcNow is { Ticks: > 0 } wait)
        {
            await Task.Delay(wait + TimeSpan.FromMilliseconds(50));
        }

        var reports = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var period in Periods)
        {
            foreach (var report in new[] { "cases", "referrals", "events", "findings" })
            {
                reports[$"{period} {report}"] = await FiguresAsOfAsync(coordinator, $"/api/reports/{report}?period={period}", notBefore);
            }
        }

        reports["funding-year csv"] = await FiguresAsOfAsync(coordinator, $"/api/reports/funding-year/{DateTime.UtcNow:yyyy}.csv", notBefore);
        var (counters, histograms, states) = await ReadModelsAsync(tenant);
        return new Figures(reports, counters, histograms, states);
    }

    private static async Task<string> FiguresAsOfAsync(HttpClient coordinator, string path, DateTimeOffset notBefore)
    {
        var (asOf, body) = await Eventually.GetAsync(async () =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            using var response = await coordinator.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return (response.Content.Headers.LastModified, await response.Content.ReadAsStringAsync());
        }, answer => answer.LastModified >= notBefore, TimeSpan.FromSeconds(30));
        Assert.True(asOf >= notBefore, $"{path}: figures as of {asOf}, not of the read models settled at {notBefore}");
        return body;
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

    private sealed record Figures(SortedDictionary<string, string> Reports, string Counters, string Histograms, string States);

    /// <summary>A small tenant with something of everything reporting counts, written through the gateway.</summary>
    private sealed class TenantHistory(string tenant)
    {
        /// <summary>Erased cases: as many as the threshold, so that their closures are shown.</summary>
        public const int Erased = 5;

        /// <summary>Two goals for each of seven cases and three erased ones.</summary>
        public const long GoalsAgreed = 20;

        /// <summary>One goal for each of six cases and two erased ones.</summary>
        public const long GoalsAchieved = 8;

        private readonly HttpClient _caseManager = Stack.Gateway(tenant, "stadt-rietberg", "case_manager");
        private readonly string _partner = $"diakonie-{Guid.NewGuid():N}"[..20];
        private readonly string _marker = Guid.NewGuid().ToString("N")[..12];

        /// <summary>What was entered about the people whose cases are erased.</summary>
        public string[] ErasedValues => [$"Given{_marker}", $"Family{_marker}", $"Need{_marker}", $"Goal{_marker}", $"Note{_marker}"];

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
            await ErasedCasesAsync(offer);
            await NetworkEventAsync();
        }

        /// <summary>
        /// Five cases erased in intake, assessment, plan and monitoring (an erasure closes an open case with reason erased);
        /// three had goals, one a referral the partner accepted.
        /// </summary>
        private async Task ErasedCasesAsync(Guid offer)
        {
            var erased = new List<CaseSession>();
            for (var i = 0; i < Erased; i++)
            {
                erased.Add(await CaseSession.OpenAsync(_caseManager, "Rietberg", $"Given{_marker}", $"Family{_marker}"));
            }

            foreach (var session in erased.Take(4))
            {
                await session.StepAsync("/assessment", new { needs = new[] { new { lifeArea = "work", description = $"Need{_marker}" } } });
            }

            foreach (var (session, i) in erased.Take(3).Select((session, i) => (session, i)))
            {
                var plan = await session.StepAsync("/plan", new
                {
                    goals = new[]
                    {
                        new { lifeArea = "work", description = $"Goal{_marker}", dueDate = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd") },
                        new { lifeArea = "language", description = $"Goal{_marker}", dueDate = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd") },
                    },
                });
                if (i < 2)
                {
                    await session.StepAsync($"/goals/{plan.GetProperty("goals")[0].GetProperty("id").GetGuid()}/progress", new { status = "achieved" });
                    await session.StepAsync("/monitoring", new { });
                }
            }

            var referred = erased[0];
            var consentId = await ConsentAsync(referred, "identity", "needs", "note");
            var referral = (await referred.StepAsync("/referrals", new { offerId = offer, partnerOrganisationId = _partner, consentId, note = $"Note{_marker}" }))
                .GetProperty("id").GetGuid();
            var staff = Stack.Gateway(tenant, _partner, "partner_staff");
            var accepted = await Eventually.GetAsync(() => staff.PostAsJsonAsync($"/api/partners/referrals/{referral}/accept", new { }),
                response => response.StatusCode == HttpStatusCode.OK);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            // The acceptance changes the case (and its ETag) when it reaches the case service.
            await referred.RefreshAsync(current => current.GetProperty("referrals")[0].GetProperty("status").GetString() == "accepted");

            // Before the erasure the values are there to be found, so the search after the rebuild can find them.
            var entered = await EveryDatabase.FindAsync(ErasedValues);
            Assert.Contains(entered, hit => hit.StartsWith("casesdb.cases:", StringComparison.Ordinal));
            Assert.Contains(entered, hit => hit.StartsWith("partnersdb.referrals:", StringComparison.Ordinal));
            foreach (var session in erased)
            {
                await session.EraseAsync();
            }

            var left = await Eventually.GetAsync(() => EveryDatabase.FindAsync(ErasedValues), hits => hits.Count == 0, TimeSpan.FromSeconds(30));
            Assert.True(left.Count == 0, "After the erasure these tables hold values of erased cases:\n  " + string.Join("\n  ", left));
        }

        /// <summary>The case service learns the partner from OrganisationRegistered, so the consent may need a moment.</summary>
        private async Task<Guid> ConsentAsync(CaseSession session, params string[] dataCategories)
        {
            var consent = await Eventually.GetAsync(() => session.TryStepAsync("/consents", new
            {
                purpose = "Jobcoaching", recipients = new[] { new { organisationId = _partner } }, dataCategories,
                form = "written", language = "de",
            }), answer => answer is not null);
            return consent!.Value.GetProperty("id").GetGuid();
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
            var consentId = await ConsentAsync(session, "identity");
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

        public static async Task<CaseSession> OpenAsync(HttpClient caseManager, string municipality) =>
            await OpenAsync(caseManager, Stack.NewCase(municipality));

        /// <summary>Opens a case of a person with the given names, to be searched for after the case is erased.</summary>
        public static async Task<CaseSession> OpenAsync(HttpClient caseManager, string municipality, string givenName, string familyName) =>
            await OpenAsync(caseManager, new
            {
                person = new
                {
                    givenName, familyName, birthDate = "1999-07-01", languages = new[] { "fa", "de" }, residenceStatus = "asylum-seeker", municipality,
                },
                targetGroups = new[] { "young-adults" }, reachability = "low",
            });

        private static async Task<CaseSession> OpenAsync(HttpClient caseManager, object body)
        {
            var response = await caseManager.PostAsJsonAsync("/api/cases", body);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            return new CaseSession(caseManager, id, response.Headers.ETag!.Tag);
        }

        /// <summary>Reads the case until <paramref name="done"/> holds and takes its current ETag.</summary>
        public async Task RefreshAsync(Func<JsonElement, bool> done)
        {
            var (etag, current) = await Eventually.GetAsync(async () =>
            {
                using var response = await caseManager.GetAsync($"/api/cases/{id}");
                response.EnsureSuccessStatusCode();
                return (response.Headers.ETag!.Tag, await response.Content.ReadFromJsonAsync<JsonElement>());
            }, read => done(read.Item2));
            Assert.True(done(current), $"the case did not reach the expected state: {current}");
            _etag = etag;
        }

        public async Task EraseAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/cases/{id}");
            request.Headers.TryAddWithoutValidation("If-Match", _etag);
            var response = await caseManager.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"erase: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
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
