using System.Diagnostics;
using System.Globalization;
using Perimeter.Features.Alerts;

namespace Perimeter.Features.Demo;

/// <summary>
/// Realistic, fictional alerts for a demo node of US CBP (<c>us.cbp</c>): the same seed and day always give the same
/// alerts, and every one passes <see cref="AlertContent.Validate"/>.
/// </summary>
public static class SyntheticAlerts
{
    /// <summary>Prefix of every generated <see cref="AlertContent.ExternalRef"/>, so a node can tell it was seeded.</summary>
    public const string ExternalRefPrefix = "demo-";

    // Shares of each kind in a CBP node's own alerts; counts are apportioned exactly, then shuffled.
    private static readonly (AlertKind Kind, double Share)[] KindShares =
    [
        (AlertKind.Person, 0.60), (AlertKind.Organization, 0.10), (AlertKind.Vehicle, 0.15),
        (AlertKind.Firearm, 0.08), (AlertKind.Document, 0.07),
    ];

    private static readonly WeightedTable<AlertCategory> PersonCategories = new(
        (AlertCategory.WantedForArrest, 30), (AlertCategory.DiscreetCheck, 20), (AlertCategory.KnownSmuggler, 30),
        (AlertCategory.TerrorismWatch, 2), (AlertCategory.MissingPerson, 10), (AlertCategory.TraffickingVictim, 8),
        (AlertCategory.Sanctioned, 3));

    private static readonly WeightedTable<AlertCategory> OrganizationCategories = new(
        (AlertCategory.KnownSmuggler, 55), (AlertCategory.DiscreetCheck, 40), (AlertCategory.TerrorismWatch, 5));

    private static readonly WeightedTable<AlertCategory> VehicleCategories = new(
        (AlertCategory.StolenVehicle, 55), (AlertCategory.VehicleOfInterest, 45));

    private static readonly WeightedTable<AlertCategory> FirearmCategories = new(
        (AlertCategory.FirearmTrace, 60), (AlertCategory.StolenFirearm, 40));

    private static readonly WeightedTable<AlertCategory> DocumentCategories = new(
        (AlertCategory.LostOrStolenDocument, 65), (AlertCategory.FraudulentDocument, 35));

    /// <summary>
    /// <paramref name="count"/> alerts drawn from <c>new Random(seed)</c>, dated relative to <paramref name="today"/>
    /// (dates of birth, review-by dates), with external refs <c>demo-0001</c>, <c>demo-0002</c>, …:
    /// <c>Generate(400, 42, new DateOnly(2026, 3, 1))</c>.
    /// </summary>
    public static IReadOnlyList<AlertContent> Generate(int count, int seed, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var kinds = ApportionKinds(count);
        random.Shuffle(kinds);
        var alerts = new AlertContent[count];
        for (var i = 0; i < count; i++)
            alerts[i] = Generate(random, kinds[i], today, i + 1);
        return alerts;
    }

    private static AlertContent Generate(Random random, AlertKind kind, DateOnly today, int number)
    {
        var externalRef = ExternalRefPrefix + number.ToString("D4", CultureInfo.InvariantCulture);
        if (kind == AlertKind.Person)
        {
            var person = NextPerson(random, today, externalRef);
            return person with { Narrative = SyntheticNarratives.Generate(random, kind, person.Category, today) };
        }
        var category = CategoryFor(kind).Pick(random);
        var subject = kind switch
        {
            AlertKind.Person => throw new UnreachableException("persons are drawn by NextPerson"),
            AlertKind.Organization => new AlertSubject { Organization = SyntheticOrganizations.Generate(random) },
            AlertKind.Vehicle => new AlertSubject { Vehicle = SyntheticVehicles.Generate(random, category, today) },
            AlertKind.Firearm => new AlertSubject { Firearm = SyntheticFirearms.Generate(random) },
            AlertKind.Document => new AlertSubject { Document = SyntheticDocuments.Generate(random) },
        };
        return new AlertContent
        {
            Kind = kind,
            Category = category,
            ActionOnHit = ActionFor(random, category),
            Narrative = SyntheticNarratives.Generate(random, kind, category, today),
            Markings = SyntheticMarkings.Generate(random, category, today),
            Subject = subject,
            ExternalRef = externalRef,
        };
    }

    /// <summary>
    /// One person alert without a narrative, as the demo and <c>perimeter generate persons</c> both draw them: a
    /// category of a border agency's person alerts, the action and markings it calls for, and a person whose
    /// realism depends on the category (victims skew young and female). Dates are relative to <paramref name="today"/>.
    /// </summary>
    internal static AlertContent NextPerson(Random random, DateOnly today, string externalRef)
    {
        var category = PersonCategories.Pick(random);
        return new AlertContent
        {
            Kind = AlertKind.Person,
            Category = category,
            ActionOnHit = ActionFor(random, category),
            Markings = SyntheticMarkings.Generate(random, category, today),
            Subject = new AlertSubject { Person = SyntheticPersons.Generate(random, category, today) },
            ExternalRef = externalRef,
        };
    }

    private static WeightedTable<AlertCategory> CategoryFor(AlertKind kind) => kind switch
    {
        AlertKind.Person => PersonCategories,
        AlertKind.Organization => OrganizationCategories,
        AlertKind.Vehicle => VehicleCategories,
        AlertKind.Firearm => FirearmCategories,
        AlertKind.Document => DocumentCategories,
    };

    /// <summary>What an officer is told to do on a hit, as the category implies: wanted → detain, stolen → seize.</summary>
    internal static ActionOnHit ActionFor(Random random, AlertCategory category) => category switch
    {
        AlertCategory.WantedForArrest => ActionOnHit.Detain,
        AlertCategory.DiscreetCheck or AlertCategory.VehicleOfInterest => ActionOnHit.DiscreetCheckAndReport,
        AlertCategory.KnownSmuggler => random.Chance(0.7) ? ActionOnHit.DiscreetCheckAndReport : ActionOnHit.ContactOriginator,
        AlertCategory.TerrorismWatch or AlertCategory.MissingPerson or AlertCategory.TraffickingVictim
            or AlertCategory.FirearmTrace or AlertCategory.Sanctioned => ActionOnHit.ContactOriginator,
        AlertCategory.StolenVehicle or AlertCategory.StolenFirearm
            or AlertCategory.LostOrStolenDocument or AlertCategory.FraudulentDocument => ActionOnHit.Seize,
    };

    // Largest-remainder apportionment, so 400 alerts hold exactly 240 persons and the mix does not drift with the seed.
    private static AlertKind[] ApportionKinds(int count)
    {
        var quotas = KindShares.Select(k => (k.Kind, Exact: k.Share * count)).ToArray();
        var counts = quotas.Select(q => (int)Math.Floor(q.Exact)).ToArray();
        var byRemainder = Enumerable.Range(0, quotas.Length).OrderByDescending(i => quotas[i].Exact - counts[i]).ThenBy(i => i);
        foreach (var i in byRemainder.Take(count - counts.Sum()))
            counts[i]++;
        return [.. quotas.SelectMany((q, i) => Enumerable.Repeat(q.Kind, counts[i]))];
    }
}
