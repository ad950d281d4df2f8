using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KimPlatform.Cases.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Cases.Api.Tests;

/// <summary>
/// A tenant admin chose the template key, and the receipt page once wrote it unencoded. Keys now have a safe
/// alphabet, every value on the page is encoded, and the page forbids scripts outright.
/// </summary>
[Collection(CasesApiCollection.Name)]
public sealed class ConsentReceiptSecurityTests(CasesApiFactory factory)
{
    private readonly string _tenant = TestEnvironment.NewTenant();

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("referral\" onload=\"x")]
    [InlineData("Referral")]
    public async Task PublishTemplate_WithKeyOutsideTheSafeAlphabet_Returns400NamingKey_AndStoresNothing(string key)
    {
        var admin = factory.ClientFor(_tenant, "kreis-admin", "tenant_admin");

        var response = await admin.PostAsJsonAsync("/api/cases/consent-templates", new
        {
            key, language = "de", title = "Einwilligung", body = "{organisation} gibt {dataCategories} an {recipients} für {purpose} weiter.",
            untilWithdrawn = "bis zum Widerruf",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("key", out _));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM consent_templates WHERE tenant_id = @p0", _tenant));
    }

    [Fact]
    public async Task GiveConsent_WithMarkupAsTemplateKey_Returns400NamingTemplateKey()
    {
        var session = new CaseSession(factory.ClientFor(_tenant, "caritas-guetersloh", "case_manager"));
        var id = await session.OpenAsync();
        var body = JsonSerializer.SerializeToNode(Bodies.Consent())!.AsObject();
        body["templateKey"] = "<img src=x onerror=alert(1)>";

        var response = await session.ChangeAsync(id, "/consents", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("templateKey", out _));
    }

    [Fact]
    public async Task Receipt_AsHtml_ForbidsScriptsAndOtherOrigins()
    {
        var session = new CaseSession(factory.ClientFor(_tenant, "caritas-guetersloh", "case_manager"));
        var id = await session.OpenAsync();
        var consent = await session.ChangeOkAsync(id, "/consents", Bodies.Consent("fa"));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{id}/consents/{consent.GetProperty("id")}/receipt");
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await session.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.DoesNotContain("<script", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
