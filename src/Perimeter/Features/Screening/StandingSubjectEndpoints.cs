using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Storage;
using Perimeter.Web;

namespace Perimeter.Features.Screening;

internal static class StandingSubjectEndpoints
{
    public static RouteGroupBuilder MapStandingSubjectEndpoints(this IEndpointRouteBuilder app)
    {
        var standing = app.MapGroup("/api/v1/standing-subjects").WithTags("Standing subjects").RequireAuthorization(Permissions.PublishAlerts);
        standing.MapPost("/", Register).WithName("RegisterStandingSubject").RequirePurpose();
        standing.MapGet("/", List).WithName("ListStandingSubjects");
        standing.MapDelete("/{id:guid}", Retire).WithName("RetireStandingSubject");
        standing.MapGet("/matches", Matches).WithName("ListStandingMatches").RequirePurpose();
        return standing;
    }

    private static async Task<Results<Created<StandingSubjectView>, ValidationProblem>> Register(
        RegisterStandingSubject request, PerimeterDb db, StandingSubjectJob job, AuditLog audit, Caller caller, TimeProvider time, CancellationToken ct)
    {
        var errors = request.Subject?.Validate() ?? new FieldErrors();
        if (request.Subject is null)
            errors.Add("subject", "Required");
        errors.Required("reference", request.Reference);
        errors.FreeText("reference", request.Reference, 200);
        if (errors.Count > 0)
            return Problems.Invalid(errors);
        var subject = new StandingSubject
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Agency = caller.Agency,
            Reference = request.Reference!.Trim(),
            RequestJson = PerimeterJson.Serialize(request.Subject!),
            Purpose = caller.Purpose,
            CreatedBy = caller.ActorId,
            CreatedAt = time.GetUtcNow(),
        };
        var matches = await db.WriteAsync(async token =>
        {
            db.Add(subject);
            var found = await job.ScreenNowAsync(subject, token);
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.StandingSubjectAdded, "standing-subject", [subject.Id, .. found.Select(m => (object)m.AlertId)],
                Detail: $"matches={found.Count}"), token);
            return found;
        }, ct);
        return TypedResults.Created($"/api/v1/standing-subjects/{subject.Id}", StandingSubjectView.Of(subject, matches));
    }

    private static async Task<Ok<List<StandingSubjectView>>> List(PerimeterDb db, Caller caller, CancellationToken ct)
    {
        var subjects = await db.Set<StandingSubject>().AsNoTracking()
            .Where(s => s.Agency == caller.Agency && s.RetiredAt == null).OrderBy(s => s.CreatedAt).Take(1_000).ToListAsync(ct);
        return TypedResults.Ok(subjects.Select(s => StandingSubjectView.Of(s, [])).ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Retire(Guid id, PerimeterDb db, AuditLog audit, Caller caller, TimeProvider time, CancellationToken ct)
    {
        var retired = await db.WriteAsync(async token =>
        {
            var subject = await db.Set<StandingSubject>().SingleOrDefaultAsync(s => s.Id == id && s.Agency == caller.Agency && s.RetiredAt == null, token);
            if (subject is null)
                return false;
            subject.RetiredAt = time.GetUtcNow();
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.StandingSubjectRetired, "standing-subject", [id]), token);
            return true;
        }, ct);
        return retired ? TypedResults.NoContent() : Problems.Problem(404, "NotFound");
    }

    private static async Task<Ok<IReadOnlyList<StandingMatchView>>> Matches(HitsInbox inbox, Caller caller, CancellationToken ct, DateTimeOffset? since = null) =>
        TypedResults.Ok(await inbox.StandingMatchesAsync(caller, since, ct));
}

public sealed record RegisterStandingSubject(string? Reference, ScreenRequest? Subject);

public sealed record StandingSubjectView(Guid Id, string Reference, ScreenRequest Subject, string CreatedBy, DateTimeOffset CreatedAt, IReadOnlyList<StandingMatchView> Matches)
{
    public static StandingSubjectView Of(StandingSubject s, IEnumerable<StandingMatch> matches) =>
        new(s.Id, s.Reference, PerimeterJson.Deserialize<ScreenRequest>(s.RequestJson), s.CreatedBy, s.CreatedAt, [.. matches.Select(StandingMatchView.Of)]);
}

public sealed record StandingMatchView(Guid Id, Guid StandingSubjectId, Guid AlertId, int AlertVersion, double Score, Matching.Screening.Band Band, string Explanation, DateTimeOffset At)
{
    public static StandingMatchView Of(StandingMatch m) => new(m.Id, m.StandingSubjectId, m.AlertId, m.AlertVersion, m.Score, m.Band, m.Explanation, m.At);
}
