namespace KimPlatform.Seed;

/// <summary>What to seed and where.</summary>
/// <param name="Gateway">The platform's gateway, e.g. http://127.0.0.1:8080.</param>
/// <param name="SigningKey">The development signing key the platform trusts (base64, as in .kim/dev-signing-key).</param>
/// <param name="Cases">Cases over both counties; partners, offers and events come in any case.</param>
/// <param name="TenantSuffix">Appended to the tenant keys (kreis-guetersloh-SUFFIX), so that a test seeds tenants of its own.</param>
/// <param name="RandomSeed">The generator's seed: the same seed gives the same people.</param>
/// <param name="Parallelism">Cases worked on at the same time.</param>
public sealed record SeedOptions(
    Uri Gateway, string SigningKey, int Cases = 300, string? TenantSuffix = null, int RandomSeed = 20261127, int Parallelism = 4)
{
    public const string Usage = """
        usage: KimPlatform.Seed [--gateway URL] [--signing-key-file PATH] [--cases N] [--tenant-suffix S] [--seed N]
          --gateway           the running platform's gateway (default http://127.0.0.1:8080)
          --signing-key-file  the development signing key it trusts (default .kim/dev-signing-key;
                              or the key itself in KIM_DEV_SIGNING_KEY)
          --cases             cases over both counties (default 300, 10 to 5000)
          --tenant-suffix     seed kreis-guetersloh-S and rhein-erft-kreis-S instead (lowercase letters, digits)
          --seed              the name generator's seed (default 20261127)
        """;

    /// <summary>Reads the command line; null with a message when it is wrong.</summary>
    public static SeedOptions? Parse(string[] args, Func<string, string?> environment, out string? error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] is not ("--gateway" or "--signing-key-file" or "--cases" or "--tenant-suffix" or "--seed") || i + 1 >= args.Length)
            {
                error = $"unknown or incomplete argument '{args[i]}'";
                return null;
            }

            values[args[i]] = args[i + 1];
        }

        error = null;
        var gateway = values.GetValueOrDefault("--gateway", "http://127.0.0.1:8080");
        var keyFile = values.GetValueOrDefault("--signing-key-file", Path.Combine(".kim", "dev-signing-key"));
        var key = values.ContainsKey("--signing-key-file") ? null : environment("KIM_DEV_SIGNING_KEY");
        if (string.IsNullOrWhiteSpace(key) && !File.Exists(keyFile))
        {
            error = $"no signing key: {keyFile} does not exist (./kim up creates it)";
        }
        else if (!Uri.TryCreate(gateway, UriKind.Absolute, out _))
        {
            error = $"--gateway '{gateway}' is not an absolute URL";
        }
        else if (!int.TryParse(values.GetValueOrDefault("--cases", "300"), out var cases) || cases is < 10 or > 5000)
        {
            error = "--cases must be a whole number from 10 to 5000";
        }
        else if (values.GetValueOrDefault("--tenant-suffix") is { } suffix && !System.Text.RegularExpressions.Regex.IsMatch(suffix, "^[a-z0-9]{1,30}$"))
        {
            error = "--tenant-suffix must be 1 to 30 lowercase letters or digits";
        }
        else if (!int.TryParse(values.GetValueOrDefault("--seed", "20261127"), out var seed))
        {
            error = "--seed must be a whole number";
        }
        else
        {
            return new SeedOptions(new Uri(gateway), string.IsNullOrWhiteSpace(key) ? File.ReadAllText(keyFile).Trim() : key.Trim(),
                cases, values.GetValueOrDefault("--tenant-suffix"), seed);
        }

        return null;
    }
}
