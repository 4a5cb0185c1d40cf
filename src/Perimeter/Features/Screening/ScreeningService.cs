using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Audit;
using Perimeter.Matching.Screening;
using Perimeter.Storage;

namespace Perimeter.Features.Screening;

/// <summary>
/// Screens one subject for a caller: only alerts the access policy lets the caller see are ever
/// candidates; decided pairs come back as decided; every screening is audited with the ids it returned.
/// </summary>
public sealed class ScreeningService(PerimeterDb db, ScreeningIndex index, AccessPolicy policy, AuditLog audit, TimeProvider time)
{
    /// <summary>
    /// The weakest "also consider" candidate returned on its name: a thousand to one against is noise, not a lead. A
    /// candidate that evidence against brought down from a band comes back however low it fell (see <see cref="WeakerThan"/>).
    /// </summary>
    public const double WeakestShown = 0.001;

    /// <summary>
    /// Screens against the alerts the access policy lets the caller see; <paramref name="narrowTo"/> can only leave out more
    /// of them (a partner's query: only this node's own alerts its agreement covers), never add one.
    /// </summary>
    public async Task<ScreenResponse> ScreenAsync(ScreenRequest request, Caller caller, CancellationToken ct, Func<ScreenedAlert, bool>? narrowTo = null)
    {
        using var activity = Telemetry.Source.StartActivity("screen");
        var snapshot = await index.EnsureCurrentAsync(db, ct);
        var options = ScreeningOptions.Default with
        {
            Top = request.Top,
            Threshold = request.Threshold ?? snapshot.Watchlist.Model.PossibleThreshold,
            Kind = AlertSubjects.SubjectKindOf(request.Kind),
        };
        var subject = request.ToSubject();
        bool MayConsider(Guid id) => snapshot.Alerts.TryGetValue(id, out var alert) && policy.Decide(caller, alert).IsAllowed && (narrowTo?.Invoke(alert) ?? true);
        var matches = snapshot.Watchlist.Screen(subject, options, MayConsider);
        // Screened a second time only when asked: most callers want the bands alone.
        List<Match> weaker = request.AlsoConsider == 0 ? [] : WeakerThan(options, snapshot.Watchlist.Model, request.AlsoConsider, matches,
            snapshot.Watchlist.Screen(subject, options with { Threshold = 0, MaxGapBits = null, Top = options.Candidates }, MayConsider));

        var subjectKey = request.SubjectKey();
        var ids = matches.Concat(weaker).Select(m => m.Id).ToList();
        var decisions = await db.Set<ScreeningDecision>().AsNoTracking()
            .Where(d => d.Agency == caller.Agency && d.SubjectKey == subjectKey && ids.Contains(d.AlertId))
            .ToListAsync(ct);
        ScreenCandidate Candidate(Match m)
        {
            var alert = snapshot.Alerts[m.Id];
            var decision = decisions.Where(d => d.AlertId == m.Id && d.AlertSubjectHash == alert.SubjectHash && d.Outcome != DecisionOutcome.Escalated)
                .MaxBy(d => d.At);
            return ScreenCandidate.Of(m, alert, decision);
        }
        var candidates = matches.Select(Candidate).ToList();

        var screeningId = Guid.CreateVersion7(time.GetUtcNow());
        await audit.RecordAsync(caller, new AuditEntry(AuditAction.Screen, "alert", ids.Cast<object>(),
            Detail: $"screening={screeningId} {request.Describe()} candidates={matches.Count} weaker={weaker.Count} model={snapshot.Watchlist.Version}"), ct);
        Telemetry.Screenings.Add(1);
        return new ScreenResponse(screeningId, snapshot.Watchlist.Version, subjectKey, candidates, [.. weaker.Select(Candidate)]);
    }

