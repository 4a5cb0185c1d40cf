using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Tests.Infrastructure;
using static Perimeter.Tests.Features.Access.Combinations;

namespace Perimeter.Tests.Features.Access;

/// <summary>
/// Who may see an alert, written from the rules in the product brief rather than from the code: one row
/// per rule, then invariants over every combination, then the database filter against the single read.
/// </summary>
public sealed class AccessPolicyTests
{
    private static readonly AccessPolicy Policy = new(Holder);

    private static readonly Dictionary<string, (Caller Caller, Alert Alert, bool Allowed)> Table = new(StringComparer.Ordinal)
    {
        // The originator.
        ["The originator sees its own RED alert"] = (Analyst(Holder), Own(Tlp.Red), true),
        ["The originator sees its own alert released to no one"] = (Analyst(Holder), Own(to: []), true),
        ["The originator sees its own retracted alert"] = (Analyst(Holder), Own(status: AlertStatus.Retracted), true),
        ["The originator sees its own expired alert"] = (Analyst(Holder), Own(status: AlertStatus.Expired), true),
        ["The originator sees its own purged alert"] = (Analyst(Holder), Own(status: AlertStatus.Purged), true),
        ["The originator of a partner copy sees it even when RED, retracted and released to no one"] =
            (Analyst(Partner), Copy(Tlp.Red, to: [], status: AlertStatus.Retracted), true),

        // Roles.
        ["An officer of an agency it was released to reads it"] = (Officer("mx.inm"), Own(to: ["mx.inm"]), true),
        ["A supervisor of an agency it was released to reads it"] = (Supervisor("mx.inm"), Own(to: ["mx.inm"]), true),
        ["An auditor never reads alert content, even its own agency's"] = (Auditor(Holder), Own(Tlp.Clear, to: ["*"]), false),
        ["An admin never reads alert content, even its own agency's"] = (Admin(Holder), Own(Tlp.Clear, to: ["*"]), false),
        ["An auditor of an agency it was released to does not read it"] = (Auditor("mx.inm"), Own(to: ["mx.inm"]), false),
        ["An admin of an agency it was released to does not read it"] = (Admin("mx.inm"), Own(to: ["mx.inm"]), false),
        ["A caller with no role reads nothing"] = (CallerOf(Holder, Purposes.Migration), Own(), false),
        ["An admin who is also an analyst reads as an analyst"] = (CallerOf(Holder, Purposes.Migration, Role.Admin, Role.Analyst), Own(), true),
        ["An anonymous caller reads nothing, even TLP:CLEAR released to everyone"] =
            (Caller.Anonymous("127.0.0.1") with { Purpose = Purposes.Migration, Roles = new HashSet<Role> { Role.Analyst } }, Own(Tlp.Clear, to: ["*"]), false),

        // Purposes.
        ["A caller who names no purpose reads nothing, not even its own alerts"] = (Analyst(Holder, Purposes.None), Own(), false),
        ["A purpose the alert does not allow reads nothing, not even for the originator"] = (Analyst(Holder, Purposes.CounterTerrorism), Own(), false),
        ["A partner naming a purpose the alert does not allow is denied"] = (Analyst("mx.inm", Purposes.CounterTerrorism), Own(to: ["mx.inm"]), false),
        ["A partner naming one of the alert's purposes reads it"] = (Analyst("mx.inm", Purposes.CounterNarcotics), Own(to: ["mx.inm"]), true),

        // Releasability.
        ["An alert released to someone else stays hidden from a partner"] = (Analyst("mx.inm"), Own(to: ["gt.igm"]), false),
        ["An alert released to no one stays hidden from partners"] = (Analyst("mx.inm"), Own(to: []), false),
        ["A release to one agency does not reach another agency of its country"] = (Analyst("mx.inm"), Own(to: ["mx.sre"]), false),
        ["A release to a country does not reach another country's agencies"] = (Analyst("mx.inm"), Own(to: ["GT"]), false),
        ["TLP:CLEAR released to an agency by id reaches it"] = (Analyst("mx.inm"), Own(Tlp.Clear, to: ["mx.inm"]), true),
        ["TLP:GREEN released to an agency by id reaches it"] = (Analyst("mx.inm"), Own(Tlp.Green, to: ["mx.inm"]), true),
        ["TLP:AMBER released to an agency by id reaches it"] = (Analyst("mx.inm"), Own(Tlp.Amber, to: ["mx.inm"]), true),
        ["TLP:AMBER+STRICT released to an agency by id reaches it"] = (Analyst("mx.inm"), Own(Tlp.AmberStrict, to: ["mx.inm"]), true),
        ["TLP:CLEAR released to a country reaches its agencies"] = (Analyst("mx.inm"), Own(Tlp.Clear, to: ["MX"]), true),
        ["TLP:GREEN released to a country reaches its agencies"] = (Analyst("mx.inm"), Own(Tlp.Green, to: ["MX"]), true),
        ["TLP:AMBER released to a country reaches its agencies"] = (Analyst("mx.inm"), Own(Tlp.Amber, to: ["MX"]), true),
        ["TLP:AMBER+STRICT released to a country does not reach its agencies"] = (Analyst("mx.inm"), Own(Tlp.AmberStrict, to: ["MX"]), false),
        ["TLP:AMBER+STRICT released to a country and to one agency reaches that agency only"] =
            (Analyst("mx.sre"), Own(Tlp.AmberStrict, to: ["MX", "mx.inm"]), false),
        ["TLP:CLEAR released to everyone reaches a partner"] = (Analyst("mx.inm"), Own(Tlp.Clear, to: ["*"]), true),
        ["TLP:CLEAR released to everyone reaches an agency named nowhere"] = (Analyst("co.mig"), Own(Tlp.Clear, to: ["*"]), true),
        ["TLP:CLEAR released to everyone reaches an officer"] = (Officer("gt.igm"), Own(Tlp.Clear, to: ["*"]), true),

        // TLP:RED.
        ["TLP:RED never reaches another agency, even named by id"] = (Analyst("mx.inm"), Own(Tlp.Red, to: ["mx.inm"]), false),
        ["TLP:RED never reaches another agency through its country"] = (Analyst("mx.inm"), Own(Tlp.Red, to: ["MX"]), false),
        ["TLP:RED never reaches another agency through everyone"] = (Analyst("mx.inm"), Own(Tlp.Red, to: ["*"]), false),

        // Status.
        ["A retracted alert no longer reaches an agency it was released to"] = (Analyst("mx.inm"), Own(to: ["mx.inm"], status: AlertStatus.Retracted), false),
        ["An expired alert no longer reaches an agency it was released to"] = (Analyst("mx.inm"), Own(to: ["mx.inm"], status: AlertStatus.Expired), false),
        ["A purged alert no longer reaches an agency it was released to"] = (Analyst("mx.inm"), Own(to: ["mx.inm"], status: AlertStatus.Purged), false),

        // Partner copies: mx.inm's alerts held by us.cbp.
        ["The holder sees a third-party-rule copy released to it"] = (Analyst(Holder), Copy(to: [Holder]), true),
        ["The holder sees a no-further-dissemination copy released to it"] = (Analyst(Holder), Copy(to: [Holder], handling: Handling.NoFurtherDissemination), true),
        ["The holder sees a share-within-agreement copy released to it"] = (Analyst(Holder), Copy(to: [Holder], handling: Handling.ShareWithinAgreement), true),
        ["The holder sees a copy released to its country"] = (Analyst(Holder), Copy(to: ["US"]), true),
        ["The holder does not see an AMBER+STRICT copy released only to its country"] = (Analyst(Holder), Copy(Tlp.AmberStrict, to: ["US"]), false),
        ["The holder does not see a copy released to someone else"] = (Analyst(Holder), Copy(to: ["gt.igm"]), false),
        ["The holder does not see a retracted copy"] = (Analyst(Holder), Copy(to: [Holder], status: AlertStatus.Retracted), false),
        ["The holder does not see a RED copy"] = (Analyst(Holder), Copy(Tlp.Red, to: [Holder]), false),
        ["A third agency released by id sees a share-within-agreement copy"] =
            (Analyst("gt.igm"), Copy(to: [Holder, "gt.igm"], handling: Handling.ShareWithinAgreement), true),
        ["A third agency released by country sees a share-within-agreement copy"] =
            (Analyst("gt.igm"), Copy(to: [Holder, "GT"], handling: Handling.ShareWithinAgreement), true),
        ["A third agency not in the release does not see a share-within-agreement copy"] =
            (Analyst("gt.igm"), Copy(to: [Holder], handling: Handling.ShareWithinAgreement), false),
        ["A third agency named by id sees a third-party-rule copy: the originator consented"] =
            (Analyst("gt.igm"), Copy(to: [Holder, "gt.igm"]), true),
        ["A third agency covered only by its country does not see a third-party-rule copy"] =
            (Analyst("gt.igm"), Copy(to: [Holder, "GT"]), false),
        ["A third agency covered only by everyone does not see a third-party-rule copy"] =
            (Analyst("gt.igm"), Copy(Tlp.Clear, to: ["*"]), false),
        ["No further dissemination: a third agency named by id never sees the copy"] =
            (Analyst("gt.igm"), Copy(to: [Holder, "gt.igm"], handling: Handling.NoFurtherDissemination), false),
        ["No further dissemination: a third agency covered by its country never sees the copy"] =
            (Analyst("gt.igm"), Copy(to: [Holder, "GT"], handling: Handling.NoFurtherDissemination), false),
        ["No further dissemination: a TLP:CLEAR copy released to everyone stays with the holder"] =
            (Analyst("gt.igm"), Copy(Tlp.Clear, to: ["*"], handling: Handling.NoFurtherDissemination), false),
    };

