using System.Linq.Expressions;

namespace Perimeter.Features.Access;

/// <summary>
/// The one place that decides who may see an alert. <see cref="Decide"/> judges one alert;
/// <see cref="VisibleTo{T}"/> is the same rule as a query filter, so lists and searches page over
/// visible alerts only. Tests enumerate both and prove they agree. Deny by default.
/// </summary>
/// <param name="holder">The agency this node belongs to: partner copies here were released to it.</param>
public sealed class AccessPolicy(string holder)
{
    /// <summary>A release target meaning every partner agency; allowed only on TLP:CLEAR.</summary>
    public const string Everyone = "*";

    public string Holder => holder;

    public AccessDecision Decide(Caller caller, IMarked alert)
    {
        if (!caller.IsAuthenticated || !caller.Roles.Any(Roles.ReadsAlerts))
            return AccessDecision.Deny(AccessReason.RoleMayNotRead);
        if (caller.Purpose == Purposes.None)
            return AccessDecision.Deny(AccessReason.NoPurpose);
        if ((alert.Purposes & caller.Purpose) == 0)
            return AccessDecision.Deny(AccessReason.PurposeNotAllowed);
        if (string.Equals(caller.Agency, alert.Originator, StringComparison.Ordinal))
            return AccessDecision.Allow(AccessReason.Originator);
        if (alert.Status != AlertStatus.Active)
            return AccessDecision.Deny(AccessReason.NotActive);
        if (alert.Tlp == Tlp.Red)
            return AccessDecision.Deny(AccessReason.TlpRed);

        var named = alert.ReleasabilityKey.Contains(Target(caller.Agency), StringComparison.Ordinal);
        var broadly = alert.ReleasabilityKey.Contains(Target(caller.Country), StringComparison.Ordinal)
            || alert.ReleasabilityKey.Contains(Target(Everyone), StringComparison.Ordinal);
        if (!named && !broadly)
            return AccessDecision.Deny(AccessReason.NotReleased);
        // AMBER+STRICT stays inside the recipient organisation: only an agency named by id.
        if (alert.Tlp == Tlp.AmberStrict && !named)
            return AccessDecision.Deny(AccessReason.TlpAmberStrict);
        if (!alert.IsPartnerCopy || string.Equals(caller.Agency, holder, StringComparison.Ordinal))
            return AccessDecision.Allow(AccessReason.Released);

        // A partner's copy shown to a third agency: the originator's handling decides.
        return alert.Handling switch
        {
            Handling.ShareWithinAgreement => AccessDecision.Allow(AccessReason.Released),
            Handling.ThirdPartyRule when named => AccessDecision.Allow(AccessReason.OriginatorConsented),
            Handling.ThirdPartyRule => AccessDecision.Deny(AccessReason.ThirdPartyRule),
            Handling.NoFurtherDissemination => AccessDecision.Deny(AccessReason.NoFurtherDissemination),
        };
    }

    /// <summary>
    /// Whether markings release an alert to another agency's node: not RED, and released to the agency by id,
    /// by its country or to everyone, AMBER+STRICT by id only. Federation asks this before a copy leaves.
    /// </summary>
    public static bool IsReleasedTo(Markings markings, string agency)
    {
        if (markings.Tlp == Tlp.Red)
            return false;
        var named = markings.ReleasableTo.Contains(agency, StringComparer.Ordinal);
        var broadly = markings.ReleasableTo.Contains(AgencyId.CountryOf(agency), StringComparer.Ordinal)
            || markings.ReleasableTo.Contains(Everyone, StringComparer.Ordinal);
        return named || (broadly && markings.Tlp != Tlp.AmberStrict);
    }

    /// <summary>
    /// Whether a holder of a partner's copy may pass it on to <paramref name="agency"/>: released to it, and the
    /// originator's handling allows it — the third-party rule only with consent (the agency named by id).
    /// </summary>
    public static AccessDecision MayPassOn(Markings markings, string agency)
    {
        if (!IsReleasedTo(markings, agency))
            return AccessDecision.Deny(AccessReason.NotReleased);
        return markings.Handling switch
        {
            Handling.ShareWithinAgreement => AccessDecision.Allow(AccessReason.Released),
            Handling.ThirdPartyRule when markings.ReleasableTo.Contains(agency, StringComparer.Ordinal) => AccessDecision.Allow(AccessReason.OriginatorConsented),
            Handling.ThirdPartyRule => AccessDecision.Deny(AccessReason.ThirdPartyRule),
            Handling.NoFurtherDissemination => AccessDecision.Deny(AccessReason.NoFurtherDissemination),
        };
    }

