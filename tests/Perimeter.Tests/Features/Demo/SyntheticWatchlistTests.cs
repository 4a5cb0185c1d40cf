using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Demo;
using Perimeter.Features.Imports;
using Perimeter.Matching.Evidence;

namespace Perimeter.Tests.Features.Demo;

public sealed class SyntheticWatchlistTests
{
    // Shares are checked on files large enough that they hold within their bands for any seed; name ranks, whose
    // neighbours differ by a few percent, on more persons, drawn without the file (the file's fidelity is tested apart).
    private const int Many = 20_000;
    private const int Ranked = 100_000;
    private static readonly Lazy<IReadOnlyList<AlertContent>> ManyRead = new(() => ReadBack(Many, seed: 11));
    private static readonly Lazy<IReadOnlyList<(PersonName Name, Sex Sex)>> RankedNames =
        new(() => [.. SyntheticWatchlist.Persons(Ranked, seed: 12).Select(a => (a.Subject.Person!.Names[0], a.Subject.Person!.Sex))]);

    private static IReadOnlyList<PersonData> Persons => [.. ManyRead.Value.Select(a => a.Subject.Person!)];   // every row is a person

    [Fact]
    public void The_same_seed_and_count_give_the_same_bytes() =>
        Assert.Equal(Csv(2_000, seed: 7), Csv(2_000, seed: 7));

    [Fact]
    public void A_different_seed_gives_a_different_file() =>
        Assert.NotEqual(Csv(2_000, seed: 7), Csv(2_000, seed: 8));

    [Fact]
    public void A_longer_file_of_the_same_seed_starts_with_the_shorter_one()
    {
        var shorter = Csv(300, seed: 7);
        var longer = Csv(600, seed: 7);

        Assert.Equal(shorter, longer[..shorter.Length]);
    }

    [Fact]
    public void Two_thousand_persons_import_cleanly_as_person_alerts_numbered_by_seed()
    {
        var file = AlertFileReader.Read(new MemoryStream(Csv(2_000, seed: 7)), "persons.csv");

        Assert.True(file.IsValid, string.Join("\n", file.Errors.Take(10)));
        Assert.Equal(2_000, file.Alerts.Count);
        Assert.All(file.Alerts, a => Assert.Equal(AlertKind.Person, a.Kind));
        Assert.Equal(Enumerable.Range(1, 2_000).Select(n => $"gen-7-{n}"), file.Alerts.Select(a => a.ExternalRef));
        Assert.All(file.Alerts, a => Assert.Null(a.Markings.ReviewBy));
    }

    [Fact]
    public void What_is_written_is_what_the_import_reads_back()
    {
        var written = SyntheticWatchlist.Persons(2_000, seed: 5).ToList();
        var read = ReadBack(2_000, seed: 5);

        for (var i = 0; i < written.Count; i++)
        {
            var (expected, actual) = (written[i], read[i]);
            Assert.Equal((expected.Category, expected.ActionOnHit), (actual.Category, actual.ActionOnHit));
            Assert.Equal(PerimeterJson.Serialize(expected.Markings), PerimeterJson.Serialize(actual.Markings));
            var (w, r) = (expected.Subject.Person!, actual.Subject.Person!);   // both are person alerts
            // The CSV keeps one kind of other name: formerly-known-as and weak aliases come back as aliases.
            Assert.Equal(w.Names.Select(n => n with { Type = n.Type is NameType.Fka or NameType.WeakAka ? NameType.Aka : n.Type }), r.Names);
            Assert.Equal(w.DatesOfBirth, r.DatesOfBirth);
            Assert.Equal(w.Nationalities, r.Nationalities);
            Assert.Equal(w.Documents, r.Documents);
            Assert.Equal((w.PlaceOfBirth, w.Sex), (r.PlaceOfBirth, r.Sex));
        }
    }

    [Fact]
    public void About_two_persons_in_three_have_hispanic_names_with_paternal_and_maternal_surnames()
    {
        var hispanic = Persons.Where(p => HispanicSurnames(p.Names[0].Surnames!) is not null).ToList();

        Assert.InRange(hispanic.Count / (double)Many, 0.60, 0.72);
        // Mexicans and Central Americans carry both surnames; Mexican-Americans on US records often only the father's.
        var withBoth = hispanic.Count(p => HispanicSurnames(p.Names[0].Surnames!)!.Count == 2);
        Assert.InRange(withBoth / (double)hispanic.Count, 0.75, 0.95);
        var withTwoGivenNames = hispanic.Count(p => p.Names[0].GivenNames!.Contains(' ', StringComparison.Ordinal));
        Assert.InRange(withTwoGivenNames / (double)hispanic.Count, 0.33, 0.47);
    }

