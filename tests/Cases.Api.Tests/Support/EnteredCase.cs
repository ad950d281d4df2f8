using System.Globalization;
using KimPlatform.Testing;

namespace KimPlatform.Cases.Api.Tests.Support;

/// <summary>
/// A case with something in every part, each personal value unique to this case, so a search of the whole database
/// finds this case's data and nobody else's.
/// </summary>
internal sealed record EnteredCase(Guid Id, IReadOnlyList<string> Personal)
{
    /// <summary>Values entered that stay after erasure: the statistical skeleton, organisation keys, the structural finding.</summary>
    public static readonly string[] Kept =
        ["\"UA\"", "temporary-protection", "Rietberg", "women", "medium", "jobcenter-guetersloh", "No childcare during courses"];

    /// <summary>Opens a case and fills needs, goals with progress, a contact, a consent, a referral and a finding; leaves it in plan.</summary>
    public static async Task<EnteredCase> EnterEverythingAsync(CaseSession session)
    {
        var marker = Marker();
        var random = Random.Shared;
        var given = $"Olena{marker}";
        var family = $"Kovalenko{marker}";
        var child = $"Dmytro{marker}";
        var birthDate = new DateOnly(1940, 1, 1).AddDays(random.Next(0, 18_000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var arrivalDate = new DateOnly(2005, 1, 1).AddDays(random.Next(0, 5_000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var need = $"Needs a B1 course {marker}";
        var goal = $"Pass the B1 exam {marker}";
        var progress = $"Enrolled at the VHS {marker}";
        var contact = $"Called about the course {marker}";
        var purpose = $"Referral to a job coaching offer {marker}";
        var note = $"Interested in care work {marker}";
        var email = $"olena.{marker}@example.org";

        var id = await session.OpenAsync(new
        {
            person = new
            {
                givenName = given, familyName = family, birthDate, gender = "female", nationality = "UA",
                languages = new[] { "uk", "ru" }, residenceStatus = "temporary-protection", arrivalDate, municipality = "Rietberg", email,
                household = new[] { new { relation = "child", givenName = child, birthYear = 2015 } },
            },
            targetGroups = new[] { "women" },
            reachability = "medium",
        });
        await session.ChangeOkAsync(id, "/assessment", new { needs = new[] { new { lifeArea = "language", description = need } } });
        var plan = await session.ChangeOkAsync(id, "/plan", new
        {
            goals = new[] { new { lifeArea = "language", description = goal, dueDate = DateTime.UtcNow.AddMonths(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } },
        });
        await session.ChangeOkAsync(id, $"/goals/{plan.GetProperty("goals")[0].GetProperty("id").GetGuid()}/progress", new { status = "open", note = progress });
        await session.ChangeOkAsync(id, "/contacts", new { date = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), channel = "phone", note = contact });
        // Identity, needs and goals go into ReferralRequested: the event in the outbox holds personal data too.
        await session.ChangeOkAsync(id, "/consents", new
        {
            purpose, recipients = new[] { new { organisationId = "jobcenter-guetersloh" } },
            dataCategories = new[] { "identity", "needs", "goals", "household", "languages" }, form = "written", language = "de",
        });
        await session.ChangeOkAsync(id, "/referrals", new { offerId = Guid.NewGuid(), partnerOrganisationId = "jobcenter-guetersloh", note });
        await session.ChangeOkAsync(id, "/findings", new { lifeArea = "family", theme = "Childcare", description = "No childcare during courses" });
        return new EnteredCase(id, [given, family, child, birthDate, arrivalDate, need, goal, progress, contact, purpose, note, email]);
    }

    /// <summary>The personal values still found anywhere in the database, with their table.</summary>
    public Task<IReadOnlyList<(string Table, string Value)>> FindPersonalDataAsync(string ownerConnectionString) =>
        DatabaseSearch.FindAsync(ownerConnectionString, Personal);

    /// <summary>The case row has lost its person and the search columns derived from it.</summary>
    public static async Task AssertRowErasedAsync(CasesApiFactory factory, Guid id) =>
        Assert.Equal(1, await factory.CountAsync(
            """
            SELECT count(*) FROM cases WHERE id = @p0 AND erased_at IS NOT NULL
              AND person IS NULL AND folded_name IS NULL AND name_keys IS NULL AND birth_date IS NULL
            """, id));

    private static string Marker() =>
        string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('q' + (char.IsDigit(c) ? c - '0' : c - 'a') % 10)));
}
