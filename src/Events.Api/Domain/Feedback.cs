using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Events.Api.Domain;

/// <summary>
/// One participant's answer to the event's short survey. Anonymous on purpose: it keeps no registration, no time and
/// no order of arrival, so an answer cannot be traced back to who gave it.
/// </summary>
public sealed class Feedback
{
    private Feedback()
    {
    }

    public Feedback(int rating, string? good, string? improve)
    {
        Rating = rating;
        Good = good;
        Improve = improve;
    }

    /// <summary>1 (poor) to 5 (very good).</summary>
    public int Rating { get; private set; }

    [NotPersonalData("anonymous evaluation, stored without a link to the registration")]
    public string? Good { get; private set; }
    [NotPersonalData("anonymous evaluation, stored without a link to the registration")]
    public string? Improve { get; private set; }
}
