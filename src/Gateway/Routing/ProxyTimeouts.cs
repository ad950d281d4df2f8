using Microsoft.AspNetCore.Http.Timeouts;
using Yarp.ReverseProxy.Forwarder;

namespace KimPlatform.Gateway.Routing;

/// <summary>
/// YARP sees a route's timeout as the client going away and answers 400; the caller is owed a 504 (the status code
/// pages turn it into a problem).
/// </summary>
internal static class ProxyTimeouts
{
    public static async Task AnswerGatewayTimeout(HttpContext context, Func<Task> next)
    {
        await next();
        var timedOut = context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true;
        if (timedOut && context.Features.Get<IForwarderErrorFeature>() is not null && !context.Response.HasStarted)
        {
            context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
        }
    }
}
