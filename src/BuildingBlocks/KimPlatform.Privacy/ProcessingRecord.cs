using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace KimPlatform.Privacy;

/// <summary>
/// The record of processing activities (Verzeichnis von Verarbeitungstätigkeiten, Art. 30 (1) GDPR), built from the
/// field declarations and the activities' descriptions, in German, as Markdown and as a print-friendly HTML page.
/// The output depends only on its input, so a test can compare it with the committed copy.
/// </summary>
public static class ProcessingRecord
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; font-size: 10.5pt; line-height: 1.4; margin: 2em; color: #111; }
        h1 { font-size: 18pt; } h2 { font-size: 14pt; border-bottom: 1px solid #999; margin-top: 2em; } h3 { font-size: 11.5pt; }
        table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
        th, td { border: 1px solid #999; padding: 2px 4px; vertical-align: top; text-align: left; }
        th { background: #eee; } tr { page-break-inside: avoid; } thead { display: table-header-group; }
        @page { size: A4 landscape; margin: 1.5cm; }
        @media print { body { margin: 0; } h2 { page-break-before: always; } h2:first-of-type { page-break-before: avoid; } }
        """;

    /// <summary>The record as Markdown.</summary>
    public static string Markdown(IReadOnlyList<FieldDeclaration> fields) => ToMarkdown(Build(fields));

    /// <summary>The record as one HTML page with a strict Content-Security-Policy and no external resources.</summary>
    public static string Html(IReadOnlyList<FieldDeclaration> fields) => ToHtml(Build(fields));

    private abstract record Block;
    private sealed record Heading(int Level, string Text) : Block;
    private sealed record Paragraph(string Text) : Block;
    private sealed record Items(IReadOnlyList<string> Lines) : Block;
    private sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : Block;

    private static List<Block> Build(IReadOnlyList<FieldDeclaration> fields)
    {
        var personal = fields.Where(field => field.Personal is not null)
            .DistinctBy(field => (field.Service, field.Owner, field.Property))
            .OrderBy(field => field.Service, StringComparer.Ordinal).ThenBy(field => field.Owner, StringComparer.Ordinal)
            .ThenBy(field => field.Property, StringComparer.Ordinal).ToList();
        var blocks = new List<Block>
        {
            new Heading(1, "Verzeichnis von Verarbeitungstätigkeiten (Art. 30 Abs. 1 DSGVO) – KIM-Plattform"),
            new Paragraph("Dieses Verzeichnis wird aus dem Quellcode erzeugt (`./kim privacy-record`): Jedes Feld, das personenbezogene Daten "
                + "enthalten kann, trägt eine Deklaration mit Kategorie, Zweck, Rechtsgrundlage, Empfängern, Speicherdauer und Löschweg. "
                + "Ein Test schlägt fehl, wenn ein Feld keine Deklaration hat oder dieses Verzeichnis nicht mehr dem Code entspricht."),
            new Items([
                "Verantwortlicher: der jeweilige Mandant (Kreis oder kreisfreie Stadt) bzw. die fallführende Organisation; Name, Anschrift und Kontakt des Datenschutzbeauftragten trägt der Mandant ein.",
                "Auftragsverarbeiter: die IT des Kreises bzw. der beauftragte Rechenzentrumsbetrieb, der die Plattform betreibt.",
                "Übermittlung in Drittländer: keine.",
                "Betroffene können Auskunft (Art. 15) über alle Dienste hinweg erhalten (Export eines Falls) und die Löschung (Art. 17) verlangen.",
            ]),
        };

        var number = 0;
        foreach (var activity in ProcessingActivities.All)
        {
            var inScope = personal.Where(field => field.Personal!.Purposes.HasFlag(activity.Purpose)).ToList();
            blocks.Add(new Heading(2, $"{++number}. {activity.Name}"));
            blocks.Add(new Paragraph($"**Zweck:** {activity.Description}"));
            blocks.Add(new Heading(3, "Kategorien betroffener Personen"));
            blocks.Add(new Items(activity.DataSubjects));
            blocks.Add(new Heading(3, "Kategorien personenbezogener Daten"));
            blocks.Add(new Items(inScope.GroupBy(field => field.Personal!.Category).OrderBy(group => group.Key)
                .Select(group => PrivacyLabels.Of(group.Key) + (group.Any(field => field.Personal!.Special) ? " – besondere Kategorie nach Art. 9 DSGVO" : ""))
                .ToList()));
            blocks.Add(new Heading(3, "Rechtsgrundlagen"));
            blocks.Add(new Items(Union(inScope, field => PrivacyLabels.Of(field.Personal!.LegalBases))));
            blocks.Add(new Heading(3, "Empfänger"));
            blocks.Add(new Items(Union(inScope, field => PrivacyLabels.Of(field.Personal!.Recipients))));
            blocks.Add(new Heading(3, "Speicherdauer"));
            blocks.Add(new Items(Union(inScope, field => [PrivacyLabels.Of(field.Personal!.Retention)])));
            blocks.Add(new Heading(3, "Löschung"));
            blocks.Add(new Items(Union(inScope, field => PrivacyLabels.Of(field.Personal!.Deletion))));
            blocks.Add(new Heading(3, "Technische und organisatorische Maßnahmen (Art. 32 DSGVO)"));
            blocks.Add(new Items(activity.Measures));
            blocks.Add(new Heading(3, "Felder"));
            blocks.Add(new Table(
                ["Dienst", "Feld", "Speicherort", "Kategorie", "Art. 9", "Rechtsgrundlage", "Empfänger", "Speicherdauer", "Löschung"],
                inScope.Select(field => (IReadOnlyList<string>)[
                    field.Service, $"{field.Owner}.{field.Property}", field.Storage, PrivacyLabels.Of(field.Personal!.Category),
                    field.Personal.Special ? "ja" : "", string.Join("; ", PrivacyLabels.Of(field.Personal.LegalBases)),
                    string.Join("; ", PrivacyLabels.Of(field.Personal.Recipients)), PrivacyLabels.Of(field.Personal.Retention),
                    string.Join("; ", PrivacyLabels.Of(field.Personal.Deletion))]).ToList()));
        }

        blocks.Add(new Heading(2, "Anhang: als nicht personenbezogen erklärte Felder"));
        blocks.Add(new Paragraph("Felder, die dem Typ nach personenbezogene Daten enthalten könnten, es aber nach Prüfung nicht tun, mit Begründung."));
        blocks.Add(new Table(["Dienst", "Feld", "Begründung"], fields.Where(field => field.Personal is null && field.NotPersonal is not null)
            .DistinctBy(field => (field.Service, field.Owner, field.Property))
            .OrderBy(field => field.Service, StringComparer.Ordinal).ThenBy(field => field.Owner, StringComparer.Ordinal)
            .ThenBy(field => field.Property, StringComparer.Ordinal)
            .Select(field => (IReadOnlyList<string>)[field.Service, $"{field.Owner}.{field.Property}", field.NotPersonal!.Why]).ToList()));
        return blocks;
    }

    private static List<string> Union(IEnumerable<FieldDeclaration> fields, Func<FieldDeclaration, IEnumerable<string>> labels) =>
        fields.SelectMany(labels).Distinct().Order(StringComparer.Ordinal).ToList();

    private static string ToMarkdown(List<Block> blocks)
    {
        var text = new StringBuilder();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Heading heading:
                    text.Append('#', heading.Level).Append(' ').Append(heading.Text).Append("\n\n");
                    break;
                case Paragraph paragraph:
                    text.Append(paragraph.Text).Append("\n\n");
                    break;
                case Items items:
                    foreach (var line in items.Lines)
                    {
                        text.Append("- ").Append(line).Append('\n');
                    }

                    text.Append('\n');
                    break;
                case Table table:
                    text.Append("| ").AppendJoin(" | ", table.Headers).Append(" |\n|").Append(string.Concat(table.Headers.Select(_ => " --- |"))).Append('\n');
                    foreach (var row in table.Rows)
                    {
                        text.Append("| ").AppendJoin(" | ", row.Select(cell => cell.Replace("|", "\\|", StringComparison.Ordinal))).Append(" |\n");
                    }

                    text.Append('\n');
                    break;
            }
        }

        return text.ToString().TrimEnd() + "\n";
    }

    private static string ToHtml(List<Block> blocks)
    {
        var styleHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)));
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-").Append(styleHash)
            .Append("'; base-uri 'none'; form-action 'none'\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<title>Verzeichnis von Verarbeitungstätigkeiten – KIM-Plattform</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Heading heading:
                    html.Append($"<h{heading.Level}>").Append(Inline(heading.Text)).Append($"</h{heading.Level}>\n");
                    break;
                case Paragraph paragraph:
                    html.Append("<p>").Append(Inline(paragraph.Text)).Append("</p>\n");
                    break;
                case Items items:
                    html.Append("<ul>\n");
                    foreach (var line in items.Lines)
                    {
                        html.Append("<li>").Append(Inline(line)).Append("</li>\n");
                    }

                    html.Append("</ul>\n");
                    break;
                case Table table:
                    html.Append("<table>\n<thead><tr>").AppendJoin("", table.Headers.Select(header => $"<th>{Inline(header)}</th>")).Append("</tr></thead>\n<tbody>\n");
                    foreach (var row in table.Rows)
                    {
                        html.Append("<tr>").AppendJoin("", row.Select(cell => $"<td>{Inline(cell)}</td>")).Append("</tr>\n");
                    }

                    html.Append("</tbody>\n</table>\n");
                    break;
            }
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    // The only Markdown the blocks use: **bold** and `code`.
    private static string Inline(string text)
    {
        var encoded = WebUtility.HtmlEncode(text);
        encoded = System.Text.RegularExpressions.Regex.Replace(encoded, @"\*\*(.+?)\*\*", "<strong>$1</strong>");
        return System.Text.RegularExpressions.Regex.Replace(encoded, "`(.+?)`", "<code>$1</code>");
    }
}
