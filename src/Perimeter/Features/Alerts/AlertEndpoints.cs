using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Perimeter.Features.Access;
using Perimeter.Web;

namespace Perimeter.Features.Alerts;

internal static class AlertEndpoints
{
    public static RouteGroupBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/v1/alerts").WithTags("Alerts");
        alerts.MapGet("/", List).WithName("ListAlerts").RequireAuthorization(Permissions.ReadAlerts).RequirePurpose();
        alerts.MapGet("/{id:guid}", Get).WithName("GetAlert").RequireAuthorization(Permissions.ReadAlerts).RequirePurpose();
        alerts.MapGet("/{id:guid}/versions", History).WithName("GetAlertHistory").RequireAuthorization(Permissions.ReadAlerts).RequirePurpose();
        alerts.MapPost("/", Publish).WithName("PublishAlert").RequireAuthorization(Permissions.PublishAlerts);
        alerts.MapPut("/{id:guid}", Update).WithName("UpdateAlert").RequireAuthorization(Permissions.PublishAlerts);
        alerts.MapPost("/{id:guid}/extend", Extend).WithName("ExtendAlert").RequireAuthorization(Permissions.ReadAlerts);
        alerts.MapPost("/{id:guid}/retract", Retract).WithName("RetractAlert").RequireAuthorization(Permissions.PublishAlerts);
        return alerts;
    }

    private static async Task<Results<Ok<Paged<AlertSummary>>, ValidationProblem>> List(
        AlertReader reader, Caller caller, IOptions<NodeOptions> node, CancellationToken ct,
        string? kind = null, string? category = null, string? status = null, string? tlp = null,
        string? originator = null, DateOnly? reviewBefore = null, string? q = null, int page = 1, int pageSize = 50)
    {
        var errors = new FieldErrors();
        var filter = new AlertFilter
        {
            Kind = Parse<AlertKind>("kind", kind, errors),
            Category = Parse<AlertCategory>("category", category, errors),
            Status = Parse<AlertStatus>("status", status, errors),
            Tlp = tlp is null ? null : MarkingText.TryParseTlp(tlp, out var t) ? t : Unknown<Tlp>("tlp", tlp, errors),
            Originator = originator,
            ReviewBefore = reviewBefore,
            Text = q,
            Page = page,
            PageSize = pageSize,
        };
        errors.FreeText("q", q, 200);
        errors.Paging(page, pageSize, node.Value.MaxPageSize);
        if (errors.Count > 0)
            return Problems.Invalid(errors);
        return TypedResults.Ok(await reader.ListAsync(filter, caller, ct));
    }

    // Hidden and missing look alike: a 404 must not reveal that an alert exists.
    private static async Task<Results<Ok<AlertView>, ProblemHttpResult>> Get(Guid id, AlertReader reader, Caller caller, CancellationToken ct) =>
        await reader.FindVisibleAsync(id, caller, ct) is { } alert ? TypedResults.Ok(alert) : Problems.Problem(404, "NotFound");

    private static async Task<Results<Ok<IReadOnlyList<AlertVersionView>>, ProblemHttpResult>> History(
        Guid id, AlertReader reader, Caller caller, CancellationToken ct) =>
        await reader.HistoryAsync(id, caller, ct) is { } versions ? TypedResults.Ok(versions) : Problems.Problem(404, "NotFound");

    private static async Task<IResult> Publish(AlertContent request, AlertWriter writer, Caller caller, CancellationToken ct) =>
        ToResult(await writer.PublishAsync(request, caller, ct), created: true);

    private static async Task<IResult> Update(
        Guid id, AlertContent request, AlertWriter writer, Caller caller, CancellationToken ct, [FromHeader(Name = "If-Match")] string? ifMatch = null)
    {
        int? expected = null;
        if (ifMatch is not null)
        {
            if (!int.TryParse(ifMatch.Trim('"', 'W', '/', ' '), out var version))
                return Problems.Invalid("If-Match", "InvalidValue", ifMatch);
            expected = version;
        }
        return ToResult(await writer.UpdateAsync(id, expected, request, caller, ct), created: false);
    }

    private static async Task<IResult> Extend(Guid id, ExtendRequest request, AlertWriter writer, Caller caller, CancellationToken ct) =>
        ToResult(await writer.ExtendAsync(id, request.ReviewBy, request.Justification, caller, ct), created: false);

    private static async Task<IResult> Retract(Guid id, RetractRequest request, AlertWriter writer, Caller caller, CancellationToken ct) =>
        ToResult(await writer.RetractAsync(id, request.Justification, caller, ct), created: false);

    private static IResult ToResult(AlertWrite write, bool created) => write.Status switch
    {
        AlertWriteStatus.Ok when created => TypedResults.Created($"/api/v1/alerts/{write.Alert!.Id}", AlertView.Of(write.Alert)),
        AlertWriteStatus.Ok => TypedResults.Ok(AlertView.Of(write.Alert!)),
        AlertWriteStatus.Invalid => Problems.Invalid(write.Errors!),
        AlertWriteStatus.NotFound => Problems.Problem(404, "NotFound"),
        AlertWriteStatus.Forbidden => Problems.Problem(403, write.MessageKey ?? "Forbidden"),
        AlertWriteStatus.Conflict => Problems.Problem(409, "Conflict", write.MessageArgs ?? []),
        AlertWriteStatus.NotActive => Problems.Problem(409, "NotActive"),
    };

    private static T? Parse<T>(string field, string? text, FieldErrors errors) where T : struct, Enum =>
        text is null ? null : MarkingText.TryParse<T>(text, out var value) ? value : Unknown<T>(field, text, errors);

    private static T? Unknown<T>(string field, string text, FieldErrors errors) where T : struct
    {
        errors.Add(field, "InvalidValue", text);
        return null;
    }
}

public sealed record ExtendRequest(string? Justification, DateOnly? ReviewBy = null);

public sealed record RetractRequest(string? Justification);
