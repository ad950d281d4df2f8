namespace KimPlatform.Faults.Tests.Support;

/// <summary>What a process of the stack logged (<c>.kim/test/logs/&lt;service&gt;.log</c>) since this object was made.</summary>
internal sealed class ServiceLog
{
    private readonly string _path;
    private readonly long _start;

    private ServiceLog(string path)
    {
        _path = path;
        _start = File.Exists(path) ? new FileInfo(path).Length : 0;
    }

    public static ServiceLog Of(string service) => new(Path.Combine(
        Environment.GetEnvironmentVariable("KIM_TEST_LOG_DIR") is { Length: > 0 } logs
            ? logs
            : throw new InvalidOperationException("KIM_TEST_LOG_DIR is not set: the fault tests run in the fault phase of `./kim test`."),
        service + ".log"));

    public string Service => Path.GetFileNameWithoutExtension(_path);

    /// <summary>The lines written since; the console logger writes one line per entry, a stack trace included.</summary>
    public IReadOnlyList<string> NewLines()
    {
        using var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        file.Seek(_start, SeekOrigin.Begin);
        using var reader = new StreamReader(file);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
