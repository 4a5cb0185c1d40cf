using Perimeter.Features.Alerts;
using Perimeter.Matching.Evidence;

namespace Perimeter.Features.Demo;

/// <summary>Persons as a US border agency records them: names, aliases, nicknames, dates of birth, nationalities, documents.</summary>
internal static class SyntheticPersons
{
    private static readonly WeightedTable<string> HispanicNationalities = new(
        ("MX", 70), ("US", 13), ("GT", 7), ("HN", 5), ("SV", 3), ("CO", 1), ("VE", 0.5), ("NI", 0.3), ("EC", 0.3), ("CU", 0.3));

    private static readonly WeightedTable<string> EnglishNationalities = new(("US", 94), ("CA", 6));

    private static readonly WeightedTable<string> LicenceStates = new(("TX", 5), ("CA", 4), ("AZ", 3), ("NM", 1), ("IL", 1));

    // Victims found at the southwest border are mostly Mexican and Central American; subjects are about two in three.
    public static PersonData Generate(Random random, AlertCategory category, DateOnly today) =>
        Generate(random, category, today, hispanic: random.Chance(IsVictim(category) ? 0.85 : 0.62));

    private static bool IsVictim(AlertCategory category) => category is AlertCategory.MissingPerson or AlertCategory.TraffickingVictim;

    public static PersonData Generate(Random random, AlertCategory category, DateOnly today, bool hispanic)
    {
        var victim = IsVictim(category);
        var sex = random.Chance(victim ? 0.35 : 0.82) ? Sex.Male : Sex.Female;
        var nationality = (hispanic ? HispanicNationalities : EnglishNationalities).Pick(random);
        // Mexican-Americans usually carry only the father's surname on US records.
        var name = DrawnName.Draw(random, hispanic, sex, withMaternal: nationality != "US" || random.Chance(0.4));
        var dateOfBirth = DrawDateOfBirth(random, today, victim);

        var (placeOfBirth, mexicanState) = DrawPlaceOfBirth(random, nationality);
        var nationalities = new List<string> { nationality };
        if (nationality == "MX" && random.Chance(0.04))
            nationalities.Add("US");

        return new PersonData
        {
            Names = DrawNames(random, name),
            DatesOfBirth = RecordedDatesOfBirth(random, dateOfBirth),
            PlaceOfBirth = random.Chance(0.85) ? placeOfBirth : null,
            Nationalities = nationalities,
            Sex = random.Chance(0.97) ? sex : Sex.Unknown,
            Documents = DrawDocuments(random, name, dateOfBirth, nationalities, mexicanState, today),
        };
    }

    private static List<PersonName> DrawNames(Random random, DrawnName name)
    {
        var names = new List<PersonName> { name.ToPersonName() };
        // About one person in four is known under other names, most under one, some under two or three.
        var aliases = random.Chance(0.25) ? (random.Chance(0.65) ? 1 : random.Next(2, 4)) : 0;
        for (var i = 0; i < aliases; i++)
        {
            var alias = name.DrawAlias(random);
            if (!names.Any(n => string.Equals(n.Display, alias.Display, StringComparison.Ordinal)))
                names.Add(alias);
        }
        if (random.Chance(name.IsHispanic ? 0.25 : 0.08))
            names.Add(new PersonName(null, null, name.DrawNickname(random), NameType.Nickname));
        return names;
    }

    // Victims and missing persons skew young; subjects of enforcement alerts are mostly 20 to 50.
    private static DateOnly DrawDateOfBirth(Random random, DateOnly today, bool victim)
    {
        var (youngest, oldest) = victim ? (13, 40) : (19, 66);
        var ageYears = youngest + (random.NextDouble() + random.NextDouble()) / 2 * (oldest - youngest);
        return today.AddDays(-(int)(ageYears * 365.25));
    }

    // Most records carry a full date; some only the year or the month, and a few a second, conflicting date.
    private static List<PartialDate> RecordedDatesOfBirth(Random random, DateOnly dateOfBirth)
    {
        var roll = random.NextDouble();
        var recorded = roll < 0.8 ? new PartialDate(dateOfBirth.Year, dateOfBirth.Month, dateOfBirth.Day)
            : roll < 0.92 ? new PartialDate(dateOfBirth.Year, dateOfBirth.Month)
            : new PartialDate(dateOfBirth.Year);
        var dates = new List<PartialDate> { recorded };
        if (recorded.Day is not null && random.Chance(0.05))
        {
            // Day and month swapped, as happens between US and Mexican date orders, or one year off.
            dates.Add(dateOfBirth.Day <= 12 && dateOfBirth.Day != dateOfBirth.Month
                ? new PartialDate(dateOfBirth.Year, dateOfBirth.Day, dateOfBirth.Month)
                : ToPartialDate(dateOfBirth.AddYears(random.Chance(0.5) ? 1 : -1)));
        }
        return dates;
    }

    // AddYears moves 29 February to the 28th where the year has none; a PartialDate built by hand would not.
    private static PartialDate ToPartialDate(DateOnly date) => new(date.Year, date.Month, date.Day);

    private static (string? Place, MexicanState? State) DrawPlaceOfBirth(Random random, string nationality)
    {
        switch (nationality)
        {
            case "MX":
                var state = Places.MexicanStates.Pick(random);
                return ($"{random.OneOf(state.Cities)}, {state.Name}", state);
            case "US":
                return (Places.UsPlacesOfBirth.Pick(random), null);
            default:
                return Places.ForeignPlacesOfBirth.TryGetValue(nationality, out var places) ? (random.OneOf(places), null) : (null, null);
        }
    }

    private static List<IdentityDocument> DrawDocuments(
        Random random, DrawnName name, DateOnly dateOfBirth, List<string> nationalities, MexicanState? bornIn, DateOnly today)
    {
        var documents = new List<IdentityDocument>();
        var adult = dateOfBirth.AddYears(18) <= today;
        if (nationalities.Contains("MX"))
        {
            if (random.Chance(0.55))
                documents.Add(new(DocumentType.Curp, IdentityDocuments.CurpFor(random, name, dateOfBirth, bornIn?.CurpCode ?? "NE"), "MX"));
            if (random.Chance(0.35))
                documents.Add(new(DocumentType.Passport, IdentityDocuments.MexicanPassport(random), "MX"));
            if (adult && random.Chance(0.3))
                documents.Add(new(DocumentType.VoterCard, IdentityDocuments.VoterKey(random, name, dateOfBirth, bornIn?.IneNumber ?? 9), "MX"));
            if (adult && !nationalities.Contains("US") && random.Chance(0.15))
                documents.Add(new(DocumentType.BorderCrossingCard, IdentityDocuments.BorderCrossingCard(random), "US"));
        }
        if (nationalities.Contains("US"))
        {
            if (random.Chance(0.4))
                documents.Add(new(DocumentType.Passport, IdentityDocuments.UsPassport(random), "US"));
            if (adult && random.Chance(0.45))
                documents.Add(new(DocumentType.DriverLicence, IdentityDocuments.DriverLicence(random, LicenceStates.Pick(random)), "US"));
        }
        var other = nationalities[0];
        if (other is not "MX" and not "US" && random.Chance(0.3))
            documents.Add(new(DocumentType.Passport, IdentityDocuments.OtherPassport(random), other));
        return documents;
    }
}
