using System.Net;
using System.Net.Http.Headers;
using KimPlatform.Security.Authentication;
using KimPlatform.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KimPlatform.BuildingBlocks.Tests.Security;

/// <summary>A correctly signed token still needs a subject and proper tenant and organisation keys.</summary>
public sealed class TokenIdentityTests : IAsyncLifetime
{
    private readonly string _key = DevTokens.NewKey();
    private WebApplication? _app;

    public async ValueTask InitializeAsync()
    {
        _app = TestApp.Build("Development",
            new Dictionary<string, string?> { ["Identity:DevelopmentSigningKey"] = _key },
            builder => builder.AddKimAuthentication(),
            app => app.MapGet("/who", (CallerContext caller) => $"{caller.TenantId}/{caller.OrganisationId}/{caller.UserId}"));
        await _app.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task CompleteToken_IsAccepted()
    {
        var (status, body) = await CallAsync(Token(sub: "user-1", tenant: "kreis-guetersloh", org: "stadt-rietberg"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("kreis-guetersloh/stadt-rietberg/user-1", body);
    }

    [Theory]
    [InlineData(null, "kreis-guetersloh", "stadt-rietberg")]
    [InlineData("", "kreis-guetersloh", "stadt-rietberg")]
    [InlineData("user-1", "", "stadt-rietberg")]
    [InlineData("user-1", "kreis-guetersloh", "")]
    [InlineData("user-1", null, "stadt-rietberg")]
    [InlineData("user-1", "kreis-guetersloh", null)]
    [InlineData("user-1", "Kreis-Guetersloh", "stadt-rietberg")]
    [InlineData("user-1", "kreis guetersloh", "stadt-rietberg")]
    [InlineData("user-1", "kreis-guetersloh", "stadt-rietberg'; --")]
    public async Task TokenWithoutUsableIdentity_Gets401(string? sub, string? tenant, string? org)
    {
        var (status, _) = await CallAsync(Token(sub, tenant, org));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    private async Task<(HttpStatusCode Status, string Body)> CallAsync(string token)
    {
        using var client = _app!.GetTestClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/who");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private string Token(string? sub, string? tenant, string? org)
    {
        var claims = new Dictionary<string, object> { ["name"] = "Test User", ["roles"] = new[] { "case_manager" } };
        if (sub is not null) claims["sub"] = sub;
        if (tenant is not null) claims["tenant"] = tenant;
        if (org is not null) claims["org"] = org;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "kim-dev",
            Audience = "kim-platform",
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(_key)), SecurityAlgorithms.HmacSha256),
            Claims = claims,
        });
    }
}
