using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace KimPlatform.Gateway.Tests.Support;

/// <summary>
/// A real OpenID Connect provider: the oidc-provider npm package run by Node (<c>idp/server.mjs</c>, pinned in
/// <c>idp/package-lock.json</c> and installed with <c>npm ci</c> on first use). It can be restarted with other
/// signing keys on the same address, which is how a key rotation at the county's provider looks from outside.
/// </summary>
internal sealed class OidcProvider : IAsyncDisposable
{
    public const string Tenant = "kreis-guetersloh";
    public const string BrowserClientId = "kim-gateway";
    public const string BrowserClientSecret = "gateway-test-secret";
    public const string MachineClientId = "stadt-rietberg-fachverfahren";
    public const string MachineClientSecret = "machine-test-secret";

    private static readonly SemaphoreSlim Install = new(1, 1);
    private readonly string _folder;
    private readonly string _configFile;
    private Process? _node;

    private OidcProvider(int port, string folder)
    {
        Port = port;
        _folder = folder;
        _configFile = Path.Combine(Path.GetTempPath(), $"kim-idp-{Guid.NewGuid():N}.json");
    }

    public int Port { get; }

    /// <summary>Lifetime of access tokens in seconds, from the next (re)start on.</summary>
    public int AccessTokenTtl { get; set; } = 300;

    /// <summary>The issuer, which is also the authority the gateway is configured with.</summary>
    public string Issuer => $"http://127.0.0.1:{Port}";

    /// <summary>Accounts that can sign in: id → (name, tenant, organisation, Keycloak-style realm roles).</summary>
    public static IReadOnlyDictionary<string, object> Accounts { get; } = new Dictionary<string, object>
    {
        ["anna"] = new { name = "Anna Berger", tenant = Tenant, organisation = "caritas-guetersloh", roles = new[] { "case_manager", "offline_access", "default-roles-kim" } },
        ["cora"] = new { name = "Cora Lindner", tenant = Tenant, organisation = "kreis-guetersloh", roles = new[] { "coordinator" } },
    };

    /// <summary>Starts a provider signing with <paramref name="keys"/> (the first signs; all are published).</summary>
    public static async Task<OidcProvider> StartAsync(IReadOnlyList<JsonWebKey> keys, string gatewayAddress = "http://127.0.0.1:1")
    {
        var folder = Folder();
        await EnsureInstalledAsync(folder);
        var provider = new OidcProvider(FreePort(), folder);
        await provider.RunAsync(keys, gatewayAddress);
        return provider;
    }

    /// <summary>A new RSA signing key with its private part, as the provider's configuration wants it.</summary>
    public static JsonWebKey NewKey(string kid)
    {
        using var rsa = RSA.Create(2048);
        var key = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: true)));
        key.Kid = kid;
        key.Alg = SecurityAlgorithms.RsaSha256;
        key.Use = "sig";
        return key;
    }

    /// <summary>Stops the provider and starts it again on the same address with other keys.</summary>
    public async Task RestartAsync(IReadOnlyList<JsonWebKey> keys, string gatewayAddress = "http://127.0.0.1:1")
    {
        await StopAsync();
        await RunAsync(keys, gatewayAddress);
    }

    /// <summary>A client-credentials access token of a municipality's machine client.</summary>
    public async Task<string> MachineTokenAsync(string resource = "urn:kim-platform")
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync($"{Issuer}/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = MachineClientId,
            ["client_secret"] = MachineClientSecret,
            ["scope"] = "kim",
            ["resource"] = resource,
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"token endpoint answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>Chooses the account the next authorization request signs in as.</summary>
    public async Task NextLoginAsync(string account)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync($"{Issuer}/test/next-login", new { account });
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        File.Delete(_configFile);
    }

    private async Task RunAsync(IReadOnlyList<JsonWebKey> keys, string gatewayAddress)
    {
        var config = new
        {
            port = Port,
            keys = keys.Select(PrivateJwk).ToArray(),
            accessTokenTtl = AccessTokenTtl,
            accounts = Accounts,
            clients = new object[]
            {
                new
                {
                    client_id = BrowserClientId,
                    client_secret = BrowserClientSecret,
                    grant_types = new[] { "authorization_code", "refresh_token" },
                    response_types = new[] { "code" },
                    redirect_uris = new[] { $"{gatewayAddress.TrimEnd('/')}/signin-oidc" },
                    post_logout_redirect_uris = new[] { $"{gatewayAddress.TrimEnd('/')}/signout-callback-oidc" },
                },
                new
                {
                    client_id = MachineClientId,
                    client_secret = MachineClientSecret,
                    grant_types = new[] { "client_credentials" },
                    response_types = Array.Empty<string>(),
                    redirect_uris = Array.Empty<string>(),
                    tenant = Tenant,
                    organisation = "stadt-rietberg",
                    roles = new[] { "case_manager", "uma_authorization" },
                },
            },
        };
        await File.WriteAllTextAsync(_configFile, JsonSerializer.Serialize(config));

        var start = new ProcessStartInfo("node", ["server.mjs", _configFile])
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        _node.ErrorDataReceived += (_, _) => { };
        _node.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await _node.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("ready ", StringComparison.Ordinal))
            {
                return;
            }
        }

        throw new InvalidOperationException($"The identity provider exited with {_node.ExitCode} before it was ready.");
    }

    private async Task StopAsync()
    {
        if (_node is { HasExited: false })
        {
            _node.Kill(entireProcessTree: true);
            await _node.WaitForExitAsync();
        }

        _node?.Dispose();
        _node = null;
    }

    private static Dictionary<string, string> PrivateJwk(JsonWebKey key) => new()
    {
        ["kty"] = key.Kty, ["kid"] = key.Kid, ["alg"] = key.Alg, ["use"] = key.Use,
        ["n"] = key.N, ["e"] = key.E, ["d"] = key.D, ["p"] = key.P, ["q"] = key.Q, ["dp"] = key.DP, ["dq"] = key.DQ, ["qi"] = key.QI,
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task EnsureInstalledAsync(string folder)
    {
        await Install.WaitAsync();
        try
        {
            if (!File.Exists(Path.Combine(folder, "node_modules", "oidc-provider", "package.json")))
            {
                await NodeTool.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], folder);
            }
        }
        finally
        {
            Install.Release();
        }
    }

    private static string Folder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "idp");
            if (File.Exists(Path.Combine(candidate, "server.mjs")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No idp/server.mjs above {AppContext.BaseDirectory}: run the tests from the repository.");
    }
}
