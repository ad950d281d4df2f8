using KimPlatform.Cases.Api.Application;
using KimPlatform.Cases.Api.Application.Consents;
using KimPlatform.Cases.Api.Application.Validation;
using KimPlatform.Cases.Api.Domain.Consents;
using KimPlatform.Security.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KimPlatform.Cases.Api.Apis;

/// <summary>Consents in a language the person can read, their receipts, withdrawal, and the tenant's consent texts.</summary>
public static class ConsentsApi
{
    public static IEndpointRouteBuilder MapConsentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases")
            .WithTags("Consents")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/{id:guid}/consents", GiveConsent).RequireAuthorization(KimPolicies.CaseManager)
            .WithName("GiveConsent").WithSummary("Record a consent with the text shown to the person, frozen in its language")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        api.MapPost("/{id:guid}/consents/{consentId:guid}/withdraw", WithdrawConsent).RequireAuthorization(KimPolicies.CaseManager)
            .WithName("WithdrawConsent").WithSummary("Withdraw a consent: no further referrals rely on it; receivers are told to redact")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        api.MapGet("/{id:guid}/consents/{consentId:guid}/receipt", GetReceipt).RequireAuthorization(KimPolicies.CaseManager)
            .WithName("GetConsentReceipt").WithSummary("The text the person agreed to, in their language, for them to keep")
            .WithDescription("JSON by default; with Accept: text/html a printable page, right to left for Arabic and Persian.")
            // One 200 per operation in the document: the JSON one, which API clients read; the page is in the description.
            .Produces<ConsentReceipt>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/consent-templates", GetTemplate).RequireAuthorization(KimPolicies.Member)
            .WithName("GetConsentTemplate").WithSummary("The current consent text for a key and language")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/consent-templates", PublishTemplate).RequireAuthorization(KimPolicies.TenantAdmin)
            .WithName("PublishConsentTemplate").WithSummary("Publish the tenant's next version of a consent text");
        return app;
    }

    public static async Task<Results<Created<ConsentResponse>, ProblemHttpResult, ValidationProblem>> GiveConsent(
        Guid id, ConsentRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, CaseAccess access, ConsentTexts texts,
        HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        CaseRequestValidators.Consent(request, access.Today, errors);
        var consent = errors.Any ? null : await texts.FreezeAsync(request, errors, cancellationToken);
        if (consent is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var result = await access.ChangeAsync(id, ifMatch, "consent", ["consents"], c => c.GiveConsent(consent, access.Now), cancellationToken);
        if (!result.Done)
        {
            return result.Problem!;
        }

        CaseETag.Set(http, result.Case);
        return TypedResults.Created($"/api/cases/{id}/consents/{consent.Id}", CaseResponse.ConsentFrom(consent));
    }

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult, ValidationProblem>> WithdrawConsent(
        Guid id, Guid consentId, [FromHeader(Name = "If-Match")] string? ifMatch, CaseAccess access, HttpContext http, CancellationToken cancellationToken) =>
        access.ChangeCaseAsync(id, ifMatch, "consent-withdraw", ["consents"], new FieldErrors(), http,
            c => c.WithdrawConsent(consentId, access.Now), cancellationToken);

    public static async Task<Results<Ok<ConsentReceipt>, HtmlPageResult, ProblemHttpResult>> GetReceipt(
        Guid id, Guid consentId, CaseAccess access, HttpRequest request, CancellationToken cancellationToken)
    {
        var found = await access.ReadAsync(id, "consent-receipt", ["consents"], cancellationToken);
        if (found?.Consents.FirstOrDefault(candidate => candidate.Id == consentId) is not { } consent)
        {
            return CaseProblems.NotFound();
        }

        var receipt = ConsentReceipt.From(consent);
        var wantsHtml = request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        return wantsHtml
            ? new HtmlPageResult(ConsentReceiptPage.Render(receipt))
            : TypedResults.Ok(receipt);
    }

    public static async Task<Results<Ok<ConsentTemplateText>, ProblemHttpResult>> GetTemplate(
        ConsentTexts texts, CancellationToken cancellationToken, string language = "de", string key = DefaultConsentTemplates.Key)
    {
        var template = await texts.CurrentAsync(key, language, cancellationToken);
        return template is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such consent text")
            : TypedResults.Ok(template);
    }

    public static async Task<Results<Created<ConsentTemplateText>, ValidationProblem>> PublishTemplate(
        ConsentTemplateRequest request, ConsentTexts texts, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        CaseRequestValidators.ConsentTemplate(request, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var text = await texts.PublishAsync(request, cancellationToken);
        return TypedResults.Created($"/api/cases/consent-templates?key={text.Key}&language={text.Language}", text);
    }
}
