using Microsoft.Extensions.Caching.Memory;

namespace KimPlatform.Reporting.Api.Application;

/// <summary>
/// Suppressed cubes (and day figures) of recent answers, per tenant, cube, year, threshold and counter versions. The
/// key holds the tenant's <see cref="Domain.CounterVersion"/>s as read at the start of the answer, before any counter,
/// so a cached value is never older than the counters a fresh read would see: a committed change moves a version in
/// its own transaction, and the next answer builds anew. Values of old versions are never asked for again and age out.
/// </summary>
public sealed class FigureCache(IConfiguration configuration) : IDisposable
{
    private readonly MemoryCache _values = new(new MemoryCacheOptions
    {
        // In cells, about 100 bytes each with their dictionaries. The default holds the answers of all 53 KIM bodies of
        // North Rhine-Westphalia for a year (about 1.6 million cells); beyond the limit new values are not kept.
        SizeLimit = configuration.GetValue("Reporting:FigureCacheCells", 2_000_000L),
    });

    /// <param name="Versions">What <see cref="CounterVersions.OfAsync"/> gave for the data the value is built from.</param>
    public readonly record struct Key(string TenantId, string Name, int Year, int Threshold, string Versions);

    /// <summary>The cached value of <paramref name="key"/>, or <paramref name="build"/>'s (cached when there is a key).</summary>
    public async Task<T> GetOrBuildAsync<T>(Key? key, Func<Task<T>> build, Func<T, int> size) where T : class
    {
        if (key is { } cached && _values.TryGetValue(cached, out T? hit) && hit is not null)
        {
            return hit;
        }

        var value = await build();
        if (key is { } store)
        {
            _values.Set(store, value, new MemoryCacheEntryOptions { Size = Math.Max(1, size(value)), SlidingExpiration = TimeSpan.FromMinutes(30) });
        }

        return value;
    }

    public void Dispose() => _values.Dispose();
}
