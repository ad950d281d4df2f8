using KimPlatform.Cases.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Cases.Api.Tests;

/// <summary>The test helper itself: a test that asks for a phase gets a case in that phase, or an error.</summary>
[Collection(CasesApiCollection.Name)]
public sealed class CaseSessionTests(CasesApiFactory factory)
{
    private readonly string _tenant = TestEnvironment.NewTenant();

    [Theory]
    [InlineData("intake")]
    [InlineData("assessment")]
    [InlineData("plan")]
    [InlineData("monitoring")]
    [InlineData("closed")]
    public async Task OpenInPhase_KnownPhase_ReturnsACaseInThatPhase(string phase)
    {
        var session = new CaseSession(factory.ClientFor(_tenant, "caritas-guetersloh", "case_manager"));

        var id = await session.OpenInPhaseAsync(phase);

        Assert.Equal(phase, (await session.GetAsync(id)).GetProperty("phase").GetString());
    }

    [Theory]
    [InlineData("closing")]
    [InlineData("Plan")]
    [InlineData("")]
    public async Task OpenInPhase_UnknownPhase_Throws_AndOpensNothing(string phase)
    {
        var session = new CaseSession(factory.ClientFor(_tenant, "caritas-guetersloh", "case_manager"));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => session.OpenInPhaseAsync(phase));

        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM cases WHERE tenant_id = @p0", _tenant));
    }
}
