using System.Collections.Concurrent;
using CsCheck;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using static Perimeter.Tests.Features.Access.Combinations;

namespace Perimeter.Tests.Properties;

/// <summary>
/// The list filter and the single read are one rule written twice; <c>AccessPolicyTests</c> proves they agree on a
/// fixed grid, this on generated nodes, callers and markings beyond it: any agency, several purposes at once on the
/// alert and on the caller, release lists of agencies, countries and everyone.
/// </summary>
public sealed class AccessPolicyProperties
{
    // Three countries and three names make nine agencies, so that callers, holders, originators and release targets
    // often coincide; now and then an id from anywhere, or a string that is no id at all.
    private static readonly Gen<string> Agency = Gen.Frequency(
        (8, Gen.Select(Gen.OneOf("us", "mx", "gt"), Gen.OneOf("cbp", "inm", "igm"), (country, name) => $"{country}.{name}")),
        (1, Gen.Select(Gen.Char['a', 'z'].Array[2], Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"].Array[1, 12],
            (country, name) => $"{new string(country)}.{new string(name)}")),
        (1, Gen.OneOf("", "mx", "MX.INM", " us.cbp", "|", "mx|inm")));

    private static readonly Gen<string> ReleaseTarget = Gen.Frequency(
        (4, Agency),
        (3, Gen.OneOf("US", "MX", "GT", "CA")),
        (1, Gen.Const(AccessPolicy.Everyone)));

    private static readonly Gen<Purposes> AnyPurposes = Gen.Int[0, (int)Enum.GetValues<Purposes>().Aggregate((a, b) => a | b)].Select(p => (Purposes)p);

    // A request names one purpose, or none; a combination is checked too, as nothing stops a caller being built with one.
    private static readonly Gen<Purposes> CallerPurpose = Gen.Frequency((4, Gen.Enum<Purposes>()), (1, AnyPurposes));

    private static readonly Gen<Caller> ACaller = Gen.Select(Gen.Enum<ActorKind>(), Agency, Gen.Enum<Role>().HashSet[0, 3], CallerPurpose,
        (kind, agency, roles, purpose) => new Caller { Kind = kind, ActorId = "generated", Agency = agency, Roles = roles, Purpose = purpose });

    private static readonly Gen<Alert> MarkedAlert = Gen.Select(
        Gen.Enum<Tlp>(), ReleaseTarget.Array[0, 5], Gen.Enum<Handling>(), Gen.Enum<AlertStatus>(), Gen.Bool, AnyPurposes, Agency,
        (tlp, releasedTo, handling, status, partnerCopy, purposes, originator) =>
        {
            var alert = AlertWith(tlp, releasedTo, handling, status, partnerCopy, purposes);
            alert.Originator = originator;
            return alert;
        });

    [Fact]
    public void The_list_filter_allows_exactly_what_the_single_read_allows()
    {
        var reached = new ConcurrentDictionary<AccessReason, bool>();

        Gen.Select(Agency, ACaller, MarkedAlert.Array[1, 20]).Sample((holder, caller, alerts) =>
        {
            var policy = new AccessPolicy(holder);
            var filter = policy.VisibleTo<Alert>(caller).Compile();
            foreach (var alert in alerts)
            {
                var decision = policy.Decide(caller, alert);
                reached[decision.Reason] = true;
                Assert.True(filter(alert) == decision.IsAllowed,
                    $"{Describe(caller, alert, holder)} → {decision}, but the list filter says {(filter(alert) ? "allowed" : "denied")}");
            }
        }, iter: 1_000, print: example => $"holder {example.Item1}: {string.Join("; ", example.Item3.Select(a => Describe(example.Item2, a, example.Item1)))}");

        // Every way to be allowed or denied was generated, so the agreement covers every branch.
        Assert.Equal(Enum.GetValues<AccessReason>().Order(), reached.Keys.Order());
    }
}