    // Each row is named by its rule, whole: the default display would cut it at 50 characters.
    public static IEnumerable<TheoryDataRow<string>> Rules =>
        Table.Keys.Select(rule => new TheoryDataRow<string>(rule) { TestDisplayName = $"Access rule: {rule}" });

    [Theory, MemberData(nameof(Rules))]
    public void Decide_follows_the_rule(string rule)
    {
        var (caller, alert, allowed) = Table[rule];

        var decision = Policy.Decide(caller, alert);

        Assert.True(decision.IsAllowed == allowed,
            $"{rule}: expected {(allowed ? "allowed" : "denied")}, got {decision} for {Describe(caller, alert)}");
    }

    [Fact]
    public void Every_combination_of_caller_and_markings_keeps_the_rules()
    {
        var callers = AllCallers().ToList();
        var alerts = AllAlerts().ToList();
        var broken = new Dictionary<string, (string First, int Count)>(StringComparer.Ordinal);
        var reasons = new HashSet<AccessReason>();
        var cases = 0;

        foreach (var caller in callers)
        {
            var filter = Policy.VisibleTo<Alert>(caller).Compile();
            foreach (var alert in alerts)
            {
                cases++;
                var decision = Policy.Decide(caller, alert);
                reasons.Add(decision.Reason);
                foreach (var (rule, holds) in Invariants)
                {
                    if (!holds(caller, alert, decision.IsAllowed))
                        Note(broken, rule, $"{Describe(caller, alert)} → {decision}");
                }
                if (filter(alert) != decision.IsAllowed)
                    Note(broken, "the list filter agrees with the single read", $"{Describe(caller, alert)} → {decision}, filter says {filter(alert)}");
            }
        }

        Assert.True(broken.Count == 0, string.Join(Environment.NewLine,
            broken.Select(b => $"Broken: {b.Key} ({b.Value.Count} cases); first: {b.Value.First}")));
        Assert.True(cases > 10_000, $"only {cases} combinations");
        // Every way to be allowed or denied was reached, so no branch went untested.
        Assert.Equal(Enum.GetValues<AccessReason>().ToHashSet(), reasons);
    }

