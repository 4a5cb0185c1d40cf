using System.Globalization;
using System.Text;
using Perimeter.Features.Alerts;
using Perimeter.Matching.Evidence;

namespace Perimeter.Features.Demo;

/// <summary>A generated person's name with its parts kept apart, so documents and aliases can be derived from it.</summary>
internal sealed record DrawnName(string GivenNames, string Paternal, string? Maternal, bool IsHispanic, Sex Sex)
{
    public string Surnames => Maternal is null ? Paternal : $"{Paternal} {Maternal}";

    public string Display => $"{GivenNames} {Surnames}";

    public string FirstGivenName => GivenNames.Split(' ')[0];

    public PersonName ToPersonName(NameType type = NameType.Primary) => new(GivenNames, Surnames, null, type);

    public static DrawnName Draw(Random random, bool hispanic, Sex sex, bool withMaternal = true) =>
        hispanic ? DrawHispanic(random, sex, withMaternal) : DrawEnglish(random, sex);

    private static DrawnName DrawHispanic(Random random, Sex sex, bool withMaternal)
    {
        var male = sex == Sex.Male;
        while (true)
        {
            // About two Mexicans in five carry two given names.
            var given = random.Chance(0.38)
                ? (male ? HispanicNames.MaleCompoundGivenNames : HispanicNames.FemaleCompoundGivenNames).Pick(random)
                : (male ? HispanicNames.MaleGivenNames : HispanicNames.FemaleGivenNames).Pick(random);
            // A lone "María" is rare: most women so named carry a second given name.
            if (given == "María" && random.Chance(0.7))
                given = HispanicNames.FemaleCompoundGivenNames.Pick(random);
            var paternal = HispanicNames.Surnames.Pick(random);
            string? maternal = null;
            if (withMaternal)
            {
                do
                    maternal = HispanicNames.Surnames.Pick(random);
                while (maternal == paternal && random.Chance(0.9));
            }
            var first = given.Split(' ')[0];
            if (!HispanicNames.Famous.Contains($"{first} {paternal}") && !HispanicNames.Famous.Contains($"{given} {paternal}"))
                return new(given, paternal, maternal, true, sex);
        }
    }

    private static DrawnName DrawEnglish(Random random, Sex sex)
    {
        var given = sex == Sex.Male ? EnglishNames.MaleGivenNames : EnglishNames.FemaleGivenNames;
        while (true)
        {
            var first = given.Pick(random);
            var surname = EnglishNames.Surnames.Pick(random);
            if (EnglishNames.Famous.Contains($"{first} {surname}"))
                continue;
            var middle = random.Chance(0.4) ? (sex == Sex.Male ? EnglishNames.MaleMiddleNames : EnglishNames.FemaleMiddleNames).Pick(random) : null;
            return new(middle is null || middle == first ? first : $"{first} {middle}", surname, null, false, sex);
        }
    }

    /// <summary>Another name the same person is recorded under: an alias, a US spelling, a variant.</summary>
    public PersonName DrawAlias(Random random) => IsHispanic ? HispanicAlias(random) : EnglishAlias(random);

    private PersonName HispanicAlias(Random random)
    {
        var first = FirstGivenName;
        var aliases = new List<PersonName>
        {
            // How a US booking record writes it: one given name, one surname, no accents.
            new(Unaccented(first), Unaccented(Paternal), null, NameType.Aka),
            // Surnames first and in capitals, as on a Mexican form, with the parts unknown.
            new(null, null, $"{Surnames} {GivenNames}".ToUpperInvariant(), NameType.Aka),
            // A clerk's slip: two letters swapped, one dropped or doubled.
            new(GivenNames, Misspelt(random, Surnames), null, NameType.Aka),
        };
        if (HispanicNames.Anglicised.TryGetValue(first, out var english))
            aliases.Add(new(english, Paternal, null, NameType.Aka));
        if (HispanicNames.Hypocorisms.TryGetValue(first, out var shortForms))
            aliases.Add(new(random.OneOf(shortForms), Paternal, null, NameType.Aka));
        if (Maternal is not null)
        {
            aliases.Add(new(GivenNames, $"{Paternal}-{Maternal}", null, NameType.Aka));
            aliases.Add(new(first, Maternal, null, NameType.Aka));
            // The maternal surname taken for the paternal one, as happens on US forms with a single surname field.
            aliases.Add(new(GivenNames, $"{Maternal} {Paternal}", null, NameType.Aka));
        }
        if (GivenNames != first)
            aliases.Add(new(GivenNames.Split(' ')[^1], Surnames, null, NameType.Aka));
        if (HispanicNames.SpellingVariants.TryGetValue(Paternal, out var variant))
            aliases.Add(new(GivenNames, Maternal is null ? variant : $"{variant} {Maternal}", null, NameType.Aka));
        return random.Chance(0.15) ? Unrelated(random) : random.OneOf(aliases);
    }

