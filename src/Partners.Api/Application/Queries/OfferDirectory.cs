using KimPlatform.Contracts;
using System.Data.Common;
using System.Text;
using KimPlatform.Partners.Api.Apis;
using KimPlatform.Partners.Api.Domain;
using KimPlatform.Partners.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace KimPlatform.Partners.Api.Application.Queries;

/// <summary>
/// The public offer directory: published offers of one tenant, found through the <c>directory</c> view (German stemming,
/// accents ignored, ä/ö/ü also matched as ae/oe/ue, all words required; filters by containment). The view reads
/// <c>directory_entries</c> with its owner's rights so that the GIN indexes answer the search under row-level security;
/// it holds the tenant condition itself (see the migration <c>DirectorySearchPath</c>).
/// </summary>
public sealed class OfferDirectory(TenantUnitOfWork work)
{
    /// <summary>Totals are counted up to this many; a larger result says so (<c>totalCapped</c>) instead of counting on.</summary>
    public const int TotalCap = 1000;

    public Task<OfferDirectoryPage> SearchAsync(DirectoryFilter filter, CancellationToken cancellationToken) =>
        work.For(filter.Tenant).RunAsync(async db =>
        {
            var (where, parameters) = Conditions(filter);
            var counted = Convert.ToInt32(
                await ScalarAsync(db, $"SELECT count(*) FROM (SELECT FROM directory o WHERE {where} LIMIT {TotalCap + 1}) m", parameters, cancellationToken),
                System.Globalization.CultureInfo.InvariantCulture);
            var order = filter.Q is null ? "o.created_at DESC, o.id" : "ts_rank(o.search_vector, " + Query + ") DESC, o.created_at DESC, o.id";
            var ids = await IdsAsync(db,
                $"SELECT o.id FROM directory o WHERE {where} ORDER BY {order} LIMIT {filter.PageSize} OFFSET {(filter.Page - 1) * filter.PageSize}",
                parameters, cancellationToken);

            var offers = await db.Offers.AsNoTracking().Where(offer => ids.Contains(offer.Id)).ToListAsync(cancellationToken);
            var owners = offers.Select(offer => offer.OrganisationId).Distinct().ToList();
            var names = await db.Organisations.AsNoTracking().Where(o => owners.Contains(o.Id))
                .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
            var items = ids.Select(id => offers.Single(offer => offer.Id == id))
                .Select(offer => DirectoryOffer.From(offer, names.GetValueOrDefault(offer.OrganisationId), filter.Lang))
                .ToList();
            return new OfferDirectoryPage(items, filter.Page, filter.PageSize, Math.Min(counted, TotalCap), counted > TotalCap);
        }, cancellationToken);

    /// <summary>One published offer of the tenant as the directory lists it; null when it is unknown or not published.</summary>
    public Task<DirectoryOffer?> FindPublishedAsync(string tenant, Guid id, string lang, CancellationToken cancellationToken) =>
        work.For(tenant).RunAsync<DirectoryOffer?>(async db =>
        {
            var offer = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && o.Published, cancellationToken);
            if (offer is null)
            {
                return null;
            }

            var name = await db.Organisations.AsNoTracking().Where(o => o.Id == offer.OrganisationId).Select(o => o.Name)
                .FirstOrDefaultAsync(cancellationToken);
            return DirectoryOffer.From(offer, name, lang);
        }, cancellationToken);

    /// <summary>Every published offer of the tenant with its organisation, as HSDS 3.0 for directory apps to import.</summary>
    public Task<HsdsExport> ExportHsdsAsync(string tenant, CancellationToken cancellationToken) =>
        work.For(tenant).RunAsync(async db =>
        {
            var offers = await db.Offers.AsNoTracking().Where(offer => offer.Published).OrderBy(offer => offer.Id).ToListAsync(cancellationToken);
            var owners = offers.Select(offer => offer.OrganisationId).Distinct().ToList();
            var organisations = await db.Organisations.AsNoTracking().Where(o => owners.Contains(o.Id)).OrderBy(o => o.Id).ToListAsync(cancellationToken);
            return HsdsRenderer.Render(tenant, offers, organisations);
        }, cancellationToken);

    // Every word, in its written or umlaut-folded form (Müttercafé ↔ muettercafe); see the migration's kim_search_query.
    private const string Query = "kim_search_query(@q)";

    private static (string Where, List<NpgsqlParameter> Parameters) Conditions(DirectoryFilter filter)
    {
        var where = new StringBuilder("o.tenant_id = @tenant");
        var parameters = new List<NpgsqlParameter> { new("tenant", filter.Tenant) };
        if (filter.Q is not null)
        {
            where.Append(" AND o.search_vector @@ ").Append(Query);
            parameters.Add(new NpgsqlParameter("q", filter.Q));
        }

        Contains("topics", "topic", filter.Topic);
        Contains("languages", "language", filter.Language);
        Contains("municipalities", "municipality", filter.Municipality);
        Contains("target_groups", "target_group", filter.TargetGroup is { } group ? ContractValue.Of(group) : null);
        return (where.ToString(), parameters);

        void Contains(string column, string parameter, string? value)
        {
            if (value is not null)
            {
                where.Append(" AND o.").Append(column).Append(" @> ARRAY[@").Append(parameter).Append("]::text[]");
                parameters.Add(new NpgsqlParameter(parameter, value));
            }
        }
    }

    private static async Task<object?> ScalarAsync(
        PartnersDbContext db, string sql, IEnumerable<NpgsqlParameter> parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(db, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task<List<Guid>> IdsAsync(
        PartnersDbContext db, string sql, IEnumerable<NpgsqlParameter> parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(db, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    // Runs on the unit of work's connection and transaction, so row-level security applies as to everything else.
    private static DbCommand Command(PartnersDbContext db, string sql, IEnumerable<NpgsqlParameter> parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }

        return command;
    }
}
