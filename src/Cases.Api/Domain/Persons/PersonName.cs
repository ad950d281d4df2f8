using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace KimPlatform.Cases.Api.Domain.Persons;

/// <summary>
/// Folding and coarse phonetic keys for person names, so that a search or a duplicate check written "Muhammad"
/// finds "Mohammed" or "محمد". Keys are deliberately coarse: equal keys are a hint, never proof of the same person.
/// </summary>
public static class PersonName
{
    // Letters that need more than dropping a diacritic: umlauts, letters without a decomposition, Cyrillic, Arabic, Persian.
    private static readonly FrozenDictionary<char, string> Letters = new Dictionary<char, string>
    {
        ['ä'] = "ae", ['ö'] = "oe", ['ü'] = "ue", ['ß'] = "ss",
        ['ı'] = "i", ['ł'] = "l", ['ø'] = "o", ['đ'] = "d", ['ð'] = "d", ['æ'] = "ae", ['œ'] = "oe", ['þ'] = "th", ['ħ'] = "h",

        // Apostrophes inside a name (O'Brien, Мар'яна), the Persian zero-width non-joiner and the Arabic tatweel
        // belong to the word: dropped, not turned into a word break.
        ['\''] = "", ['\u2019'] = "", ['\u02BC'] = "", ['\u200C'] = "", ['\u0640'] = "",

        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['ґ'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "yo",
        ['є'] = "ye", ['ж'] = "zh", ['з'] = "z", ['и'] = "i", ['і'] = "i", ['ї'] = "yi", ['й'] = "y", ['к'] = "k",
        ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o", ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t",
        ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "",
        ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu", ['я'] = "ya",

        ['ا'] = "a", ['أ'] = "a", ['إ'] = "a", ['آ'] = "a", ['ٱ'] = "a", ['ء'] = "a", ['ب'] = "b", ['ت'] = "t",
        ['ث'] = "th", ['ج'] = "j", ['ح'] = "h", ['خ'] = "kh", ['د'] = "d", ['ذ'] = "dh", ['ر'] = "r", ['ز'] = "z",
        ['س'] = "s", ['ش'] = "sh", ['ص'] = "s", ['ض'] = "d", ['ط'] = "t", ['ظ'] = "z", ['ع'] = "a", ['غ'] = "gh",
        ['ف'] = "f", ['ق'] = "q", ['ك'] = "k", ['ک'] = "k", ['ل'] = "l", ['م'] = "m", ['ن'] = "n", ['ه'] = "h",
        ['ة'] = "a", ['و'] = "u", ['ؤ'] = "u", ['ي'] = "i", ['ی'] = "i", ['ئ'] = "i", ['ى'] = "a",
        ['پ'] = "p", ['چ'] = "ch", ['ژ'] = "zh", ['گ'] = "g",
    }.ToFrozenDictionary();

    // Spellings of one sound in German, English, French and Turkish transliterations; longest first, first match wins.
    private static readonly (string Spelling, string Sound)[] Sounds =
    [
        ("tsch", "h"), ("sch", "s"), ("tch", "h"), ("ch", "h"), ("kh", "h"), ("sh", "s"), ("zh", "s"),
        ("ph", "f"), ("th", "t"), ("dh", "d"), ("gh", "g"), ("dt", "t"), ("ts", "s"), ("tz", "s"),
        ("c", "k"), ("q", "k"), ("x", "ks"), ("z", "s"), ("w", "v"), ("j", "y"),
    ];

    /// <summary>Lowercase Latin letters in words separated by single spaces, for search and matching.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var mapped = new StringBuilder(text.Length);
        foreach (var character in WithoutInvalidUtf16(text).Normalize(NormalizationForm.FormC))
        {
            var lower = char.ToLowerInvariant(character);
            if (Letters.TryGetValue(lower, out var replacement))
            {
                mapped.Append(replacement);
            }
            else
            {
                mapped.Append(lower);
            }
        }

        var folded = new StringBuilder(mapped.Length);
        var wordBreak = false;
        foreach (var character in mapped.ToString().Normalize(NormalizationForm.FormD))
        {
            if (char.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (!char.IsLetter(character))
            {
                wordBreak = true;
                continue;
            }

            if (wordBreak && folded.Length > 0)
            {
                folded.Append(' ');
            }

            wordBreak = false;
            // Lowercase again: a capital that lost its mark only now (İ → I) must not survive.
            folded.Append(char.ToLowerInvariant(character));
        }

        return folded.ToString();
    }

    /// <summary>A coarse phonetic key of one name token: consonant sounds, with a leading vowel kept as a generic "a".</summary>
    public static string Skeleton(string token)
    {
        var folded = Fold(token).Replace(" ", "", StringComparison.Ordinal);
        var sounds = new StringBuilder(folded.Length);
        for (var index = 0; index < folded.Length;)
        {
            index += AppendSound(sounds, folded, index);
        }

        var key = new StringBuilder(sounds.Length);
        for (var index = 0; index < sounds.Length; index++)
        {
            var letter = sounds[index];
            if (IsVowel(letter))
            {
                // A leading vowel counts, as a generic one (Olena/Alena, Yusuf/Jussuf/Iusuf); later vowels vary too much.
                if (index > 0)
                {
                    continue;
                }

                letter = 'a';
            }

            if (key.Length == 0 || key[key.Length - 1] != letter)
            {
                key.Append(letter);
            }
        }

        return key.ToString();
    }

    /// <summary>The distinct skeletons of all name tokens, sorted: the same for swapped given and family names.</summary>
    public static IReadOnlyList<string> Keys(string givenName, string familyName) =>
        Canonical($"{Fold(givenName)} {Fold(familyName)}"
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(Skeleton)
            .Where(key => key.Length > 0))
        .ToArray();

    public static bool SameKeys(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        Canonical(a).SequenceEqual(Canonical(b), StringComparer.Ordinal);

    private static IEnumerable<string> Canonical(IEnumerable<string> keys) =>
        keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private static int AppendSound(StringBuilder sounds, string folded, int index)
    {
        foreach (var (spelling, sound) in Sounds)
        {
            if (folded.AsSpan(index).StartsWith(spelling, StringComparison.Ordinal))
            {
                sounds.Append(sound);
                return spelling.Length;
            }
        }

        sounds.Append(folded[index]);
        return 1;
    }

    private static bool IsVowel(char letter) => letter is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    // Normalize throws on invalid UTF-16; such code units (and, with them, rare letters outside the BMP) become word breaks.
    private static string WithoutInvalidUtf16(string text) =>
        text.Any(IsUnnormalizable) ? new string(text.Select(c => IsUnnormalizable(c) ? ' ' : c).ToArray()) : text;

    private static bool IsUnnormalizable(char character) => char.IsSurrogate(character) || character >= '\uFFFE';
}
