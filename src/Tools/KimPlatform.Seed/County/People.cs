namespace KimPlatform.Seed.County;

/// <summary>A generated person with the household and categories a case records.</summary>
internal sealed record GeneratedPerson(
    string GivenName, string FamilyName, DateOnly BirthDate, string Gender, string Nationality, string[] Languages,
    string ResidenceStatus, DateOnly ArrivalDate, IReadOnlyList<(string Relation, string GivenName, int BirthYear)> Household);

/// <summary>
/// Fictional people of varied origins: names drawn independently from per-origin lists, so that any match with a real
/// person is chance. The same seed gives the same people.
/// </summary>
internal sealed class People(Random random, DateOnly today)
{
    private sealed record Origin(
        string Nationality, int Weight, string[] Languages, (string Status, int Weight)[] Statuses,
        string[] Female, string[] Male, string[] Family);

    private static readonly Origin[] Origins =
    [
        new("UA", 26, ["uk", "ru"], [("temporary-protection", 9), ("other-residence-title", 1)],
            ["Olena", "Iryna", "Tetiana", "Kateryna", "Natalia", "Oksana", "Yuliia", "Svitlana", "Anastasiia", "Mariia"],
            ["Oleksandr", "Andrii", "Serhii", "Dmytro", "Mykola", "Vasyl", "Bohdan", "Taras", "Yurii", "Ivan"],
            ["Koval", "Bondarenko", "Tkachenko", "Kravchuk", "Shevchuk", "Melnyk", "Oliinyk", "Lysenko", "Marchenko", "Hnatiuk"]),
        new("SY", 20, ["ar"], [("recognised-refugee", 6), ("asylum-seeker", 2), ("naturalised", 1)],
            ["Amal", "Rasha", "Lina", "Hiba", "Noor", "Rima", "Dalia", "Samar", "Yasmin", "Ghada"],
            ["Khaled", "Omar", "Mahmoud", "Bassel", "Hassan", "Tarek", "Yousef", "Fadi", "Samer", "Anas"],
            ["Haddad", "Khoury", "Al-Hamwi", "Darwish", "Sabbagh", "Najjar", "Halabi", "Kassab", "Shami", "Mardini"]),
        new("AF", 16, ["fa", "ps"], [("asylum-seeker", 4), ("duldung", 2), ("recognised-refugee", 3)],
            ["Zahra", "Mariam", "Fatima", "Shabnam", "Parwana", "Nargis", "Soraya", "Laila", "Freshta", "Mahbooba"],
            ["Ahmad", "Mohammad", "Farid", "Javid", "Hamid", "Rahim", "Sohail", "Wahid", "Nasir", "Jawad"],
            ["Rahimi", "Haidari", "Ahmadzai", "Sultani", "Karimi", "Nazari", "Hashimi", "Samadi", "Noori", "Wardak"]),
        new("IQ", 8, ["ar", "ku"], [("recognised-refugee", 3), ("duldung", 1), ("asylum-seeker", 1)],
            ["Shilan", "Rezan", "Hana", "Sozan", "Dilan", "Narin"],
            ["Rebwar", "Karwan", "Dilshad", "Ali", "Sherzad", "Hawre"],
            ["Barzani", "Mustafa", "Rashid", "Qadir", "Hamad", "Salih"]),
        new("TR", 8, ["tr", "ku"], [("asylum-seeker", 2), ("other-residence-title", 2), ("naturalised", 1)],
            ["Ayşe", "Elif", "Zeynep", "Emine", "Hülya", "Derya"],
            ["Mehmet", "Mustafa", "Emre", "Murat", "Hakan", "Serkan"],
            ["Yılmaz", "Demir", "Çelik", "Aydın", "Öztürk", "Kaya"]),
        new("RO", 8, ["ro"], [("eu-citizen", 1)],
            ["Ioana", "Elena", "Andreea", "Mihaela", "Cristina"],
            ["Andrei", "Mihai", "Ionuț", "Florin", "Gabriel"],
            ["Popescu", "Ionescu", "Dumitru", "Stan", "Constantin"]),
        new("BG", 4, ["bg", "tr"], [("eu-citizen", 1)],
            ["Desislava", "Petya", "Mariya", "Gergana"],
            ["Georgi", "Ivaylo", "Stoyan", "Nikolay"],
            ["Petrov", "Georgiev", "Dimitrov", "Stoyanov"]),
        new("ER", 4, ["ti", "ar"], [("recognised-refugee", 3), ("asylum-seeker", 1)],
            ["Senait", "Helen", "Saba", "Yordanos"],
            ["Yonas", "Dawit", "Tesfay", "Filmon"],
            ["Tesfamariam", "Ghebreyesus", "Haile", "Kidane"]),
        new("IR", 3, ["fa"], [("asylum-seeker", 2), ("recognised-refugee", 2)],
            ["Shirin", "Niloufar", "Parisa", "Maryam"],
            ["Reza", "Amir", "Behnam", "Kian"],
            ["Moradi", "Tehrani", "Rostami", "Jafari"]),
        new("GN", 3, ["fr"], [("duldung", 2), ("asylum-seeker", 1)],
            ["Mariama", "Fatoumata", "Aissatou"],
            ["Mamadou", "Ibrahima", "Alpha"],
            ["Diallo", "Barry", "Bah", "Camara"]),
    ];

    public GeneratedPerson Next()
    {
        var origin = PickWeighted(Origins.Select(o => (o, o.Weight)));
        var female = random.NextDouble() < 0.52;
        var age = PickWeighted(new[] { (16, 4), (18, 14), (25, 30), (35, 26), (45, 14), (55, 8), (65, 4) }) + random.Next(0, 10);
        var birthDate = today.AddYears(-age).AddDays(-random.Next(1, 365));
        var arrival = today.AddDays(-random.Next(20, 6 * 365));
        var family = Pick(origin.Family);
        var household = new List<(string, string, int)>();
        if (age is >= 25 and < 55 && random.NextDouble() < 0.45)
        {
            household.Add((random.NextDouble() < 0.8 ? "spouse" : "partner", Pick(female ? origin.Male : origin.Female), birthDate.Year + random.Next(-4, 5)));
            for (var children = random.Next(1, 4); children > 0; children--)
            {
                household.Add(("child", Pick(random.NextDouble() < 0.5 ? origin.Female : origin.Male), Math.Min(today.Year, birthDate.Year + 20 + random.Next(0, 18))));
            }
        }

        return new GeneratedPerson(
            Pick(female ? origin.Female : origin.Male), family, birthDate, female ? "female" : random.NextDouble() < 0.02 ? "diverse" : "male",
            origin.Nationality, origin.Languages.Take(random.Next(1, origin.Languages.Length + 1)).ToArray(),
            PickWeighted(origin.Statuses.Select(s => (s.Status, s.Weight))), arrival < birthDate ? birthDate : arrival, household);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public T PickWeighted<T>(IEnumerable<(T Item, int Weight)> weighted)
    {
        var items = weighted.ToList();
        var roll = random.Next(items.Sum(i => i.Weight));
        foreach (var (item, weight) in items)
        {
            if ((roll -= weight) < 0)
            {
                return item;
            }
        }

        return items[^1].Item;
    }
}
