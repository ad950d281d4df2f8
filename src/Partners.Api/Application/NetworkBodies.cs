using KimPlatform.Partners.Api.Domain;
using KimPlatform.Partners.Api.Infrastructure;
using KimPlatform.Security.Authentication;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KimPlatform.Partners.Api.Application;

/// <summary>The network's bodies for coordinators, their public sign-up page, and the review of sign-ups.</summary>
public sealed class NetworkBodies(TenantUnitOfWork work, CallerContext caller, TimeProvider clock)
{
    public Task<NetworkBody> CreateAsync(
        BodyKind kind, string name, string? description, IReadOnlyList<string> topics, string? meetingRhythm, bool open,
        IReadOnlyList<BodyMember> members, CancellationToken cancellationToken)
    {
        var body = NetworkBody.Create(caller.RequiredTenantId, kind, name, description, topics, meetingRhythm, open, members, clock.GetUtcNow());
        return work.RunAsync(async db =>
        {
            db.Bodies.Add(body);
            await db.SaveChangesAsync(cancellationToken);
            return body;
        }, cancellationToken);
    }

    public Task<NetworkBody?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        work.RunAsync(db => db.Bodies.AsNoTracking().FirstOrDefaultAsync(body => body.Id == id, cancellationToken), cancellationToken);

    public Task<List<NetworkBody>> ListAsync(CancellationToken cancellationToken) =>
        work.RunAsync(db => db.Bodies.AsNoTracking().OrderBy(body => body.Name).ToListAsync(cancellationToken), cancellationToken);

    /// <summary>The bodies of <paramref name="tenant"/> open for sign-up, for its anonymous page.</summary>
    public Task<List<NetworkBody>> OpenAsync(string tenant, CancellationToken cancellationToken) =>
        work.For(tenant).RunAsync(
            db => db.Bodies.AsNoTracking().Where(body => body.OpenForSignup).OrderBy(body => body.Name).ToListAsync(cancellationToken),
            cancellationToken);

    /// <summary>
    /// One sign-up per chosen body, all or none: a body that is not open is a 400 on <c>bodyIds</c>, the same e-mail
    /// for the same body again a 409.
    /// </summary>
    public async Task<Change<IReadOnlyList<BodySignup>>> SignUpAsync(
        string tenant, string name, string email, string? organisation, IReadOnlyList<Guid> bodyIds, CancellationToken cancellationToken)
    {
        try
        {
            return await work.For(tenant).RunAsync(async db =>
            {
                var open = await db.Bodies.Where(body => body.OpenForSignup && bodyIds.Contains(body.Id)).Select(body => body.Id)
                    .ToListAsync(cancellationToken);
                if (open.Count != bodyIds.Distinct().Count())
                {
                    return Change<IReadOnlyList<BodySignup>>.Failed(StatusCodes.Status400BadRequest, "Unknown group",
                        "Every bodyIds entry must be a group of this tenant that is open for sign-up.");
                }

                var now = clock.GetUtcNow();
                var signups = open.Select(bodyId => BodySignup.Submit(tenant, bodyId, name, email, organisation, now)).ToList();
                db.Signups.AddRange(signups);
                await db.SaveChangesAsync(cancellationToken);
                await db.RegisterTenantAsync(tenant, cancellationToken);
                return Change<IReadOnlyList<BodySignup>>.Succeeded(signups);
            }, cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Change<IReadOnlyList<BodySignup>>.Failed(StatusCodes.Status409Conflict, "Already signed up",
                "This e-mail address has already signed up for one of these groups.");
        }
    }

    public Task<List<BodySignup>> SignupsAsync(SignupStatus? status, CancellationToken cancellationToken) =>
        work.RunAsync(db => db.Signups.AsNoTracking().Where(signup => status == null || signup.Status == status)
            .OrderBy(signup => signup.SignedUpAt).ToListAsync(cancellationToken), cancellationToken);

    public Task<Change<BodySignup>> DecideAsync(Guid id, bool accept, CancellationToken cancellationToken) =>
        work.RunAsync(async db =>
        {
            var signup = await db.Signups.FirstOrDefaultAsync(candidate => candidate.Id == id, cancellationToken);
            if (signup is null)
            {
                return Change<BodySignup>.NotFound("Sign-up");
            }

            var body = await db.Bodies.FirstAsync(candidate => candidate.Id == signup.BodyId, cancellationToken);
            try
            {
                if (accept)
                {
                    signup.Accept(body, clock.GetUtcNow());
                }
                else
                {
                    signup.Decline(clock.GetUtcNow());
                }
            }
            catch (StatusConflictException conflict)
            {
                return Change<BodySignup>.Failed(StatusCodes.Status409Conflict, "Already decided", conflict.Message);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Change<BodySignup>.Succeeded(signup);
        }, cancellationToken);
}
