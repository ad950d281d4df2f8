using System.Diagnostics;
using System.Text.Json;

namespace KimPlatform.Events.Api.Tests.Support;

/// <summary>
/// An independent iCalendar parser: the ical.js npm package (pinned in <c>ical/package-lock.json</c>), run by Node.
/// It is installed with <c>npm ci</c> on first use. Without Node the tests fail and say so; they never skip.
/// </summary>
internal static class IcalJs
{
    private static readonly SemaphoreSlim Install = new(1, 1);

    public static async Task<JsonElement> ParseAsync(string ics)
    {
        var folder = Folder();
        await EnsureInstalledAsync(folder);
        var (exit, output, error) = await RunAsync("node", ["parse.mjs"], folder, ics);
        Assert.True(exit == 0, $"ical.js could not parse the calendar: {error}\n{ics}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static async Task EnsureInstalledAsync(string folder)
    {
        await Install.WaitAsync();
        try
        {
            if (File.Exists(Path.Combine(folder, "node_modules", "ical.js", "package.json")))
            {
                return;
            }

            var (exit, _, error) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], folder);
            Assert.True(exit == 0, $"`npm ci` in {folder} failed: {error}");
        }
        finally
        {
            Install.Release();
        }
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string program, string[] arguments, string folder, string? input = null)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException(
                $"The iCalendar tests parse the output with ical.js and need Node.js and npm on the PATH ({program}: {exception.Message}). " +
                "Install them, e.g. `apt-get install nodejs npm`.", exception);
        }

        using (process)
        {
            await process.StandardInput.WriteAsync(input ?? "");
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output, await error);
        }
    }

    private static string Folder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "ical");
            if (File.Exists(Path.Combine(candidate, "parse.mjs")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No ical/parse.mjs above {AppContext.BaseDirectory}: run the tests from the repository.");
    }
}
