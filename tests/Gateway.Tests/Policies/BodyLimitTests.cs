using System.Net;
using KimPlatform.Gateway.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Gateway.Tests.Policies;

/// <summary>The gateway itself refuses bodies over 1 MiB; the service behind it here would take any size.</summary>
public sealed class BodyLimitTests
{
    private const int OneMebibyte = 1024 * 1024;

    [Theory]
    [InlineData(OneMebibyte + 1, HttpStatusCode.RequestEntityTooLarge)]
    [InlineData(OneMebibyte, HttpStatusCode.OK)]
    public async Task Post_BodySize_IsLimitedAtOneMebibyte(int size, HttpStatusCode expected)
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var client = gateway.CreateClient(TestEnvironment.NewTenant(), "stadt-rietberg", "case_manager");

        using var response = await client.PostAsync("/api/cases", new ByteArrayContent(new byte[size]));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.RequestEntityTooLarge)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
