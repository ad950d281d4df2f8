using KimPlatform.Seed;
using KimPlatform.Seed.Api;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(SeedOptions.Usage);
    return 0;
}

var options = SeedOptions.Parse(args, Environment.GetEnvironmentVariable, out var error);
if (options is null)
{
    Console.Error.WriteLine($"seed: {error}");
    Console.Error.WriteLine(SeedOptions.Usage);
    return 2;
}

try
{
    var summary = await Seeder.RunAsync(options, Console.Out);
    Console.WriteLine();
    Console.Write(summary.Render());
    Console.WriteLine();
    Console.WriteLine($"Dashboard: {new Uri(options.Gateway, "/reports/dashboard")} (a coordinator's token: ./kim token --tenant kreis-guetersloh --org ki-guetersloh --role coordinator)");
    return 0;
}
catch (Exception e) when (e is SeedException or HttpRequestException)
{
    Console.Error.WriteLine($"seed: {e.Message}");
    return 1;
}
