namespace KimPlatform.Gateway.Authentication;

/// <summary>Where a sign-in may send the browser afterwards: a path on this gateway, never another site.</summary>
internal static class ReturnUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url.Length <= 2048
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl)
        && !url.Contains('\\', StringComparison.Ordinal);
}
