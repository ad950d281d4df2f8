using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace KimPlatform.Reporting.Api.Application;

/// <summary>
/// The suppressed cube (or day figures) last built per tenant, cube, year and threshold, with the counter versions it was
/// built under and its <see cref="Built.AsOf"/>: every change committed before that moment is in it. A value of the
/// versions an answer read is fresh. When the versions moved, an answer takes the value it finds if that is at most
/// <c>Reporting:MaxFigureAgeSeconds</c> old and has one rebuild run in the background (docs/decisions.md, "Figures may
/// be seconds old"); otherwise it builds in the request. Concurrent answers that need the same build await one build.
/// </summary>
public sealed class FigureCache(IConfiguration configuration, TimeProvider clock, ILogger<FigureCache> logger) : IDisposable
{
    private readonly MemoryCache _values = new(new MemoryCacheOptions
    {
        // In cells, about 100 bytes each with their dictionaries. The default holds the answers of all 53 KIM bodies of
        // North Rhine-Westphalia for a year (about 1.6 million cells); beyond the limit new values are not kept.
        SizeLimit = configuration.GetValue("Reporting:FigureCacheCells", 2_000_000L),
    });

    private readonly TimeSpan _maxAge = TimeSpan.FromSeconds(configuration.GetValue("Reporting:MaxFigureAgeSeconds", 120.0));
    private readonly ConcurrentDictionary<Key, Lazy<Task<Built>>> _building = new();
    private readonly ConcurrentDictionary<Slot, bool> _refreshing = new();
    private long _builds;

    /// <param name="Versions">What <see cref="CounterVersions.OfAsync"/> gave for the data the value is built from.</param>
    public readonly record struct Key(string TenantId, string Name, int Year, int Threshold, string Versions);

    /// <summary>A value and the moment before its counter versions were read: it holds every change committed before.</summary>
    public sealed record Built(object Value, string Versions, DateTimeOffset AsOf);

    private readonly record struct Slot(string TenantId, string Name, int Year, int Threshold);

    /// <summary>How many values were built so far (in requests and in the background).</summary>
    public long Builds => Interlocked.Read(ref _builds);

    /// <summary>
    /// The value of <paramref name="key"/> read at <paramref name="asOf"/>: cached, or at most the bound old while
    /// <paramref name="refresh"/> builds the new one in the background (unless <paramref name="fresh"/>), or
    /// <paramref name="build"/>'s.
    /// </summary>
    public async Task<(T Value, DateTimeOffset AsOf)> GetOrBuildAsync<T>(
        Key? key, DateTimeOffset asOf, bool fresh, Func<Task<T>> build, Func<T, int> size, Func<Task> refresh) where T : class
    {
        if (key is not { } wanted)
        {
            return (await build(), asOf);
        }

        var slot = new Slot(wanted.TenantId, wanted.Name, wanted.Year, wanted.Threshold);
        if (_values.TryGetValue(slot, out Built? cached) && cached is not null)
        {
            // Built under the same versions, or from versions read after this answer read its own: nothing is missing.
            if (cached.Versions == wanted.Versions || cached.AsOf >= asOf)
            {
                return ((T)cached.Value, cached.AsOf);
            }

            if (!fresh && clock.GetUtcNow() - cached.AsOf <= _maxAge)
            {
                StartRefresh(slot, refresh);
                return ((T)cached.Value, cached.AsOf);
            }
        }

        var lazy = _building.GetOrAdd(wanted, _ => new Lazy<Task<Built>>(() => BuildAsync(wanted, slot, asOf, build, size)));
        try
        {
            var built = await lazy.Value;
            return ((T)built.Value, built.AsOf);
        }
        finally
        {
            _building.TryRemove(KeyValuePair.Create(wanted, lazy));
        }
    }

    private async Task<Built> BuildAsync<T>(Key key, Slot slot, DateTimeOffset asOf, Func<Task<T>> build, Func<T, int> size) where T : class
    {
        Interlocked.Increment(ref _builds);
        var value = await build();
        var built = new Built(value, key.Versions, asOf);
        lock (_values)
        {
            // A slower build of older versions must not replace a newer value.
            if (!_values.TryGetValue(slot, out Built? current) || current is null || current.AsOf <= asOf)
            {
                _values.Set(slot, built, new MemoryCacheEntryOptions { Size = Math.Max(1, size(value)), SlidingExpiration = TimeSpan.FromMinutes(30) });
            }
        }

        return built;
    }

    /// <summary>At most one background rebuild per slot; it runs in a scope of its own, not in the answer's.</summary>
    private void StartRefresh(Slot slot, Func<Task> refresh)
    {
        if (!_refreshing.TryAdd(slot, true))
        {
            return;
        }

        // The answer's execution context (its HttpContext, its cancellation) must not flow into work that outlives it.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await refresh();
                }
                catch (Exception exception)
                {
                    logger.LogWarning(exception, "Rebuilding the {Name} figures of {Year} in the background failed; the next answer builds them", slot.Name, slot.Year);
                }
                finally
                {
                    _refreshing.TryRemove(slot, out _);
                }
            });
        }
    }

    public void Dispose() => _values.Dispose();
}