    [Fact]
    public void Hernandez_is_the_commonest_surname_at_a_realistic_two_to_four_percent_of_hispanic_surname_slots()
    {
        var slots = RankedNames.Value.Select(n => HispanicSurnames(n.Name.Surnames!)).OfType<List<string>>().SelectMany(s => s).ToList();
        var ranked = slots.CountBy(s => s).OrderByDescending(c => c.Value).ToList();
        var topTen = ranked.Take(10).Select(r => r.Key).ToList();

        Assert.Equal("Hernández", ranked[0].Key);
        Assert.InRange(ranked[0].Value / (double)slots.Count, 0.02, 0.04);
        Assert.All(["García", "Martínez", "López", "González", "Pérez", "Rodríguez"], s => Assert.Contains(s, topTen));
        Assert.True(ranked.Count > 200, $"only {ranked.Count} distinct surnames");
    }

    [Fact]
    public void English_names_follow_the_census_order_with_smith_johnson_and_williams_first()
    {
        var english = RankedNames.Value.Where(n => HispanicSurnames(n.Name.Surnames!) is null).ToList();
        var surnames = english.CountBy(n => n.Name.Surnames!).OrderByDescending(c => c.Value).ToList();

        Assert.Contains("Smith", surnames.Take(3).Select(s => s.Key));
        Assert.InRange(surnames.Single(s => s.Key == "Smith").Value / (double)english.Count, 0.01, 0.03);
        Assert.All(["Smith", "Johnson", "Williams"], s => Assert.Contains(s, surnames.Take(6).Select(r => r.Key)));
        Assert.All(["James", "John", "Robert"], n => Assert.Contains(n, CommonestFirstGivenNames(english, Sex.Male, 5)));
        Assert.All(["Mary", "Patricia"], n => Assert.Contains(n, CommonestFirstGivenNames(english, Sex.Female, 5)));
    }

    [Fact]
    public void Jose_juan_maria_and_guadalupe_are_among_the_commonest_hispanic_first_given_names()
    {
        var hispanic = RankedNames.Value.Where(n => HispanicSurnames(n.Name.Surnames!) is not null).ToList();

        Assert.All(["José", "Juan"], n => Assert.Contains(n, CommonestFirstGivenNames(hispanic, Sex.Male, 3)));
        Assert.Equal("María", CommonestFirstGivenNames(hispanic, Sex.Female, 1)[0]);
        Assert.Contains("Guadalupe", CommonestFirstGivenNames(hispanic, Sex.Female, 5));
    }

    private static List<string> CommonestFirstGivenNames(IEnumerable<(PersonName Name, Sex Sex)> names, Sex sex, int count) =>
        [.. names.Where(n => n.Sex == sex).CountBy(n => n.Name.GivenNames!.Split(' ')[0]).OrderByDescending(c => c.Value).Take(count).Select(c => c.Key)];