    /// <summary>
    /// The best candidates under the threshold, not already shown: scored by the same model, only never promoted into a
    /// band. The gap rule is off for them, since a weak candidate is by definition far behind the best. Those ruled out
    /// come first — whose name agrees as much as an alert needs, but evidence against brought them down (the namesake
    /// born 27 years later): they are what an officer must see explained — then the others down to <see cref="WeakestShown"/>.
    /// </summary>
    private static List<Match> WeakerThan(ScreeningOptions options, ScoringModel model, int count, IReadOnlyList<Match> shown, IReadOnlyList<Match> all)
    {
        var shownIds = shown.Select(m => m.Id).ToHashSet();
        var weaker = all.Where(m => m.Score < options.Threshold && !shownIds.Contains(m.Id)).ToList();
        var alertBits = Math.Log2(options.Threshold / (1 - options.Threshold)) - model.PriorBits;
        bool RuledOut(Match m) => m.Explanation.Features.Any(f => f.IsAgainst)
            && m.Explanation.NameParts.Where(p => p.WeightBits > 0).Sum(p => p.WeightBits) >= alertBits;
        return [.. weaker.Where(RuledOut).Concat(weaker.Where(m => !RuledOut(m) && m.Score >= WeakestShown)).Take(count)];
    }

    /// <summary>Records an officer's decision on a subject–alert pair, if the caller may see the alert.</summary>
    public async Task<DecisionView?> DecideAsync(DecisionRequest request, Caller caller, CancellationToken ct)
    {
        var snapshot = await index.EnsureCurrentAsync(db, ct);
        if (!snapshot.Alerts.TryGetValue(request.AlertId, out var alert) || !policy.Decide(caller, alert).IsAllowed)
        {
            await audit.RecordAsync(caller, AuditEntry.Denied(AuditAction.Decide, "alert", request.AlertId, "not-visible"), ct);
            return null;
        }
        var decision = new ScreeningDecision
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Agency = caller.Agency,
            SubjectKey = request.Subject.SubjectKey(),
            AlertId = alert.Id,
            AlertSubjectHash = alert.SubjectHash,
            AlertVersion = alert.Version,
            Outcome = request.Outcome ?? throw new ArgumentException("A decision needs an outcome.", nameof(request)),
            Reason = request.Reason!.Trim(),
            DecidedBy = caller.ActorId,
            At = time.GetUtcNow(),
        };
        await db.WriteAsync(async t =>
        {
            db.Add(decision);
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.Decide, "alert", [alert.Id], Detail: $"outcome={MarkingText.Of(decision.Outcome)}"), t);
        }, ct);
        return DecisionView.Of(decision);
    }
}

/// <summary>A screening's answer; <c>AlsoConsider</c> holds candidates under the threshold when the request asked for them.</summary>
public sealed record ScreenResponse(Guid ScreeningId, string Model, string SubjectKey, IReadOnlyList<ScreenCandidate> Candidates,
    IReadOnlyList<ScreenCandidate> AlsoConsider);

/// <summary>
/// One candidate as the officer sees it: what the alert is, how well it matches and why, and any earlier decision.
/// <c>Explanation</c> is the engine's one line in English, for machines; <c>ReasonsFor</c> and <c>ReasonsAgainst</c>
/// are the same evidence as sentences in the request's language.
/// </summary>
public sealed record ScreenCandidate(
    Guid AlertId, double Score, Band Band, AlertKind Kind, AlertCategory Category, ActionOnHit ActionOnHit, string Originator,
    string? DisplayName, string MatchedName, string Explanation, IReadOnlyList<PartExplanation> NameParts, IReadOnlyList<FeatureExplanation> Features,
    IReadOnlyList<string> ReasonsFor, IReadOnlyList<string> ReasonsAgainst, DecisionView? Decision)
{
    public static ScreenCandidate Of(Match match, ScreenedAlert alert, ScreeningDecision? decision)
    {
        var reasons = ScreeningReasons.Of(match.Explanation);
        return new(
            alert.Id, match.Score, match.Band, alert.Kind, alert.Category, alert.ActionOnHit, alert.Originator, alert.DisplayName,
            match.Explanation.MatchedName, match.Explanation.Summary(), match.Explanation.NameParts, match.Explanation.Features,
            reasons.For, reasons.Against, decision is null ? null : DecisionView.Of(decision));
    }
}

/// <summary>An officer's decision; <see cref="Outcome"/> is nullable so that a request without one is refused, not read as the first outcome.</summary>
public sealed record DecisionRequest(ScreenRequest Subject, Guid AlertId, DecisionOutcome? Outcome, string? Reason);

public sealed record DecisionView(Guid Id, DecisionOutcome Outcome, string Reason, string DecidedBy, DateTimeOffset At, int AlertVersion)
{
    public static DecisionView Of(ScreeningDecision d) => new(d.Id, d.Outcome, d.Reason, d.DecidedBy, d.At, d.AlertVersion);
}
