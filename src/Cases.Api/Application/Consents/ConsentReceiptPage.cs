using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using KimPlatform.Cases.Api.Apis;

namespace KimPlatform.Cases.Api.Application.Consents;

/// <summary>The receipt as a printable page, written right to left where the language is, for the person to take home.</summary>
internal static class ConsentReceiptPage
{
    // Every script left as it is (only markup characters escaped), so Arabic and Cyrillic print as text, not entities.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(ConsentReceipt receipt)
    {
        var paragraphs = string.Concat(receipt.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => $"<p>{Encoder.Encode(line)}</p>\n"));
        var withdrawn = receipt.WithdrawnAt is { } at
            ? $"<p class=\"withdrawn\">✗ {at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}</p>\n"
            : "";
        return $$"""
            <!doctype html>
            <html lang="{{Encoder.Encode(receipt.Language)}}" dir="{{Encoder.Encode(receipt.Direction)}}">
            <head>
            <meta charset="utf-8">
            <title>{{Encoder.Encode(receipt.Title)}}</title>
            <style>
              body { font-family: "Noto Sans", "Noto Naskh Arabic", "DejaVu Sans", sans-serif; max-width: 42rem; margin: 2rem auto; line-height: 1.6; }
              h1 { font-size: 1.4rem; }
              footer { margin-top: 2rem; font-size: 0.8rem; color: #555; direction: ltr; text-align: left; }
              .withdrawn { color: #a00; font-weight: bold; }
            </style>
            </head>
            <body>
            <h1>{{Encoder.Encode(receipt.Title)}}</h1>
            {{paragraphs}}{{withdrawn}}<footer>{{receipt.GivenAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}} · {{Encoder.Encode(receipt.Form.ToString().ToLowerInvariant())}} · {{Encoder.Encode(receipt.TemplateKey)}} v{{receipt.TemplateVersion}} · {{receipt.ConsentId}}</footer>
            </body>
            </html>
            """;
    }
}
