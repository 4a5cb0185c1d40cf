using System.Text.Json;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Demo;
using Perimeter.Matching.Evidence;

namespace Perimeter.Tests.Features.Demo;

public sealed partial class SyntheticAlertsTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);
    private static readonly IReadOnlyList<AlertContent> Thousand = SyntheticAlerts.Generate(1000, 7, Today);
    private static readonly string[] Releases = ["", "mx.inm", "MX", "mx.inm,gt.igm"];

    private static IEnumerable<PersonData> Persons => Thousand.Select(a => a.Subject.Person).OfType<PersonData>();

    [Fact]
    public void The_same_seed_and_day_give_the_same_alerts() =>
        Assert.Equal(Json(SyntheticAlerts.Generate(200, 42, Today)), Json(SyntheticAlerts.Generate(200, 42, Today)));

    [Fact]
    public void A_different_seed_gives_different_alerts() =>
        Assert.NotEqual(Json(SyntheticAlerts.Generate(200, 42, Today)), Json(SyntheticAlerts.Generate(200, 43, Today)));

    [Fact]
    public void No_alerts_are_asked_for_none_are_made() => Assert.Empty(SyntheticAlerts.Generate(0, 1, Today));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_generated_alert_passes_validation(int seed)
    {
        foreach (var alert in SyntheticAlerts.Generate(1000, seed, Today))
        {
            var errors = alert.Validate();
            Assert.True(errors.Count == 0, $"{alert.ExternalRef}: {errors}");
        }
    }

    [Theory]
    [InlineData(AlertKind.Person, 0.60)]
    [InlineData(AlertKind.Organization, 0.10)]
    [InlineData(AlertKind.Vehicle, 0.15)]
    [InlineData(AlertKind.Firearm, 0.08)]
    [InlineData(AlertKind.Document, 0.07)]
    public void Kinds_are_mixed_like_a_cbp_node_within_two_points(AlertKind kind, double share) =>
        Assert.InRange(Thousand.Count(a => a.Kind == kind) / 1000.0, share - 0.02, share + 0.02);

    [Fact]
    public void Every_category_fits_its_kind_and_every_kind_uses_several_categories()
    {
        Assert.All(Thousand, a => Assert.True(AlertCategories.Fits(a.Category, a.Kind), $"{a.Category} on {a.Kind}"));
        Assert.All(Enum.GetValues<AlertKind>(), kind => Assert.True(Thousand.Where(a => a.Kind == kind).Select(a => a.Category).Distinct().Count() >= 2));
    }

    [Theory]
    [InlineData(AlertCategory.WantedForArrest, ActionOnHit.Detain)]
    [InlineData(AlertCategory.DiscreetCheck, ActionOnHit.DiscreetCheckAndReport)]
    [InlineData(AlertCategory.StolenVehicle, ActionOnHit.Seize)]
    [InlineData(AlertCategory.StolenFirearm, ActionOnHit.Seize)]
    [InlineData(AlertCategory.FraudulentDocument, ActionOnHit.Seize)]
    [InlineData(AlertCategory.MissingPerson, ActionOnHit.ContactOriginator)]
    public void The_action_on_hit_follows_the_category(AlertCategory category, ActionOnHit action)
    {
        var alerts = Thousand.Where(a => a.Category == category).ToList();
        Assert.NotEmpty(alerts);
        Assert.All(alerts, a => Assert.Equal(action, a.ActionOnHit));
    }

    [Theory]
    [InlineData(AlertCategory.KnownSmuggler, Purposes.CounterNarcotics | Purposes.HumanTrafficking | Purposes.BorderSecurity)]
    [InlineData(AlertCategory.FirearmTrace, Purposes.FirearmsTrafficking | Purposes.BorderSecurity)]
    [InlineData(AlertCategory.MissingPerson, Purposes.MissingPersons | Purposes.HumanTrafficking)]
    [InlineData(AlertCategory.TerrorismWatch, Purposes.CounterTerrorism | Purposes.BorderSecurity)]
    public void Purposes_stay_within_those_the_category_calls_for(AlertCategory category, Purposes allowed) =>
        Assert.All(Thousand.Where(a => a.Category == category),
            a => Assert.Equal(Purposes.None, a.Markings.Purposes & ~allowed));

    [Fact]
    public void External_refs_number_the_alerts_from_demo_0001()
    {
        Assert.Equal("demo-0001", Thousand[0].ExternalRef);
        Assert.Equal("demo-1000", Thousand[^1].ExternalRef);
        Assert.Equal(1000, Thousand.Select(a => a.ExternalRef).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Review_dates_fall_between_one_month_and_three_years_and_a_few_fall_due_within_four_months()
    {
        var reviews = Thousand.Select(a => a.Markings.ReviewBy!.Value).ToList();   // every generated alert sets one
        Assert.All(reviews, d => Assert.InRange(d, Today.AddMonths(1), Today.AddYears(3)));
        Assert.InRange(reviews.Count(d => d < Today.AddMonths(4)), 20, 90);
    }

    [Fact]
    public void Markings_are_mostly_amber_or_green_with_some_strict_and_a_few_red()
    {
        double Share(Tlp tlp) => Thousand.Count(a => a.Markings.Tlp == tlp) / 1000.0;
        Assert.True(Share(Tlp.Amber) + Share(Tlp.Green) > 0.7);
        Assert.InRange(Share(Tlp.AmberStrict), 0.05, 0.25);
        Assert.InRange(Share(Tlp.Red), 0.01, 0.12);
        Assert.All(Thousand, a => Assert.Contains(string.Join(',', a.Markings.ReleasableTo), Releases));
        Assert.True(Thousand.Count(a => a.Markings.Handling == Handling.ThirdPartyRule) > 600);
        Assert.True(Thousand.Count(a => a.Markings is { SourceReliability: SourceReliability.B, InformationCredibility: InformationCredibility.ProbablyTrue }) > 100);
    }

    [Fact]
    public void Every_vin_carries_a_valid_check_digit_and_plates_follow_their_issuers_format()
    {
        var vehicles = Thousand.Select(a => a.Subject.Vehicle).OfType<VehicleData>().ToList();
        Assert.Contains(vehicles, v => v.Vin is not null);
        Assert.All(vehicles.Where(v => v.Vin is not null), v => Assert.True(Vin.HasValidCheckDigit(v.Vin!), v.Vin));
        Assert.All(vehicles.Where(v => v.PlateIssuer == "US-TX"), v => Assert.Matches(@"^[A-Z]{3}\d{4}$", v.Plate));
        Assert.All(vehicles.Where(v => v.PlateIssuer == "US-CA"), v => Assert.Matches(@"^[1-9][A-Z]{3}\d{3}$", v.Plate));
        Assert.Contains(vehicles, v => v.PlateIssuer?.StartsWith("MX-", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Every_curp_agrees_with_its_holders_name_date_of_birth_and_sex()
    {
        var checkedCount = 0;
        foreach (var person in Persons)
        {
            foreach (var curp in person.Documents.Where(d => d.Type == DocumentType.Curp).Select(d => d.Number))
            {
                Assert.Matches(CurpTests.Shape(), curp);
                Assert.Equal(Curp.CheckDigit(curp.AsSpan(0, 17)), curp[17]);
                Assert.Contains(curp[..16], CurpsFor(person, curp));
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 50, $"only {checkedCount} CURPs");
    }

    [Fact]
    public void Names_carry_spanish_accents_and_the_n_tilde_and_some_persons_have_aliases_and_nicknames()
    {
        var names = Persons.SelectMany(p => p.Names).ToList();
        Assert.Contains(names, n => n.Display.Contains('ñ', StringComparison.Ordinal));
        Assert.Contains(names, n => n.Display.IndexOfAny(['á', 'é', 'í', 'ó', 'ú', 'Á']) >= 0);
        Assert.Contains(names, n => n.Type == NameType.Aka);
        Assert.Contains(names, n => n.Type == NameType.Nickname);
        Assert.Contains(Persons, p => p.DatesOfBirth.Any(d => d.Day is null));
    }

    [Fact]
    public void About_two_persons_in_three_have_hispanic_names_and_common_surnames_are_common()
    {
        var primaries = Persons.Select(p => p.Names[0]).ToList();
        var hispanic = primaries.Count(n => HispanicNames.Surnames.Items.Any(s => n.Surnames!.StartsWith(s, StringComparison.Ordinal)));
        Assert.InRange(hispanic / (double)primaries.Count, 0.55, 0.75);
        int Bearing(string surname) => primaries.Count(n => n.Surnames!.Contains(surname, StringComparison.Ordinal));
        Assert.True(Bearing("Hernández") > 3 * Bearing("Ibáñez"), $"{Bearing("Hernández")} Hernández, {Bearing("Ibáñez")} Ibáñez");
        Assert.True(Bearing("Smith") > Bearing("Foster"));
    }

    // The CURP is built from the paternal and maternal surnames, which a stored name keeps as one string: try each split.
    internal static List<string> CurpsFor(PersonData person, string curp)
    {
        var primary = person.Names[0];
        var words = primary.Surnames!.Split(' ');
        var dateOfBirth = DateOnly.ParseExact(
            $"{(curp[16] is >= '0' and <= '9' ? "19" : "20")}{curp[4..10]}", "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var sex = curp[10] == 'H' ? Sex.Male : Sex.Female;
        if (person.Sex != Sex.Unknown)
            Assert.Equal(person.Sex, sex);
        Assert.Contains(person.DatesOfBirth, d => d.Year == dateOfBirth.Year);
        var candidates = new List<string> { CurpBuilder.Compute(primary.GivenNames!, primary.Surnames, null, dateOfBirth, sex, curp[11..13])[..16] };
        for (var split = 1; split < words.Length; split++)
        {
            candidates.Add(CurpBuilder.Compute(primary.GivenNames!, string.Join(' ', words[..split]), string.Join(' ', words[split..]),
                dateOfBirth, sex, curp[11..13])[..16]);
        }
        return candidates;
    }

    private static string Json(IReadOnlyList<AlertContent> alerts) => JsonSerializer.Serialize(alerts);
}
