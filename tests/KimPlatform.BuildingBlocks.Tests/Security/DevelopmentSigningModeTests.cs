using KimPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KimPlatform.BuildingBlocks.Tests.Security;

/// <summary>The development key is for a developer's machine: any other environment refuses to start with it.</summary>
public sealed class DevelopmentSigningModeTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task DevelopmentKeyWithoutAuthority_OutsideDevelopment_RefusesToStartAndNamesTheFix(string environment)
    {
        await using var app = TestApp.Build(environment,
            new Dictionary<string, string?> { ["Identity:DevelopmentSigningKey"] = DevTokens.NewKey() },
            builder => builder.AddKimAuthentication());

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Identity__Authority", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Development", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MisspeltAuthority_OutsideDevelopment_RefusesToStart()
    {
        await using var app = TestApp.Build("Production",
            new Dictionary<string, string?>
            {
                ["Identity:Authorty"] = "https://login.example-kreis.de/realms/kim",
                ["Identity:DevelopmentSigningKey"] = DevTokens.NewKey(),
            },
            builder => builder.AddKimAuthentication());

        await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
    }

    [Fact]
    public async Task Authority_OutsideDevelopment_Starts()
    {
        await using var app = TestApp.Build("Production",
            new Dictionary<string, string?> { ["Identity:Authority"] = "https://login.example-kreis.de/realms/kim" },
            builder => builder.AddKimAuthentication());

        await app.StartAsync();
        await app.StopAsync();
    }

    [Fact]
    public async Task DevelopmentKey_InDevelopment_Starts()
    {
        await using var app = TestApp.Build("Development",
            new Dictionary<string, string?> { ["Identity:DevelopmentSigningKey"] = DevTokens.NewKey() },
            builder => builder.AddKimAuthentication());

        await app.StartAsync();
        Assert.True(app.Services.GetRequiredService<IOptions<KimPlatform.Security.Authentication.IdentityProviderOptions>>().Value.UsesDevelopmentSigning);
        await app.StopAsync();
    }

    [Fact]
    public async Task NeitherAuthorityNorKey_InDevelopment_RefusesToStart()
    {
        await using var app = TestApp.Build("Development", new Dictionary<string, string?>(), builder => builder.AddKimAuthentication());

        await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
    }
}
