using KimPlatform.Cases.Api.Domain.Persons;

namespace KimPlatform.Cases.Api.Tests.Domain;

public sealed class PersonNameTests
{
    [Theory]
    [InlineData("Müller", "mueller")]
    [InlineData("MÜLLER", "mueller")]
    [InlineData("Mu\u0308ller", "mueller")]
    [InlineData("Straße", "strasse")]
    [InlineData("Şükrü", "suekrue")]
    [InlineData("François", "francois")]
    [InlineData("Łukasz", "lukasz")]
    [InlineData("Yıldız", "yildiz")]
    [InlineData("Олена", "olena")]
    [InlineData("Щербак", "shcherbak")]
    [InlineData("Їжак", "yizhak")]
    [InlineData("Мар'яна", "maryana")]
    [InlineData("O'Brien", "obrien")]
    [InlineData("مُحَمَّد", "mhmd")]
    [InlineData("حسین", "hsin")]
    public void Fold_NameInAnyScript_IsLowercaseLatin(string name, string expected)
    {
        Assert.Equal(expected, PersonName.Fold(name));
    }

    [Theory]
    [InlineData("  Jean-Luc  ", "jean luc")]
    [InlineData("Anna -- Maria 2", "anna maria")]
    [InlineData(" - ", "")]
    public void Fold_RunsOfNonLetters_BecomeOneSpaceAndAreTrimmed(string name, string expected)
    {
        Assert.Equal(expected, PersonName.Fold(name));
    }

    [Theory]
    [InlineData("Müller", "Mueller")]
    [InlineData("Müller", "Muller")]
    [InlineData("Mohammed", "Muhammad")]
    [InlineData("Mohammed", "Mohamed")]
    [InlineData("Mohammed", "Muhammed")]
    [InlineData("Mohammed", "Mohammad")]
    [InlineData("Mohammed", "محمد")]
    [InlineData("Muhammad", "مُحَمَّد")]
    [InlineData("Olena", "Олена")]
    [InlineData("Olena", "Alena")]
    [InlineData("Kovalenko", "Коваленко")]
    [InlineData("Yusuf", "Jussuf")]
    [InlineData("Yusuf", "Youssef")]
    [InlineData("Yusuf", "Yousef")]
    [InlineData("Ahmad", "Ahmed")]
    [InlineData("Ahmad", "احمد")]
    [InlineData("Ahmed", "أحمد")]
    [InlineData("Schmidt", "Schmitt")]
    [InlineData("Hussein", "Husein")]
    [InlineData("Hussein", "Hussain")]
    [InlineData("Hussein", "حسین")]
    [InlineData("Khalid", "Chalid")]
    [InlineData("Oleksandr", "Олександр")]
    public void Keys_TransliterationVariants_Match(string name, string variant)
    {
        Assert.Equal(PersonName.Keys(name, "Test"), PersonName.Keys(variant, "Test"));
        Assert.True(PersonName.SameKeys(PersonName.Keys("", name), PersonName.Keys(variant, "")));
    }

    [Theory]
    [InlineData("Olena", "Oleksandr")]
    [InlineData("Ahmad", "Mahmoud")]
    [InlineData("Müller", "Meier")]
    [InlineData("Kovalenko", "Kovalchuk")]
    [InlineData("Коваленко", "Ковальчук")]
    public void Keys_DifferentNames_DoNotMatch(string name, string other)
    {
        Assert.False(PersonName.SameKeys(PersonName.Keys(name, ""), PersonName.Keys(other, "")));
    }

    [Fact]
    public void Keys_SwappedGivenAndFamilyName_Match()
    {
        var keys = PersonName.Keys("Olena", "Kovalenko");

        Assert.Equal(keys, PersonName.Keys("Kovalenko", "Olena"));
        Assert.Equal(keys, PersonName.Keys("Коваленко", "Олена"));
    }

    [Fact]
    public void Keys_SeveralTokens_AreDistinctAndSortedOrdinal()
    {
        IReadOnlyList<string> expected = ["al", "mhmd"];

        Assert.Equal(expected, PersonName.Keys("Mohammed Ali", "Muhammad"));
        Assert.Equal(expected, PersonName.Keys("محمد", "علی"));
    }

    [Fact]
    public void Keys_BlankNames_AreEmpty()
    {
        Assert.Empty(PersonName.Keys(" ", "-"));
    }

    [Fact]
    public void SameKeys_OrderAndDuplicates_AreIgnored()
    {
        Assert.True(PersonName.SameKeys(["mhmd", "al", "al"], ["al", "mhmd"]));
        Assert.False(PersonName.SameKeys(["mhmd", "al"], ["mhmd"]));
    }

    [Theory]
    [InlineData("Mohammed", "mhmd")]
    [InlineData("Olena", "aln")]
    [InlineData("Yusuf", "asf")]
    [InlineData("Kovalchuk", "kvlhk")]
    [InlineData("Schukow", "skv")]
    public void Skeleton_Token_IsConsonantKeyWithGenericLeadingVowel(string token, string expected)
    {
        Assert.Equal(expected, PersonName.Skeleton(token));
    }
}
