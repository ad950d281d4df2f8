using Microsoft.Playwright;

namespace KimPlatform.Web.Tests.Browser;

/// <summary>Moving through a page with the Tab key only, as a keyboard user does.</summary>
internal static class Keyboard
{
    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has the focus; fails after <paramref name="limit"/> presses.</summary>
    public static async Task TabToAsync(IPage page, string selector, int limit = 80)
    {
        for (var presses = 0; presses < limit; presses++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"{selector} never got the focus within {limit} presses of Tab.");
    }
}
