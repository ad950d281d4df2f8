using System.Net.Mail;
using System.Text.RegularExpressions;
using KimPlatform.Events.Api.Apis;
using KimPlatform.Events.Api.Domain;

namespace KimPlatform.Events.Api.Application.Validation;

/// <summary>Turns requests into domain input, or collects every field error.</summary>
public static partial class EventRequestValidators
{
    public const int MaxCapacity = 10_000;

    public static EventPlan? Schedule(ScheduleEventRequest request, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        var title = errors.Text(request.Title, "title", 200);
        var format = errors.Required(request.Format, "format");
        var startsAt = errors.Timestamp(request.StartsAt, "startsAt");
        var endsAt = errors.Timestamp(request.EndsAt, "endsAt");
        var venue = errors.Text(request.Venue, "venue", 300);
        var capacity = errors.Range(request.Capacity, "capacity", 1, MaxCapacity);
        var opensAt = errors.Timestamp(request.RegistrationOpensAt, "registrationOpensAt", required: false);
        var closesAt = errors.Timestamp(request.RegistrationClosesAt, "registrationClosesAt", required: false);
        var isPublic = errors.Required(request.Public, "public");

        if (startsAt is not null && endsAt is not null && endsAt <= startsAt)
        {
            errors.Add("endsAt", "Must be after startsAt.");
        }

        if (opensAt is not null && closesAt is not null && closesAt <= opensAt)
        {
            errors.Add("registrationClosesAt", "Must be after registrationOpensAt.");
        }

        if (closesAt is not null && endsAt is not null && closesAt > endsAt)
        {
            errors.Add("registrationClosesAt", "Must not be after the end of the event.");
        }

        var sessions = new List<SessionPlan>();
        var sessionMax = capacity is >= 1 and <= MaxCapacity ? capacity.Value : MaxCapacity;
        if (request.Sessions is { Count: > 50 })
        {
            errors.Add("sessions", "At most 50 sessions.");
        }
        else
        {
            foreach (var (session, index) in (request.Sessions ?? []).Select((session, index) => (session, index)))
            {
                if (session is null)
                {
                    errors.Add($"sessions[{index}]", "This field is required.");
                    continue;
                }

                var sessionTitle = errors.Text(session.Title, $"sessions[{index}].title", 200);
                var sessionCapacity = errors.Range(session.Capacity, $"sessions[{index}].capacity", 1, sessionMax);
                if (sessionTitle is not null && sessionCapacity is not null)
                {
                    sessions.Add(new SessionPlan(sessionTitle, sessionCapacity.Value));
                }
            }
        }

        var languages = Languages(request.Languages, "languages", errors);
        return errors.Any
            ? null
            : new EventPlan(title!, format!.Value, startsAt!.Value, endsAt!.Value, venue!, capacity!.Value, opensAt, closesAt,
                sessions, languages, isPublic!.Value);
    }

    public static Applicant? Register(RegisterRequest request, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        var name = errors.Text(request.Name, "name", 200);
        var email = errors.Text(request.Email, "email", 254);
        if (email is not null && !IsEmail(email))
        {
            errors.Add("email", "Not an e-mail address.");
        }

        var organisation = errors.Text(request.Organisation, "organisation", 200, required: false);
        var group = errors.Required(request.ParticipantGroup, "participantGroup");
        var interpreter = string.IsNullOrWhiteSpace(request.Needs?.InterpreterLanguage) ? null : request.Needs.InterpreterLanguage.Trim();
        if (interpreter is not null && !LanguageCode().IsMatch(interpreter))
        {
            errors.Add("needs.interpreterLanguage", "A language code such as ar, fa or uk.");
        }

        var accessibility = errors.Text(request.Needs?.Accessibility, "needs.accessibility", 500, required: false);
        var sessionIds = request.SessionIds ?? [];
        if (sessionIds.Count > 50)
        {
            errors.Add("sessionIds", "At most 50 sessions.");
        }

        var consentLanguage = request.ConsentLanguage ?? RegistrationConsent.DefaultLanguage;
        var consentText = RegistrationConsent.Text(consentLanguage);
        if (consentText is null)
        {
            errors.Add("consentLanguage", $"One of: {string.Join(", ", RegistrationConsent.Languages)}.");
        }

        if (request.ProcessingConsent is not true)
        {
            errors.Add("processingConsent", "Registration needs consent to the processing of the data given.");
        }

        return errors.Any
            ? null
            : new Applicant(name!, email!, organisation, group!.Value,
                new Needs(interpreter, accessibility, request.Needs?.Childcare ?? false),
                sessionIds.Distinct().ToArray(), request.PhotoConsent ?? false, consentText!);
    }

    /// <summary>A tenant key as the identity provider issues them (<c>kreis-guetersloh</c>).</summary>
    public static string? Tenant(string? tenant, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(tenant))
        {
            errors.Add("tenant", "Anonymous callers name the tenant (the KIM body whose events they want).");
            return null;
        }

        if (!TenantKey().IsMatch(tenant))
        {
            errors.Add("tenant", "A tenant key: lowercase letters, digits and hyphens.");
            return null;
        }

        return tenant;
    }

    public static void Paging(int page, int pageSize, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.Range(page, "page", 1, int.MaxValue);
        errors.Range(pageSize, "pageSize", 1, 200);
    }

    private static IReadOnlyList<string> Languages(IReadOnlyList<string>? values, string field, FieldErrors errors)
    {
        if (values is { Count: > 20 })
        {
            errors.Add(field, "At most 20 languages.");
            return [];
        }

        foreach (var (value, index) in (values ?? []).Select((value, index) => (value, index)))
        {
            if (value is null || !LanguageCode().IsMatch(value))
            {
                errors.Add($"{field}[{index}]", "A language code such as de, ar or uk.");
            }
        }

        return (values ?? []).Distinct().ToArray();
    }

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex TenantKey();
}
