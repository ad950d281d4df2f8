using System.Net;

namespace KimPlatform.Gateway.Tests.Support;

/// <summary>
/// A browser as far as the gateway's sign-in needs one: follows redirects across the gateway and the provider, and
/// keeps cookies per host and port. It sends Secure cookies over plain http to 127.0.0.1 as Chromium does for
/// loopback addresses, and records every Set-Cookie line so that tests can check the flags.
/// </summary>
internal sealed class Browser : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
    private readonly Dictionary<string, Dictionary<string, string>> _jar = new(StringComparer.Ordinal);

    public List<string> SetCookieLines { get; } = [];

    /// <summary>Every address visited, in order.</summary>
    public List<Uri> Visited { get; } = [];

    /// <summary>Sends a request and follows redirects (GET) until an answer that is not one.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, int maxRedirects = 15)
    {
        var response = await SendOnceAsync(request);
        for (var i = 0; i < maxRedirects && (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location; i++)
        {
            var next = location.IsAbsoluteUri ? location : new Uri(request.RequestUri!, location);
            response.Dispose();
            request = new HttpRequestMessage(HttpMethod.Get, next);
            response = await SendOnceAsync(request);
        }

        return response;
    }

    public Task<HttpResponseMessage> GetAsync(Uri address) => SendAsync(new HttpRequestMessage(HttpMethod.Get, address));

    /// <summary>Sends one request without following its redirect.</summary>
    public async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request)
    {
        Visited.Add(request.RequestUri!);
        if (_jar.TryGetValue(request.RequestUri!.Authority, out var cookies) && cookies.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", cookies.Select(cookie => $"{cookie.Key}={cookie.Value}")));
        }

        var response = await _http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var lines))
        {
            foreach (var line in lines)
            {
                SetCookieLines.Add(line);
                Store(request.RequestUri.Authority, line);
            }
        }

        return response;
    }

    public string? Cookie(Uri site, string name) =>
        _jar.TryGetValue(site.Authority, out var cookies) && cookies.TryGetValue(name, out var value) ? value : null;

    public void SetCookie(Uri site, string name, string value)
    {
        if (!_jar.TryGetValue(site.Authority, out var cookies))
        {
            _jar[site.Authority] = cookies = new(StringComparer.Ordinal);
        }

        cookies[name] = value;
    }

    public void Dispose() => _http.Dispose();

    private void Store(string authority, string line)
    {
        var parts = line.Split(';', StringSplitOptions.TrimEntries);
        var separator = parts[0].IndexOf('=', StringComparison.Ordinal);
        var name = parts[0][..separator];
        var value = parts[0][(separator + 1)..];
        var expired = parts.Any(part =>
            part.Equals("max-age=0", StringComparison.OrdinalIgnoreCase)
            || (part.StartsWith("expires=", StringComparison.OrdinalIgnoreCase)
                && DateTimeOffset.TryParse(part[8..], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var expires)
                && expires < DateTimeOffset.UtcNow));
        if (expired || value.Length == 0)
        {
            if (_jar.TryGetValue(authority, out var existing))
            {
                existing.Remove(name);
            }

            return;
        }

        SetCookie(new Uri("http://" + authority), name, value);
    }
}
