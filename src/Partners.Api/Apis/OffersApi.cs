using System.ComponentModel;
using KimPlatform.Partners.Api.Application;
using KimPlatform.Partners.Api.Application.Queries;
using KimPlatform.Partners.Api.Application.Validation;
using KimPlatform.Partners.Api.Domain;
using KimPlatform.Partners.Api.Extensions;
using KimPlatform.Security.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KimPlatform.Partners.Api.Apis;

public static class OffersApi
{
    public static IEndpointRouteBuilder MapOffersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/partners/offers").WithTags("Offers");

        api.MapGet("/", SearchDirectory).AllowAnonymous().WithName("SearchOfferDirectory").WithSummary("The public offer directory")
            .WithDescription("Published offers of one tenant: anonymous callers name the tenant, authenticated callers get their own. "
                + "German full-text search (stemming, accents and umlaut spellings ignored), filters, paging; lang picks the text's "
                + "language and falls back to German (fallback: true).");
        api.MapGet("/{id:guid}/published", GetPublishedOffer).AllowAnonymous().WithName("GetPublishedOffer")
            .WithSummary("One published offer, as the directory lists it")
            .WithDescription("The offer page of the public directory: anonymous callers name the tenant, authenticated callers get their own. "
                + "lang picks the text's language and falls back to German (fallback: true). Unknown or unpublished → 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/hsds", ExportHsds).AllowAnonymous().WithName("ExportOffersAsHsds")
            .WithSummary("Published offers as Open Referral HSDS 3.0 (organizations, services, locations, languages, schedules)")
            .WithDescription("Anonymous callers name the tenant; authenticated callers get their own. Only published offers.");
        api.MapPost("/", CreateOffer).RequireAuthorization(PartnerPolicies.OfferEditor).WithName("CreateOffer").WithSummary("Create an offer")
            .WithDescription("Partner staff create offers of their own organisation; coordinators name the organisationId. Publishes OfferPublished when published.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/{id:guid}", GetOffer).RequireAuthorization(PartnerPolicies.OfferEditor).WithName("GetOffer")
            .WithSummary("One offer in all its languages, with its ETag, for its editors")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/{id:guid}", ChangeOffer).RequireAuthorization(PartnerPolicies.OfferEditor).WithName("ChangeOffer")
            .WithSummary("Replace an offer")
            .WithDescription("Needs If-Match (absent → 428, stale → 412). Another organisation's offer → 404 for partner staff. "
                + "Publishes OfferPublished while published and OfferWithdrawn when unpublished.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return app;
    }

    public static async Task<Results<Ok<OfferDirectoryPage>, ValidationProblem>> SearchDirectory(
        CallerContext caller, OfferDirectory directory, CancellationToken cancellationToken,
        [Description("The tenant's key; required without a token, ignored with one")] string? tenant = null,
        [Description("Search words (German stemming; umlauts, accents and ae/oe/ue spellings match)")] string? q = null,
        [Description("Only offers with this topic")] string? topic = null,
        [Description("Only offers delivered in this language (ISO 639-1)")] string? language = null,
        [Description("Only offers serving this municipality")] string? municipality = null,
        [Description("Only offers for this target group")] string? targetGroup = null,
        [Description("Language of the titles and descriptions shown (ISO 639-1, default de); German where missing")] string? lang = null,
        int page = 1,
        int pageSize = 50)
    {
        var errors = new FieldErrors();
        var filter = DirectoryRequestValidator.Validate(caller, tenant, q, topic, language, municipality, targetGroup, lang, page, pageSize, errors);
        return filter is null
            ? TypedResults.ValidationProblem(errors.ToDictionary())
            : TypedResults.Ok(await directory.SearchAsync(filter, cancellationToken));
    }

    public static async Task<Results<Ok<DirectoryOffer>, ValidationProblem, ProblemHttpResult>> GetPublishedOffer(
        Guid id, CallerContext caller, OfferDirectory directory, CancellationToken cancellationToken,
        [Description("The tenant's key; required without a token, ignored with one")] string? tenant = null,
        [Description("Language of the title and description shown (ISO 639-1, default de); German where missing")] string? lang = null)
    {
        var errors = new FieldErrors();
        var directoryTenant = caller.TenantId ?? tenant;
        errors.Key(directoryTenant, "tenant");
        if (lang is not null)
        {
            errors.Language(lang, "lang");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var offer = await directory.FindPublishedAsync(directoryTenant!, id, lang ?? Offer.DefaultLanguage, cancellationToken);
        return offer is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Offer not found")
            : TypedResults.Ok(offer);
    }

    public static async Task<Results<Ok<HsdsExport>, ValidationProblem>> ExportHsds(
        CallerContext caller, OfferDirectory directory, CancellationToken cancellationToken,
        [Description("The tenant's key; required without a token, ignored with one")] string? tenant = null)
    {
        var errors = new FieldErrors();
        var directoryTenant = caller.TenantId ?? tenant;
        errors.Key(directoryTenant, "tenant");
        return errors.Any
            ? TypedResults.ValidationProblem(errors.ToDictionary())
            : TypedResults.Ok(await directory.ExportHsdsAsync(directoryTenant!, cancellationToken));
    }

    public static async Task<Results<Created<OfferResponse>, ValidationProblem>> CreateOffer(
        OfferRequest request, OfferAccess access, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var details = OfferRequestValidator.Validate(request, errors);
        var owner = access.OwnerFor(request.OrganisationId);
        errors.Key(owner, "organisationId");
        if (details is null || errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (!await access.IsRegisteredAsync(owner!, cancellationToken))
        {
            errors.Add("organisationId", $"'{owner}' is not a registered organisation of the tenant.");
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var created = await access.CreateAsync(owner!, details, cancellationToken);
        PartnerETag.Set(http, created.Version);
        return TypedResults.Created($"/api/partners/offers/{created.Id}", OfferResponse.From(created));
    }

    public static async Task<Results<Ok<OfferResponse>, ProblemHttpResult>> GetOffer(
        Guid id, OfferAccess access, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await access.FindAsync(id, cancellationToken);
        if (found is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Offer not found");
        }

        PartnerETag.Set(http, found.Version);
        return TypedResults.Ok(OfferResponse.From(found));
    }

    public static async Task<Results<Ok<OfferResponse>, ProblemHttpResult, ValidationProblem>> ChangeOffer(
        Guid id, OfferRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, OfferAccess access, HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var details = OfferRequestValidator.Validate(request, errors);
        if (details is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var result = await access.ChangeAsync(id, ifMatch, details, cancellationToken);
        if (!result.Done)
        {
            return result.Problem;
        }

        PartnerETag.Set(http, result.Value.Version);
        return TypedResults.Ok(OfferResponse.From(result.Value));
    }
}
