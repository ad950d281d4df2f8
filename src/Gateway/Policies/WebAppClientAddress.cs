using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace KimPlatform.Gateway.Policies;

/// <summary>
/// The web app renders the portal on the server and calls the gateway for every visitor from its own address, so the
/// anonymous rate limit would count all of the portal's visitors as one client. The web app names the visitor's address in
/// <c>X-Kim-Client-Address</c> together with the key both were given (<c>Gateway:WebApp:ForwardingKey</c> here,
/// <c>Web:ForwardingKey</c> there) in <c>X-Kim-Web-Key</c>; only then is the request counted under that address. Without
/// the key a client cannot choose its bucket, and no <c>X-Kim-*</c> header reaches a service (Routing/InternalHeaders).
/// </summary>
internal static class WebAppClientAddress
{
    public const string AddressHeader = "X-Kim-Client-Address";
    public const string KeyHeader = "X-Kim-Web-Key";

    public static void UseWebAppClientAddress(this WebApplication app)
    {
        if (app.Configuration["Gateway:WebApp:ForwardingKey"] is not { Length: > 0 } configured)
        {
            return;
        }

        if (configured.Length < 32)
        {
            throw new InvalidOperationException("Gateway:WebApp:ForwardingKey must have at least 32 characters.");
        }

        var key = Encoding.UTF8.GetBytes(configured);
        app.Use((context, next) =>
        {
            var headers = context.Request.Headers;
            if (headers[KeyHeader] is [{ } given] && headers[AddressHeader] is [{ } address]
                && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), key)
                && IPAddress.TryParse(address, out var visitor))
            {
                context.Connection.RemoteIpAddress = visitor;
            }

            return next(context);
        });
    }
}
