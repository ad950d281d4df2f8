using System.ComponentModel;
using System.Diagnostics;

namespace KimPlatform.Gateway.Tests.Support;

/// <summary>Runs a Node.js tool to its end; without Node the test fails and says how to install it.</summary>
internal static class NodeTool
{
    public static async Task RunAsync(string program, string[] arguments, string folder)
    {
        Process process;
        try
        {
            process = Process.Start(new ProcessStartInfo(program, arguments)
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"The identity provider tests run oidc-provider and need Node.js and npm on the PATH ({program}: {exception.Message}). " +
                "Install them, e.g. `apt-get install nodejs npm`.", exception);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"`{program} {string.Join(' ', arguments)}` in {folder} failed: {await error}{await output}");
        }
    }
}
