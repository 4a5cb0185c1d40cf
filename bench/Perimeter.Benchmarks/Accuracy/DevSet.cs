using Perimeter.Matching.Evidence;
using Perimeter.Matching.Screening;

namespace Perimeter.Benchmarks.Accuracy;

/// <summary>Which side of the entity split a query falls on: thresholds are set on one, figures reported on the other.</summary>
internal enum Part
{
    Calibration,
    HoldOut,
}

/// <summary>The labels a query can carry: how it was made from a listed name, or which kind of negative it is.</summary>
internal static class Kinds
{
    public const string Alias = "alias";
    public const string AliasOtherName = "alias-other-name";
    public const string Accent = "accent";
    public const string MaternalDropped = "maternal-dropped";
    public const string GivenDropped = "given-dropped";
    public const string GivenFirst = "given-first";
    public const string SurnameFirst = "surname-first";
    public const string SurnamesSwapped = "surnames-swapped";
    public const string Hypocorism = "hypocorism";
    public const string Translation = "translation";
    public const string GluedParticle = "glued-particle";
    public const string Typo = "typo-1";
    public const string TwoTypos = "typo-2";
    public const string Ocr = "ocr";
    public const string Initial = "initial";
    public const string Mrz = "mrz";
    public const string DobYear = "dob-year-only";
    public const string DobSwapped = "dob-day-month-swapped";
    public const string DobOneDigit = "dob-one-digit";
    public const string DobYearApart = "dob-year-apart";
    public const string Combined = "combined";
    public const string OrganizationVariant = "org-variant";
    public const string Febrl = "febrl-link";
    public const string OtherGiven = "neg-other-given";
    public const string OtherSurname = "neg-other-surname";
    public const string CommonName = "neg-common-name";
    public const string Namesake = "neg-namesake";
    public const string NamesakeDob = "neg-namesake-dob";
    public const string Relative = "neg-relative";
    public const string SoundAlike = "neg-sound-alike";
    public const string OtherSex = "neg-other-sex";
    public const string CommonOrganization = "neg-org-common";

    /// <summary>
    /// Queries reported but outside the goal and the calibration. An alias that is another identity rather than
    /// another spelling ("AREGON, Max" or "GUZMAN, Archibaldo" for Guzmán Loera, Joaquín) is found by no name screening
    /// that also lets relatives pass. FEBRL's records are Anglo-Australian and synthetically corrupted in every field,
    /// dates of birth moved by decades among them: a linkage benchmark, not a lane's document.
    /// </summary>
    public static bool IsOutsideGoal(string kind) => kind is AliasOtherName or Febrl;
}

/// <summary>A watchlist to screen against: its entries for the engine, and its names folded for the brute-force baselines.</summary>
/// <param name="Name">"ofac" or "febrl".</param>
/// <param name="Entries">Every entry, of every kind, as <see cref="Watchlist.Build"/> takes them.</param>
/// <param name="Names">Each person or organization name, folded with given names first: what the baselines compare.</param>
/// <param name="Labels">A readable name per entry, for the examples in the report.</param>
internal sealed record DevList(
    string Name,
    IReadOnlyList<(Guid Id, Subject Subject)> Entries,
    IReadOnlyList<(Guid Id, SubjectKind Kind, string Text)> Names,
    IReadOnlyDictionary<Guid, string> Labels);

/// <summary>One screening of the development set: what is screened, against which list, and the entry it must find (none for a negative).</summary>
internal sealed record DevQuery
{
    public required int Number { get; init; }
    public required DevList List { get; init; }
    public required Subject Subject { get; init; }
    /// <summary>The query's name folded, given names first where its layout says so: what the baselines compare.</summary>
    public required string Text { get; init; }
    /// <summary>The name as written, with the date of birth when given.</summary>
    public required string Display { get; init; }
    public required Guid? Expected { get; init; }
    public required string Kind { get; init; }
    public required Part Part { get; init; }
    /// <summary>Whether the name is Hispanic (for the slices): a surname of the entry, or of the generated name, is in our Spanish surname list.</summary>
    public required bool Hispanic { get; init; }

    public bool IsPositive => Expected is not null;
    public bool HasDob => Subject.DatesOfBirth.Count > 0;
    public bool IsOrganization => Subject.Kind == SubjectKind.Organization;
}

/// <summary>The lists, the queries, and what the builder left out as ambiguous.</summary>
internal sealed record DevSet(IReadOnlyList<DevList> Lists, IReadOnlyList<DevQuery> Queries, IReadOnlyDictionary<string, int> Dropped)
{
    public static string DisplayOf(Subject subject)
    {
        var name = subject.Names[0];
        var text = name.Full ?? $"{name.GivenNames} | {name.Surnames}";
        var sex = subject.Sex switch { Sex.Male => ", M", Sex.Female => ", F", _ => "" };
        return subject.DatesOfBirth.Count == 0 ? text + (sex.Length > 0 ? $" ({sex[2..]})" : "") : $"{text} (DOB {subject.DatesOfBirth[0]}{sex})";
    }
}