    [Fact]
    public void A_hit_no_hit_answer_comes_only_from_the_nodes_own_active_alerts_the_asking_partner_may_see()
    {
        var answered = 0;
        foreach (var purpose in CallerPurposes)
        {
            foreach (var asker in Agencies.Where(a => a != Holder))
            {
                var partner = CallerOf(asker, purpose, Role.Officer) with { Kind = ActorKind.Partner };
                foreach (var alert in AllAlerts())
                {
                    var answers = Policy.MayAnswerHitNoHit(partner, alert);
                    var expected = Policy.Decide(partner, alert).IsAllowed && !alert.IsPartnerCopy && alert.Status == AlertStatus.Active;
                    Assert.True(answers == expected, $"{(answers ? "answers" : "does not answer")}: {Describe(partner, alert)}");
                    answered += answers ? 1 : 0;
                }
            }
        }
        Assert.True(answered > 0, "no alert ever answered: the comparison proved nothing");
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_list_filter_in_the_database_and_the_single_read_agree_on_every_combination(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(database, ct);
        await using (var db = test.Open())
        {
            db.Alerts.AddRange(AllAlerts());
            await db.SaveChangesAsync(ct);
        }
        await using var read = test.Open();
        var stored = await read.Alerts.AsNoTracking().ToListAsync(ct);
        Assert.Equal(AllAlerts().Count(), stored.Count);
        var callers = Callers([[Role.Officer], [Role.Auditor], [Role.Admin, Role.Analyst], []], CallerPurposes)
            .Append(Caller.Anonymous("127.0.0.1") with { Purpose = Purposes.Migration, Roles = new HashSet<Role> { Role.Analyst } });
        var seen = 0;

        foreach (var caller in callers)
        {
            var listed = (await read.Alerts.Where(Policy.VisibleTo<Alert>(caller)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
            var decided = stored.Where(a => Policy.Decide(caller, a).IsAllowed).Select(a => a.Id).ToHashSet();

            if (stored.FirstOrDefault(a => listed.Contains(a.Id) != decided.Contains(a.Id)) is { } differs)
            {
                Assert.Fail($"{database}: the list {(listed.Contains(differs.Id) ? "shows" : "hides")} what a single read "
                    + $"{(decided.Contains(differs.Id) ? "allows" : "denies")}: {Describe(caller, differs)}");
            }
            seen += listed.Count;
        }
        Assert.True(seen > 0, "no caller saw anything: the comparison proved nothing");
    }

    private delegate bool Invariant(Caller caller, Alert alert, bool allowed);

    /// <summary>What must hold whatever the implementation; each is checked on every combination.</summary>
    private static readonly (string Rule, Invariant Holds)[] Invariants =
    [
        ("only officers, analysts and supervisors read alert content", (c, _, allowed) => !allowed || ReadsAlerts(c)),
        ("nothing is read without a purpose the alert allows", (c, a, allowed) => !allowed || PurposeAllowed(c, a)),
        ("the originator sees its own alert for an allowed purpose", (c, a, allowed) =>
            !(IsOriginator(c, a) && ReadsAlerts(c) && PurposeAllowed(c, a)) || allowed),
        ("an alert that is not active stays with its originator", (c, a, allowed) =>
            !allowed || IsOriginator(c, a) || a.Status == AlertStatus.Active),
        ("TLP:RED never leaves the originator", (c, a, allowed) => !allowed || IsOriginator(c, a) || a.Tlp != Tlp.Red),
        ("nothing reaches an agency it was not released to", (c, a, allowed) => !allowed || IsOriginator(c, a) || IsReleasedTo(c, a)),
        ("TLP:AMBER+STRICT reaches only agencies named by id", (c, a, allowed) =>
            !allowed || IsOriginator(c, a) || a.Tlp != Tlp.AmberStrict || IsNamed(c, a)),
        ("a partner copy reaches a third agency only as its handling allows", (c, a, allowed) =>
            !allowed || IsOriginator(c, a) || HandlingAllows(c, a)),
        ("no further dissemination keeps a partner copy with the holder", (c, a, allowed) =>
            !allowed || IsOriginator(c, a) || !a.IsPartnerCopy || c.Agency == Holder || a.Handling != Handling.NoFurtherDissemination),
        ("what the rules allow is not withheld", (c, a, allowed) => allowed || !(ReadsAlerts(c) && PurposeAllowed(c, a)
            && a.Status == AlertStatus.Active && a.Tlp != Tlp.Red && IsReleasedTo(c, a)
            && (a.Tlp != Tlp.AmberStrict || IsNamed(c, a)) && HandlingAllows(c, a))),
    ];

    private static bool ReadsAlerts(Caller caller) =>
        caller.IsAuthenticated && caller.Roles.Any(r => r is Role.Officer or Role.Analyst or Role.Supervisor);

    private static bool PurposeAllowed(Caller caller, Alert alert) =>
        caller.Purpose != Purposes.None && alert.Purposes.HasFlag(caller.Purpose);

    private static bool IsOriginator(Caller caller, Alert alert) => caller.IsAuthenticated && caller.Agency == alert.Originator;

    private static bool IsNamed(Caller caller, Alert alert) => AccessPolicy.TargetsOf(alert.ReleasabilityKey).Contains(caller.Agency);

    private static bool IsReleasedTo(Caller caller, Alert alert)
    {
        var targets = AccessPolicy.TargetsOf(alert.ReleasabilityKey);
        return targets.Contains(caller.Agency) || targets.Contains(caller.Country) || targets.Contains(AccessPolicy.Everyone);
    }

    private static bool HandlingAllows(Caller caller, Alert alert) =>
        !alert.IsPartnerCopy || caller.Agency == Holder || alert.Handling switch
        {
            Handling.ShareWithinAgreement => true,
            Handling.ThirdPartyRule => IsNamed(caller, alert),
            Handling.NoFurtherDissemination => false,
        };

    private static void Note(Dictionary<string, (string First, int Count)> broken, string rule, string example) =>
        broken[rule] = broken.TryGetValue(rule, out var seen) ? (seen.First, seen.Count + 1) : (example, 1);

    private static Caller Analyst(string agency, Purposes purpose = Purposes.Migration) => CallerOf(agency, purpose, Role.Analyst);

    private static Caller Officer(string agency) => CallerOf(agency, Purposes.Migration, Role.Officer);

    private static Caller Supervisor(string agency) => CallerOf(agency, Purposes.Migration, Role.Supervisor);

    private static Caller Auditor(string agency) => CallerOf(agency, Purposes.Migration, Role.Auditor);

    private static Caller Admin(string agency) => CallerOf(agency, Purposes.Migration, Role.Admin);

    /// <summary>An alert of this node's own agency.</summary>
    private static Alert Own(Tlp tlp = Tlp.Amber, string[]? to = null, AlertStatus status = AlertStatus.Active) =>
        AlertWith(tlp, to ?? ["mx.inm"], Handling.ThirdPartyRule, status, partnerCopy: false);

    /// <summary>A copy of the partner's alert held by this node.</summary>
    private static Alert Copy(Tlp tlp = Tlp.Amber, string[]? to = null, Handling handling = Handling.ThirdPartyRule, AlertStatus status = AlertStatus.Active) =>
        AlertWith(tlp, to ?? [Holder], handling, status, partnerCopy: true);
}