    [Fact]
    public void Names_carry_accents_and_the_n_tilde_and_about_one_person_in_four_has_aliases()
    {
        var primaries = Persons.Select(p => p.Names[0].Display).ToList();

        Assert.InRange(primaries.Count(n => n.Contains('ñ', StringComparison.Ordinal)) / (double)Many, 0.02, 0.10);
        Assert.InRange(primaries.Count(n => n.IndexOfAny(['á', 'é', 'í', 'ó', 'ú', 'Á', 'É', 'Ó']) >= 0) / (double)Many, 0.35, 0.65);
        Assert.InRange(Persons.Count(p => p.Names.Any(n => n.Type == NameType.Aka)) / (double)Many, 0.20, 0.30);
        Assert.Contains(Persons, p => p.Names.Any(n => n.Type == NameType.Nickname && n.Display.StartsWith("El ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Most_dates_of_birth_are_full_and_some_only_a_year_or_a_month()
    {
        var first = Persons.Select(p => p.DatesOfBirth[0]).ToList();   // every person has one

        Assert.InRange(first.Count(d => d.Day is not null) / (double)Many, 0.75, 0.85);
        Assert.InRange(first.Count(d => d.Month is null) / (double)Many, 0.05, 0.11);
        Assert.All(first, d => Assert.InRange(d.Year, 1955, 2013));
    }

    [Fact]
    public void Every_curp_agrees_with_its_holders_name_date_of_birth_and_sex()
    {
        var curps = Persons.SelectMany(p => p.Documents.Where(d => d.Type == DocumentType.Curp).Select(d => (Person: p, d.Number))).ToList();

        Assert.True(curps.Count > Many / 10, $"only {curps.Count} CURPs");
        Assert.All(curps, c =>
        {
            Assert.Matches(CurpTests.Shape(), c.Number);
            Assert.Equal(Curp.CheckDigit(c.Number.AsSpan(0, 17)), c.Number[17]);
            Assert.Contains(c.Number[..16], SyntheticAlertsTests.CurpsFor(c.Person, c.Number));
        });
    }

    [Fact]
    public void Documents_include_mexican_and_us_passports_and_driver_licences()
    {
        var documents = Persons.SelectMany(p => p.Documents).ToList();

        Assert.Contains(documents, d => d is { Type: DocumentType.Passport, IssuingCountry: "MX" } && d.Number.Length == 9);
        Assert.Contains(documents, d => d is { Type: DocumentType.Passport, IssuingCountry: "US" });
        Assert.Contains(documents, d => d is { Type: DocumentType.DriverLicence, IssuingCountry: "US" });
    }

    [Fact]
    public void Categories_fit_persons_and_markings_are_mostly_amber_or_green_released_to_mexico()
    {
        var alerts = ManyRead.Value;

        Assert.All(alerts, a => Assert.True(AlertCategories.Fits(a.Category, AlertKind.Person), a.Category.ToString()));
        Assert.Contains(alerts, a => a.Category == AlertCategory.Sanctioned);
        Assert.InRange(alerts.Count(a => a.Markings.Tlp is Tlp.Amber or Tlp.Green) / (double)Many, 0.7, 0.9);
        Assert.All(alerts, a => Assert.Subset(new HashSet<string>(["mx.inm", "MX", "gt.igm"]), a.Markings.ReleasableTo.ToHashSet()));
        Assert.All(alerts.Where(a => a.Category == AlertCategory.Sanctioned), a => Assert.True(a.Markings.Purposes.HasFlag(Purposes.Sanctions)));
        Assert.All(alerts.Where(a => a.Category == AlertCategory.WantedForArrest), a => Assert.Equal(ActionOnHit.Detain, a.ActionOnHit));
    }

    [Fact]
    public void No_primary_name_is_that_of_a_famous_real_person()
    {
        foreach (var name in Persons.Select(p => p.Names[0]))
        {
            var start = $"{name.GivenNames!.Split(' ')[0]} {name.Surnames!.Split(' ')[0]}";
            Assert.DoesNotContain(start, HispanicNames.Famous);
            Assert.DoesNotContain(start, EnglishNames.Famous);
        }
    }

    [Fact]
    public void Name_tables_list_each_name_once()
    {
        foreach (var table in new[]
        {
            HispanicNames.Surnames, HispanicNames.MaleGivenNames, HispanicNames.FemaleGivenNames, HispanicNames.MaleCompoundGivenNames,
            HispanicNames.FemaleCompoundGivenNames, EnglishNames.Surnames, EnglishNames.MaleGivenNames, EnglishNames.FemaleGivenNames,
        })
        {
            Assert.Equal(table.Items.Count, table.Items.Distinct(StringComparer.Ordinal).Count());
        }
        Assert.Empty(HispanicNames.Surnames.Items.Intersect(EnglishNames.Surnames.Items, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Hernández")]
    [InlineData("de la Cruz")]
    [InlineData("Smith")]
    public void A_misspelt_name_differs_by_one_slip_after_its_first_letter(string name)
    {
        var random = new Random(3);
        for (var i = 0; i < 50; i++)
        {
            var misspelt = DrawnName.Misspelt(random, name);
            Assert.Equal(name[0], misspelt[0]);
            Assert.True(IsOneSlip(name, misspelt), $"{name} → {misspelt}");
        }
    }

    // Two neighbours swapped, one letter dropped, or one doubled.
    private static bool IsOneSlip(string name, string misspelt) => (misspelt.Length - name.Length) switch
    {
        0 => misspelt == name || Enumerable.Range(0, name.Length - 1).Any(i =>
            misspelt == string.Concat(name.AsSpan(0, i), name.AsSpan(i + 1, 1), name.AsSpan(i, 1), name.AsSpan(i + 2))),
        -1 => Enumerable.Range(0, name.Length).Any(i => name.Remove(i, 1) == misspelt),
        1 => Enumerable.Range(0, misspelt.Length).Any(i => misspelt.Remove(i, 1) == name),
        _ => false,
    };

    private static byte[] Csv(int count, int seed)
    {
        using var output = new MemoryStream();
        SyntheticWatchlist.WriteCsv(output, count, seed);
        return output.ToArray();
    }

    private static IReadOnlyList<AlertContent> ReadBack(int count, int seed)
    {
        var file = AlertFileReader.Read(new MemoryStream(Csv(count, seed)), "persons.csv");
        Assert.True(file.IsValid, string.Join("\n", file.Errors.Take(10)));
        return file.Alerts;
    }

    // The Hispanic surnames a stored surname string is made of, longest match first ("de la Cruz" before "Cruz");
    // null when it is not made of them, as an English surname is not.
    private static List<string>? HispanicSurnames(string surnames)
    {
        var parts = new List<string>();
        var rest = surnames;
        while (rest.Length > 0)
        {
            var match = HispanicNames.Surnames.Items.Where(s => rest == s || rest.StartsWith(s + " ", StringComparison.Ordinal))
                .MaxBy(s => s.Length);
            if (match is null)
                return null;
            parts.Add(match);
            rest = rest[match.Length..].TrimStart();
        }
        return parts;
    }
}
