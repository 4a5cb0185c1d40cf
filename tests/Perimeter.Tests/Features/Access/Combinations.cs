using Perimeter.Features.Access;
using Perimeter.Features.Alerts;

namespace Perimeter.Tests.Features.Access;

/// <summary>
/// Every marking an alert can carry and every kind of caller, for tests that must hold whatever the
/// combination. The node belongs to <see cref="Holder"/>; its own alerts are originated there, and its
/// partner copies come from <see cref="Partner"/>.
/// </summary>
public static class Combinations
{
    public const string Holder = "us.cbp";
    public const string Partner = "mx.inm";
    /// <summary>Named by id in a release.</summary>
    public const string NamedAgency = "gt.igm";
    /// <summary>Covered by a release to its country, <c>CA</c>, never by id.</summary>
    public const string CountryAgency = "ca.cbsa";
    /// <summary>Never in any release.</summary>
    public const string Unrelated = "co.mig";

    public static readonly string[] Agencies = [Holder, Partner, NamedAgency, CountryAgency, Unrelated];

    /// <summary>The purposes every generated alert allows; callers name one of them, another one, or none.</summary>
    public const Purposes AlertPurposes = Purposes.CounterNarcotics | Purposes.Migration;
    public static readonly Purposes[] CallerPurposes = [Purposes.Migration, Purposes.CounterTerrorism, Purposes.None];

    public static readonly Role[][] RoleSets =
    [
        [], [Role.Officer], [Role.Analyst], [Role.Supervisor], [Role.Auditor], [Role.Admin],
        [Role.Auditor, Role.Officer], [Role.Admin, Role.Analyst], [Role.Auditor, Role.Admin], [Role.Supervisor, Role.Analyst],
    ];

    /// <summary>None, by id, by country, both, and everyone; the holder is named too so that its copies are covered.</summary>
    public static readonly string[][] Releases =
    [
        [],
        [NamedAgency, Holder],
        ["CA", "US"],
        [NamedAgency, "CA"],
        [AccessPolicy.Everyone],
    ];

    private static readonly bool[] PartnerCopy = [false, true];

    public static IEnumerable<Caller> Callers(IEnumerable<Role[]> roleSets, IEnumerable<Purposes> purposes) =>
        from agency in Agencies
        from roles in roleSets
        from purpose in purposes
        select CallerOf(agency, purpose, roles);

    public static IEnumerable<Caller> AllCallers() =>
        Callers(RoleSets, CallerPurposes)
            .Concat(CallerPurposes.Select(p => Caller.Anonymous("127.0.0.1") with { Purpose = p, Roles = new HashSet<Role> { Role.Analyst } }))
            .Concat(CallerPurposes.Select(p => Caller.System(Holder) with { Purpose = p }));

    public static IEnumerable<Alert> AllAlerts() =>
        from tlp in Enum.GetValues<Tlp>()
        from release in Releases
        from handling in Enum.GetValues<Handling>()
        from status in Enum.GetValues<AlertStatus>()
        from partnerCopy in PartnerCopy
        select AlertWith(tlp, release, handling, status, partnerCopy);

    public static Caller CallerOf(string agency, Purposes purpose, params Role[] roles) => new()
    {
        Kind = ActorKind.User,
        ActorId = $"user:{agency}",
        Agency = agency,
        Roles = roles.ToHashSet(),
        Purpose = purpose,
    };

    public static Alert AlertWith(
        Tlp tlp = Tlp.Amber,
        IReadOnlyList<string>? releasedTo = null,
        Handling handling = Handling.ThirdPartyRule,
        AlertStatus status = AlertStatus.Active,
        bool partnerCopy = false,
        Purposes purposes = AlertPurposes)
    {
        var at = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        return new Alert
        {
            Id = Guid.NewGuid(),
            Kind = AlertKind.Person,
            Category = AlertCategory.WantedForArrest,
            ActionOnHit = ActionOnHit.ContactOriginator,
            Originator = partnerCopy ? Partner : Holder,
            Version = 1,
            Status = status,
            IsPartnerCopy = partnerCopy,
            Tlp = tlp,
            ReleasabilityKey = AccessPolicy.KeyOf(releasedTo ?? []),
            Handling = handling,
            SourceReliability = SourceReliability.B,
            InformationCredibility = InformationCredibility.ProbablyTrue,
            Purposes = purposes,
            ReviewBy = new DateOnly(2027, 11, 29),
            Narrative = "Combination.",
            DisplayName = "Combination",
            CreatedAt = at,
            CreatedBy = "test",
            UpdatedAt = at,
            UpdatedBy = "test",
        };
    }

    /// <summary>One line a reader can act on: who asked, and what the alert carried.</summary>
    public static string Describe(Caller caller, Alert alert, string holder = Holder)
    {
        var roles = caller.Roles.Count == 0 ? "no role" : string.Join('+', caller.Roles.Order());
        var purpose = caller.Purpose == Purposes.None ? "no purpose" : MarkingText.Of<Purposes>(caller.Purpose);
        var who = caller.IsAuthenticated ? caller.Agency : "anonymous";
        var copy = alert.IsPartnerCopy ? $"a partner copy held by {holder}" : "an own alert";
        var targets = AccessPolicy.TargetsOf(alert.ReleasabilityKey);
        var released = targets.Count == 0 ? "released to no one" : $"released to [{string.Join(", ", targets)}]";
        return $"{caller.Kind} {who} ({roles}, {purpose}) reading {copy} of {alert.Originator}: TLP:{MarkingText.Of(alert.Tlp)}, "
            + $"{released}, {MarkingText.Of(alert.Handling)}, {MarkingText.Of(alert.Status)}, for [{string.Join(", ", MarkingText.Of(alert.Purposes))}]";
    }
}
