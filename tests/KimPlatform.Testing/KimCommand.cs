using System.Diagnostics;
using Xunit;

namespace KimPlatform.Testing;

/// <summary>Runs the checkout's <c>./kim</c>, found above the test output, as an operator would.</summary>
public static class KimCommand
{
    /// <summary>Runs <c>./kim</c> with the arguments; fails the test unless it exits with 0; returns what it wrote to stdout.</summary>
    public static async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("kim did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"./kim {string.Join(' ', arguments)} failed ({process.ExitCode}): {errors}{await output}");
        return await output;
    }

    private static string Path
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var kim = System.IO.Path.Combine(directory.FullName, "kim");
                if (File.Exists(kim))
                {
                    return kim;
                }
            }

            throw new InvalidOperationException($"No ./kim above {AppContext.BaseDirectory}.");
        }
    }
}
