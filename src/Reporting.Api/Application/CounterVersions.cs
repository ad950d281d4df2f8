using KimPlatform.Reporting.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Reporting.Api.Application;

/// <summary>
/// The caller's tenant's <see cref="Domain.CounterVersion"/>s, read once per answer and before any counter, so that a
/// cube cached under them holds at least every change they stand for.
/// </summary>
public sealed class CounterVersions(ReportingDbContext db, TimeProvider clock)
{
    private Dictionary<int, long>? _byYear;
    private long _epoch;

    /// <summary>Taken just before the versions are read: every change committed before it is in what they stand for.</summary>
    public DateTimeOffset ReadAt { get; private set; }

    /// <summary>What the counters of <paramref name="year"/> (or, with <paramref name="andBefore"/>, of every year up to it) depend on.</summary>
    public async Task<string> OfAsync(int year, bool andBefore, CancellationToken cancellationToken)
    {
        if (_byYear is null)
        {
            ReadAt = clock.GetUtcNow();
            var rows = await db.CounterVersions.AsNoTracking().Select(version => new { version.Year, version.Version }).ToListAsync(cancellationToken);
            _byYear = rows.ToDictionary(row => row.Year, row => row.Version);
            _epoch = await db.Database.SqlQueryRaw<long>("SELECT last_value AS \"Value\" FROM counter_truncations").SingleAsync(cancellationToken);
        }

        var years = _byYear.Where(pair => andBefore ? pair.Key <= year : pair.Key == year).OrderBy(pair => pair.Key);
        return string.Join(',', years.Select(pair => $"{pair.Key}:{pair.Value}").Prepend($"e{_epoch}"));
    }
}
