using KimPlatform.Partners.Api.Domain;

namespace KimPlatform.Partners.Api.Apis;

public sealed record BodyRequest(
    BodyKind? Kind, string? Name, string? Description, IReadOnlyList<string>? Topics, string? MeetingRhythm, bool? OpenForSignup,
    IReadOnlyList<MemberBody>? Members);

/// <summary>An organisation (key) with its representative and deputy, or a resident in their own name.</summary>
public sealed record MemberBody(string? OrganisationId, string? OrganisationName, string? Representative, string? Deputy, string? Email);

public sealed record BodyResponse(
    Guid Id, BodyKind Kind, string Name, string? Description, IReadOnlyList<string> Topics, string? MeetingRhythm, bool OpenForSignup,
    IReadOnlyList<MemberBody> Members)
{
    public static BodyResponse From(NetworkBody body) => new(
        body.Id, body.Kind, body.Name, body.Description, body.Topics, body.MeetingRhythm, body.OpenForSignup,
        body.Members.Select(m => new MemberBody(m.OrganisationId, m.OrganisationName, m.Representative, m.Deputy, m.Email)).ToList());
}

/// <summary>What the public page shows of an open group: never its members.</summary>
public sealed record OpenBodyResponse(Guid Id, BodyKind Kind, string Name, string? Description, IReadOnlyList<string> Topics, string? MeetingRhythm)
{
    public static OpenBodyResponse From(NetworkBody body) => new(body.Id, body.Kind, body.Name, body.Description, body.Topics, body.MeetingRhythm);
}

/// <summary>A sign-up from the public page; <c>consent</c> (to be contacted about the groups) must be true.</summary>
public sealed record SignupRequest(string? Name, string? Email, string? Organisation, IReadOnlyList<Guid>? BodyIds, bool? Consent);

public sealed record SignupResponse(Guid Id, Guid BodyId, string Name, string Email, string? Organisation, SignupStatus Status, DateTimeOffset SignedUpAt)
{
    public static SignupResponse From(BodySignup signup) =>
        new(signup.Id, signup.BodyId, signup.Name, signup.Email, signup.Organisation, signup.Status, signup.SignedUpAt);
}

/// <summary>What the person who signed up is told: which sign-ups were recorded (no review data).</summary>
public sealed record SignupReceipt(IReadOnlyList<Guid> SignupIds, SignupStatus Status);
