using KimPlatform.Reporting.Api.Application.Rebuild;
using KimPlatform.Security.Authentication;
using KimPlatform.Security.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KimPlatform.Reporting.Api.Apis;

/// <summary>
/// The operator's rebuild of a tenant's reports (<c>./kim rebuild-reports</c>). It lives outside <c>/api/reports</c>,
/// so the gateway does not route it: only an operator who reaches the service directly, with a tenant admin's token,
/// can start it.
/// </summary>
public static class RebuildApi
{
    public static IEndpointRouteBuilder MapRebuildApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/rebuild", StartRebuild)
            .RequireAuthorization(KimPolicies.TenantAdmin)
            .WithName("StartReportRebuild")
            .ExcludeFromDescription();
        return app;
    }

    public static async Task<Accepted<RebuildStarted>> StartRebuild(CallerContext caller, ReportRebuild rebuild, CancellationToken cancellationToken)
    {
        var tenantId = caller.RequiredTenantId;
        var rebuildId = await rebuild.StartAsync(tenantId, cancellationToken);
        return TypedResults.Accepted((string?)null, new RebuildStarted(rebuildId, tenantId));
    }
}

/// <summary>The rebuild that was started: the read models of the tenant are empty now and fill as the services replay.</summary>
public sealed record RebuildStarted(Guid RebuildId, string TenantId);
