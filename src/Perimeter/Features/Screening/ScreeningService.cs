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
    // eligible: which alerts may be candidates; by default those the access policy lets the caller see.
    public async Task<ScreenResponse> ScreenAsync(ScreenRequest request, Caller caller, CancellationToken ct, Func<ScreenedAlert, bool>? eligible = null)
    {
        using var activity = Telemetry.Source.StartActivity("screen");
        var snapshot = await index.EnsureCurrentAsync(db, ct);
        var options = ScreeningOptions.Default with
        {
            Top = request.Top,
            Threshold = request.Threshold ?? snapshot.Watchlist.Model.PossibleThreshold,
            Kind = AlertSubjects.SubjectKindOf(request.Kind),
        };
        var matches = snapshot.Watchlist.Screen(request.ToSubject(), options,
            id => snapshot.Alerts.TryGetValue(id, out var alert) && (eligible?.Invoke(alert) ?? policy.Decide(caller, alert).IsAllowed));

        var subjectKey = request.SubjectKey();
        var ids = matches.Select(m => m.Id).ToList();
        var decisions = await db.Set<ScreeningDecision>().AsNoTracking()
            .Where(d => d.Agency == caller.Agency && d.SubjectKey == subjectKey && ids.Contains(d.AlertId))
            .ToListAsync(ct);
        var candidates = matches.Select(m =>
        {
            var alert = snapshot.Alerts[m.Id];
            var decision = decisions.Where(d => d.AlertId == m.Id && d.AlertSubjectHash == alert.SubjectHash && d.Outcome != DecisionOutcome.Escalated)
                .MaxBy(d => d.At);
            return ScreenCandidate.Of(m, alert, decision);
        }).ToList();

        var screeningId = Guid.CreateVersion7(time.GetUtcNow());
        await audit.RecordAsync(caller, new AuditEntry(AuditAction.Screen, "alert", ids.Cast<object>(),
            Detail: $"screening={screeningId} {request.Describe()} candidates={ids.Count} model={snapshot.Watchlist.Model.Version}"), ct);
        Telemetry.Screenings.Add(1);
        return new ScreenResponse(screeningId, snapshot.Watchlist.Model.Version, subjectKey, candidates);
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
            Outcome = request.Outcome,
            Reason = request.Reason!.Trim(),
            DecidedBy = caller.ActorId,
            At = time.GetUtcNow(),
        };
        await db.WriteAsync(async t =>
        {
            db.Add(decision);
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.Decide, "alert", [alert.Id], Detail: $"outcome={MarkingText.Of(request.Outcome)}"), t);
        }, ct);
        return DecisionView.Of(decision);
    }
}

public sealed record ScreenResponse(Guid ScreeningId, string Model, string SubjectKey, IReadOnlyList<ScreenCandidate> Candidates);

/// <summary>One candidate as the officer sees it: what the alert is, how well it matches and why, and any earlier decision.</summary>
public sealed record ScreenCandidate(
    Guid AlertId, double Score, Band Band, AlertKind Kind, AlertCategory Category, ActionOnHit ActionOnHit, string Originator,
    string? DisplayName, string MatchedName, string Explanation, IReadOnlyList<PartExplanation> NameParts, IReadOnlyList<FeatureExplanation> Features,
    DecisionView? Decision)
{
    public static ScreenCandidate Of(Match match, ScreenedAlert alert, ScreeningDecision? decision) => new(
        alert.Id, match.Score, match.Band, alert.Kind, alert.Category, alert.ActionOnHit, alert.Originator, alert.DisplayName,
        match.Explanation.MatchedName, match.Explanation.Summary(), match.Explanation.NameParts, match.Explanation.Features,
        decision is null ? null : DecisionView.Of(decision));
}

public sealed record DecisionRequest(ScreenRequest Subject, Guid AlertId, DecisionOutcome Outcome, string? Reason);

public sealed record DecisionView(Guid Id, DecisionOutcome Outcome, string Reason, string DecidedBy, DateTimeOffset At, int AlertVersion)
{
    public static DecisionView Of(ScreeningDecision d) => new(d.Id, d.Outcome, d.Reason, d.DecidedBy, d.At, d.AlertVersion);
}
