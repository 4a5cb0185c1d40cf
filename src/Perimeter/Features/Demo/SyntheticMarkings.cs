using Perimeter.Features.Access;
using Perimeter.Features.Alerts;

namespace Perimeter.Features.Demo;

/// <summary>Markings as a US agency sets them on its own alerts: mostly AMBER, released to Mexico's INM, third-party rule.</summary>
internal static class SyntheticMarkings
{
    private static readonly WeightedTable<Tlp> Tlps = new((Tlp.Amber, 48), (Tlp.Green, 32), (Tlp.AmberStrict, 14), (Tlp.Red, 6));

    private static readonly WeightedTable<string[]> Releases = new(
        (["mx.inm"], 35), (["MX"], 25), (["mx.inm", "gt.igm"], 15), ([], 25));

    private static readonly WeightedTable<Handling> Handlings = new(
        (Handling.ThirdPartyRule, 75), (Handling.ShareWithinAgreement, 15), (Handling.NoFurtherDissemination, 10));

    private static readonly WeightedTable<SourceReliability> Sources = new(
        (SourceReliability.A, 5), (SourceReliability.B, 35), (SourceReliability.C, 33), (SourceReliability.D, 12),
        (SourceReliability.E, 3), (SourceReliability.F, 12));

    private static readonly WeightedTable<InformationCredibility> Credibilities = new(
        (InformationCredibility.Confirmed, 8), (InformationCredibility.ProbablyTrue, 35), (InformationCredibility.PossiblyTrue, 35),
        (InformationCredibility.DoubtfullyTrue, 10), (InformationCredibility.Improbable, 2), (InformationCredibility.CannotBeJudged, 10));

    public static Markings Generate(Random random, AlertCategory category, DateOnly today)
    {
        var tlp = category switch
        {
            AlertCategory.TerrorismWatch => random.Chance(0.6) ? Tlp.Red : Tlp.AmberStrict,
            // Families and partners are asked to look for the missing: the widest sharing the demo uses.
            AlertCategory.MissingPerson => random.Chance(0.7) ? Tlp.Green : Tlp.Amber,
            _ => Tlps.Pick(random),
        };
        var source = Sources.Pick(random);
        return new Markings
        {
            Tlp = tlp,
            ReleasableTo = Release(random, tlp),
            Handling = tlp == Tlp.Red ? Handling.NoFurtherDissemination : Handlings.Pick(random),
            SourceReliability = source,
            InformationCredibility = Credibility(random, source),
            Purposes = PurposesFor(random, category),
            ReviewBy = ReviewBy(random, today),
        };
    }

    // AMBER+STRICT and RED stay inside named organisations, so they are never released to a whole country.
    private static string[] Release(Random random, Tlp tlp) => tlp switch
    {
        Tlp.Red or Tlp.AmberStrict => random.Chance(0.6) ? ["mx.inm"] : [],
        _ => Releases.Pick(random),
    };

    // Grading pairs cluster on the diagonal (B2, C3) because the same analyst judges source and content together.
    private static InformationCredibility Credibility(Random random, SourceReliability source)
    {
        if (!random.Chance(0.6))
            return Credibilities.Pick(random);
        return source switch
        {
            SourceReliability.A => random.Chance(0.5) ? InformationCredibility.Confirmed : InformationCredibility.ProbablyTrue,
            SourceReliability.B => InformationCredibility.ProbablyTrue,
            SourceReliability.C => InformationCredibility.PossiblyTrue,
            SourceReliability.D => random.Chance(0.5) ? InformationCredibility.PossiblyTrue : InformationCredibility.DoubtfullyTrue,
            SourceReliability.E => InformationCredibility.DoubtfullyTrue,
            SourceReliability.F => InformationCredibility.CannotBeJudged,
        };
    }

    /// <summary>The purposes a category's alerts may be used for; the first is always set, the others often.</summary>
    public static Purposes PurposesFor(Random random, AlertCategory category)
    {
        Purposes[] candidates = category switch
        {
            AlertCategory.WantedForArrest => [Purposes.BorderSecurity, Purposes.CounterNarcotics, Purposes.HumanTrafficking, Purposes.FirearmsTrafficking],
            AlertCategory.DiscreetCheck => [Purposes.BorderSecurity, Purposes.CounterNarcotics, Purposes.MoneyLaundering],
            AlertCategory.KnownSmuggler => [Purposes.CounterNarcotics, Purposes.HumanTrafficking, Purposes.BorderSecurity],
            AlertCategory.TerrorismWatch => [Purposes.CounterTerrorism, Purposes.BorderSecurity],
            AlertCategory.MissingPerson => [Purposes.MissingPersons, Purposes.HumanTrafficking],
            AlertCategory.TraffickingVictim => [Purposes.HumanTrafficking, Purposes.MissingPersons, Purposes.Migration],
            AlertCategory.Sanctioned => [Purposes.Sanctions, Purposes.MoneyLaundering],
            AlertCategory.StolenVehicle => [Purposes.BorderSecurity, Purposes.CounterNarcotics],
            AlertCategory.VehicleOfInterest => [Purposes.CounterNarcotics, Purposes.BorderSecurity, Purposes.HumanTrafficking],
            AlertCategory.FirearmTrace or AlertCategory.StolenFirearm => [Purposes.FirearmsTrafficking, Purposes.BorderSecurity],
            AlertCategory.LostOrStolenDocument => [Purposes.Migration, Purposes.BorderSecurity],
            AlertCategory.FraudulentDocument => [Purposes.Migration, Purposes.BorderSecurity, Purposes.HumanTrafficking],
        };
        var purposes = candidates[0];
        foreach (var other in candidates.Skip(1))
        {
            if (random.Chance(0.6))
                purposes |= other;
        }
        return purposes;
    }

    /// <summary>Between one month and three years ahead; about one alert in twenty is due within four months.</summary>
    public static DateOnly ReviewBy(Random random, DateOnly today) => random.Chance(0.05)
        ? random.NextDate(today.AddMonths(1), today.AddMonths(4).AddDays(-1))
        : random.NextDate(today.AddMonths(4), today.AddYears(3));
}
