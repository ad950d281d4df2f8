using System.Net;
using KimPlatform.Web.Gateway;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace KimPlatform.Web.Tests.Gateway;

public sealed class VisitorAddressHandlerTests
{
    [Fact]
    public async Task Send_WithForwardingKey_NamesTheVisitorsAddressAndTheKey()
    {
        var sent = await SendAsync("the-web-apps-forwarding-key-0123456789abcdef", IPAddress.Parse("203.0.113.7"));

        Assert.Equal(["203.0.113.7"], sent.GetValues("X-Kim-Client-Address"));
        Assert.Equal(["the-web-apps-forwarding-key-0123456789abcdef"], sent.GetValues("X-Kim-Web-Key"));
    }

    [Fact]
    public async Task Send_WithoutForwardingKey_NamesNoAddress()
    {
        var sent = await SendAsync(null, IPAddress.Parse("203.0.113.7"));

        Assert.False(sent.Contains("X-Kim-Client-Address"));
        Assert.False(sent.Contains("X-Kim-Web-Key"));
    }

    private static async Task<System.Net.Http.Headers.HttpRequestHeaders> SendAsync(string? key, IPAddress visitor)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = visitor;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Web:ForwardingKey"] = key }).Build();
        var gateway = new Recorder();
        using var handler = new VisitorAddressHandler(new HttpContextAccessor { HttpContext = context }, configuration) { InnerHandler = gateway };
        using var invoker = new HttpMessageInvoker(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://gateway/api/partners/offers?tenant=kreis-guetersloh");

        using var response = await invoker.SendAsync(request, TestContext.Current.CancellationToken);

        return gateway.Headers!;
    }

    private sealed class Recorder : HttpMessageHandler
    {
        public System.Net.Http.Headers.HttpRequestHeaders? Headers { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Headers = request.Headers;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
