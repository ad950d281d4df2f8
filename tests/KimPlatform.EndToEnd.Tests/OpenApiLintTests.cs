using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.EndToEnd.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.EndToEnd.Tests;

/// <summary>Every service's OpenAPI document, as the gateway serves it, passes the Redocly CLI's recommended rules and says who may call what.</summary>
public sealed class OpenApiLintTests
{
    [Fact]
    public async Task Lint_EveryServiceDocument_HasNoRedoclyErrors()
    {
        var script = Path.Combine(Repository.Root, "tests", "openapi", "lint.sh");
        var start = new ProcessStartInfo("bash", [script, TestEnvironment.Gateway.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        TestContext.Current.SendDiagnosticMessage(await output);
        Assert.True(process.ExitCode == 0, $"{await output}\n{await error}");
    }

    [Fact]
    public async Task Documents_DeclareBearerScheme_AndEveryOperationSaysWhetherItNeedsIt()
    {
        foreach (var document in await ApiSurface.DocumentsAsync())
        {
            var scheme = document.Body.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
            Assert.Equal(("http", "bearer", "JWT"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString(),
                scheme.GetProperty("bearerFormat").GetString()));
            Assert.All(document.Body.GetProperty("servers").EnumerateArray(), server => Assert.False(server.GetProperty("url").GetString()!.EndsWith('/')));
            Assert.False(string.IsNullOrWhiteSpace(document.Body.GetProperty("info").GetProperty("description").GetString()));
        }

        var operations = await ApiSurface.OperationsAsync();
        Assert.Contains(operations, operation => operation is { Method: "GET", Path: "/api/partners/offers", Public: true });
        Assert.Contains(operations, operation => operation is { Method: "POST", Path: "/api/cases", Public: false });
    }

    [Fact]
    public async Task Reference_PrefersTheBearerScheme()
    {
        var page = await Stack.Gateway().GetStringAsync("/docs/");

        Assert.Contains("\"preferredSecurityScheme", page, StringComparison.Ordinal);
        Assert.Contains("bearer", page, StringComparison.Ordinal);
    }
}
