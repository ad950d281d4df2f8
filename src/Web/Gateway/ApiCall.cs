using System.Globalization;

namespace KimPlatform.Web.Gateway;

/// <summary>
/// One operation of the gateway's public API as the web app calls it: method, path template, the query parameters it
/// may send, and the shapes it sends and reads. <see cref="GatewayApi"/> declares every one; Web.Tests checks each against
/// the OpenAPI documents the running services serve.
/// </summary>
public abstract record ApiCall(string Method, string Template, IReadOnlyList<string> Query, Type? Request, Type Response)
{
    /// <summary>The path with the template's <c>{…}</c> segments filled in order, and the query parameters that have a value.</summary>
    public string Path(IReadOnlyList<object>? route, IReadOnlyList<(string Name, string? Value)>? query)
    {
        var values = route ?? [];
        var index = 0;
        var path = string.Join('/', Template.Split('/').Select(segment =>
            segment.StartsWith('{')
                ? Uri.EscapeDataString(Convert.ToString(values[index++], CultureInfo.InvariantCulture) ?? "")
                : segment));
        if (index != values.Count)
        {
            throw new ArgumentException($"{Template} takes {index} route values, not {values.Count}.", nameof(route));
        }

        var parameters = (query ?? []).Where(parameter => !string.IsNullOrWhiteSpace(parameter.Value)).ToList();
        if (parameters.FirstOrDefault(parameter => !Query.Contains(parameter.Name)) is { Name: { } unknown })
        {
            throw new ArgumentException($"{Method} {Template} declares no query parameter '{unknown}'.", nameof(query));
        }

        return parameters.Count == 0
            ? path
            : $"{path}?{string.Join('&', parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"))}";
    }
}

/// <summary>An operation without a body.</summary>
public sealed record ApiCall<TResponse>(string Method, string Template, params string[] QueryNames)
    : ApiCall(Method, Template, QueryNames, null, typeof(TResponse));

/// <summary>An operation with a JSON body of <typeparamref name="TRequest"/>.</summary>
public sealed record ApiCall<TRequest, TResponse>(string Method, string Template, params string[] QueryNames)
    : ApiCall(Method, Template, QueryNames, typeof(TRequest), typeof(TResponse));

/// <summary>The body of a command that needs none (<c>{}</c>).</summary>
public sealed record EmptyBody;
