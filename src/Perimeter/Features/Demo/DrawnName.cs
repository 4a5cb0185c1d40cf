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
        var given = random.Chance(0.3)
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
        return new(given, paternal, maternal, true, sex);
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
        };
        if (HispanicNames.Anglicised.TryGetValue(first, out var english))
            aliases.Add(new(english, Paternal, null, NameType.Aka));
        if (Maternal is not null)
        {
            aliases.Add(new(GivenNames, $"{Paternal}-{Maternal}", null, NameType.Aka));
            aliases.Add(new(first, Maternal, null, NameType.Aka));
        }
        if (HispanicNames.SpellingVariants.TryGetValue(Paternal, out var variant))
            aliases.Add(new(GivenNames, Maternal is null ? variant : $"{variant} {Maternal}", null, NameType.Aka));
        return random.Chance(0.2) ? Unrelated(random) : random.OneOf(aliases);
    }

    private PersonName EnglishAlias(Random random)
    {
        var first = FirstGivenName;
        // "Last, First" as US case systems print it, with the parts unknown.
        var aliases = new List<PersonName> { new(null, null, $"{Paternal}, {GivenNames}", NameType.Aka) };
        if (EnglishNames.Hypocorisms.TryGetValue(first, out var shortForms))
            aliases.Add(new(random.OneOf(shortForms), Paternal, null, NameType.Aka));
        if (Sex == Sex.Female)
            aliases.Add(new(GivenNames, EnglishNames.Surnames.Pick(random), null, NameType.Fka));
        if (GivenNames != first)
            aliases.Add(new(GivenNames.Split(' ')[1], Paternal, null, NameType.Aka));
        return random.Chance(0.25) ? Unrelated(random) : random.OneOf(aliases);
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
