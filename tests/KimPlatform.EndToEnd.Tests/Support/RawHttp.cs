using System.Net.Sockets;
using System.Text;

namespace KimPlatform.EndToEnd.Tests.Support;

/// <summary>
/// Sends a request line exactly as written. HttpClient (through System.Uri) removes <c>..</c> segments and decodes
/// <c>%2e</c> before sending, so a path trick has to bypass it to reach the gateway at all.
/// </summary>
internal static class RawHttp
{
    public static async Task<(int Status, string Body)> SendAsync(Uri server, string method, string rawTarget, params string[] headers)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        await using var stream = tcp.GetStream();
        var request = new StringBuilder()
            .Append(System.Globalization.CultureInfo.InvariantCulture, $"{method} {rawTarget} HTTP/1.1\r\n")
            .Append(System.Globalization.CultureInfo.InvariantCulture, $"Host: {server.Authority}\r\n")
            .Append("Connection: close\r\n");
        foreach (var header in headers)
        {
            request.Append(header).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.Append("\r\n").ToString()));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var statusLine = response[..Math.Max(0, response.IndexOf("\r\n", StringComparison.Ordinal))];
        var parts = statusLine.Split(' ');
        return (parts.Length > 1 && int.TryParse(parts[1], out var status) ? status : 0, response);
    }
}
