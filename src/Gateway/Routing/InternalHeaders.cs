using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace KimPlatform.Gateway.Routing;

/// <summary>
/// Headers a client must not be able to send to a service through the gateway. The services trust the gateway's
/// <c>X-Forwarded-*</c> (YARP replaces any a client sent with its own) and nothing else of this kind.
/// </summary>
internal static class InternalHeaders
{
    /// <summary>Removed by name from every proxied request.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "Forwarded", "X-Original-For", "X-Original-Proto", "X-Original-Host", "X-Original-Prefix",
        "X-Real-IP", "X-Client-IP", "True-Client-IP", "X-Forwarded-Server", "X-Forwarded-Port", "X-ProxyUser-Ip",
        "X-Tenant", "X-Tenant-Id", "X-Org", "X-Organisation", "X-User", "X-User-Id", "X-Roles",
        "X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override",
    ];

    /// <summary>Any header with this prefix is the gateway's own (for instance the browser session's <c>X-KIM-CSRF</c>).</summary>
    public const string GatewayPrefix = "X-Kim-";

    public static void StripFromClients(TransformBuilderContext context) =>
        context.AddRequestTransform(transform =>
        {
            var headers = transform.ProxyRequest.Headers;
            foreach (var name in Names)
            {
                headers.Remove(name);
            }

            foreach (var name in headers.Select(header => header.Key)
                         .Where(name => name.StartsWith(GatewayPrefix, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                headers.Remove(name);
            }

            return ValueTask.CompletedTask;
        });
}