    private PersonName EnglishAlias(Random random)
    {
        var first = FirstGivenName;
        // "Last, First" as US case systems print it, with the parts unknown.
        var aliases = new List<PersonName>
        {
            new(null, null, $"{Paternal}, {GivenNames}", NameType.Aka),
            new(GivenNames, Misspelt(random, Paternal), null, NameType.Aka),
        };
        if (EnglishNames.Hypocorisms.TryGetValue(first, out var shortForms))
            aliases.Add(new(random.OneOf(shortForms), Paternal, null, NameType.Aka));
        if (Sex == Sex.Female)
            aliases.Add(new(GivenNames, EnglishNames.Surnames.Pick(random), null, NameType.Fka));
        if (GivenNames != first)
            aliases.Add(new(GivenNames.Split(' ')[1], Paternal, null, NameType.Aka));
        return random.Chance(0.2) ? Unrelated(random) : random.OneOf(aliases);
    }

    /// <summary>
    /// One typing slip in a word of at least four letters: two neighbours swapped, one letter dropped or doubled
    /// ("Hernández" → "Hernádnez", "Hernndez", "Herrnández"). A name with no such word comes back as it was.
    /// </summary>
    public static string Misspelt(Random random, string name)
    {
        var words = name.Split(' ');
        var candidates = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 4).ToArray();
        if (candidates.Length == 0)
            return name;
        var index = random.OneOf(candidates);
        var word = words[index];
        // Never the first letter: people and indexes rarely get that wrong.
        var at = random.Next(1, word.Length - 1);
        words[index] = random.Next(3) switch
        {
            0 => string.Concat(word.AsSpan(0, at), word.AsSpan(at + 1, 1), word.AsSpan(at, 1), word.AsSpan(at + 2)),
            1 => word.Remove(at, 1),
            _ => word.Insert(at, word[at].ToString()),
        };
        return string.Join(' ', words);
    }

    // A name with nothing in common with the real one, as on a false document; often only weakly attested.
    private PersonName Unrelated(Random random)
    {
        var other = Draw(random, IsHispanic, Sex);
        return new(other.GivenNames, other.Surnames, null, random.Chance(0.5) ? NameType.WeakAka : NameType.Aka);
    }

    /// <summary>A nickname: a hypocorism of a given name when there is one (Jesús → Chuy), else an epithet ("El Güero").</summary>
    public string DrawNickname(Random random)
    {
        var hypocorisms = IsHispanic ? HispanicNames.Hypocorisms : EnglishNames.Hypocorisms;
        var forNames = GivenNames.Split(' ').Where(hypocorisms.ContainsKey).ToArray();
        if (forNames.Length > 0 && random.Chance(0.5))
            return random.OneOf(hypocorisms[random.OneOf(forNames)]);
        if (!IsHispanic)
            return random.OneOf(EnglishNames.Nicknames);
        return random.OneOf(Sex == Sex.Female ? HispanicNames.FemaleNicknames : HispanicNames.MaleNicknames);
    }

    /// <summary>Drops accents and the tilde, as systems without Spanish letters do: "Muñoz" → "Munoz".</summary>
    public static string Unaccented(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                builder.Append(c);
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