    /// <summary>
    /// Whether an alert may answer a partner's hit/no-hit query (Prüm style): only this node's own active alerts that
    /// the asking agency may see for the purpose it names — a hit confirms that a record exists, so an alert not
    /// released to the asker never answers. The answer carries no personal data; the details behind a hit are released
    /// only on a request a supervisor approves.
    /// </summary>
    public bool MayAnswerHitNoHit(Caller asker, IMarked alert) =>
        string.Equals(alert.Originator, holder, StringComparison.Ordinal) && !alert.IsPartnerCopy && alert.Status == AlertStatus.Active
        && Decide(asker, alert).IsAllowed;

    /// <summary>The rule of <see cref="Decide"/> as a filter a database can run.</summary>
    public Expression<Func<T, bool>> VisibleTo<T>(Caller caller) where T : class, IMarked
    {
        if (!caller.IsAuthenticated || !caller.Roles.Any(Roles.ReadsAlerts) || caller.Purpose == Purposes.None)
            return _ => false;
        var agency = caller.Agency;
        var purpose = (int)caller.Purpose;
        var named = Target(agency);
        var country = Target(caller.Country);
        var everyone = Target(Everyone);
        var callerIsHolder = string.Equals(agency, holder, StringComparison.Ordinal);

        Expression<Func<T, bool>> purposeAllowed = a => ((int)a.Purposes & purpose) != 0;
        Expression<Func<T, bool>> originated = a => a.Originator == agency;
        Expression<Func<T, bool>> released = a =>
            a.Status == AlertStatus.Active && a.Tlp != Tlp.Red
            && (a.ReleasabilityKey.Contains(named)
                || (a.Tlp != Tlp.AmberStrict && (a.ReleasabilityKey.Contains(country) || a.ReleasabilityKey.Contains(everyone))));
        Expression<Func<T, bool>> handlingAllows = callerIsHolder
            ? a => true
            : a => !a.IsPartnerCopy
                || a.Handling == Handling.ShareWithinAgreement
                || (a.Handling == Handling.ThirdPartyRule && a.ReleasabilityKey.Contains(named));

        return And(purposeAllowed, Or(originated, And(released, handlingAllows)));
    }

    /// <summary>How a release target is stored inside <see cref="IMarked.ReleasabilityKey"/>.</summary>
    public static string Target(string agencyOrCountry) => $"|{agencyOrCountry}|";

    public static string KeyOf(IEnumerable<string> targets)
    {
        var sorted = targets.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return sorted.Count == 0 ? "|" : $"|{string.Join('|', sorted)}|";
    }

    public static IReadOnlyList<string> TargetsOf(string key) =>
        key.Split('|', StringSplitOptions.RemoveEmptyEntries);

    private static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Combine(left, right, Expression.AndAlso);

    private static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Combine(left, right, Expression.OrElse);

    private static Expression<Func<T, bool>> Combine<T>(
        Expression<Func<T, bool>> left, Expression<Func<T, bool>> right, Func<Expression, Expression, BinaryExpression> join)
    {
        var parameter = left.Parameters[0];
        var rightBody = new Rebind(right.Parameters[0], parameter).Visit(right.Body);
        return Expression.Lambda<Func<T, bool>>(join(left.Body, rightBody), parameter);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

public enum AccessReason
{
    Originator,
    Released,
    OriginatorConsented,
    RoleMayNotRead,
    NoPurpose,
    PurposeNotAllowed,
    NotActive,
    TlpRed,
    NotReleased,
    TlpAmberStrict,
    ThirdPartyRule,
    NoFurtherDissemination,
}

public readonly record struct AccessDecision(bool IsAllowed, AccessReason Reason)
{
    public static AccessDecision Allow(AccessReason reason) => new(true, reason);
    public static AccessDecision Deny(AccessReason reason) => new(false, reason);
}
