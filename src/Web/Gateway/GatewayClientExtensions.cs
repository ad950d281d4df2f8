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
#pragma warning disable EXTEXP0001 // evaluation API; a retried POST would register a person twice, so the caller sees the error instead
        services.AddHttpClient<GatewayClient>(http =>
            {
                var address = configuration["Web:GatewayUrl"] ?? configuration["services:gateway:https:0"] ?? configuration["services:gateway:http:0"]
                    ?? throw new InvalidOperationException("No gateway address: set Web__GatewayUrl or services__gateway__http__0.");
                http.BaseAddress = new Uri(address);
                http.Timeout = TimeSpan.FromSeconds(15);
            })
            .AddHttpMessageHandler<CallerTokenHandler>()
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
