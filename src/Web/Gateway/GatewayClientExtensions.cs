namespace KimPlatform.Web.Gateway;

internal static class GatewayClientExtensions
{
    /// <summary>
    /// The typed client of the gateway's public API, at <c>Web:GatewayUrl</c> or Aspire's <c>services:gateway:http:0</c>,
    /// sending the caller's own bearer token.
    /// </summary>
    public static void AddGatewayClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddTransient<CallerTokenHandler>();
        services.AddTransient<VisitorAddressHandler>();
#pragma warning disable EXTEXP0001 // evaluation API; a retried POST would register a person twice, so the caller sees the error instead
        services.AddHttpClient<GatewayClient>(http =>
            {
                var address = configuration["Web:GatewayUrl"] ?? configuration["services:gateway:https:0"] ?? configuration["services:gateway:http:0"]
                    ?? throw new InvalidOperationException("No gateway address: set Web__GatewayUrl or services__gateway__http__0.");
                http.BaseAddress = new Uri(address);
                http.Timeout = TimeSpan.FromSeconds(15);
            })
            .AddHttpMessageHandler<CallerTokenHandler>()
            .AddHttpMessageHandler<VisitorAddressHandler>()
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
    }
}

/// <summary>Forwards the Authorization header of the incoming request (set by the gateway's session) on every API call.</summary>
internal sealed class CallerTokenHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authorization = accessor.HttpContext?.Request.Headers.Authorization.ToString();
        if (!string.IsNullOrEmpty(authorization) && request.Headers.Authorization is null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>
/// Names the visitor's address to the gateway, with the key both share (<c>Web:ForwardingKey</c>), so that the gateway's
/// anonymous rate limit counts each portal visitor rather than the web app, which makes every call from its own address.
/// The visitor's address is the one the forwarded headers of the gateway gave this request.
/// </summary>
internal sealed class VisitorAddressHandler(IHttpContextAccessor accessor, IConfiguration configuration) : DelegatingHandler
{
    public const string AddressHeader = "X-Kim-Client-Address";
    public const string KeyHeader = "X-Kim-Web-Key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (configuration["Web:ForwardingKey"] is { Length: > 0 } key && accessor.HttpContext?.Connection.RemoteIpAddress is { } visitor)
        {
            request.Headers.TryAddWithoutValidation(KeyHeader, key);
            request.Headers.TryAddWithoutValidation(AddressHeader, visitor.ToString());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
