using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Perimeter.Features.Access;
using Perimeter.Features.Deconfliction;
using Perimeter.Features.Audit;
using Perimeter.Storage;
using Perimeter.Web;

namespace Perimeter.Features.Federation;

/// <summary>
/// What partner nodes call, on the federation listener only (HTTPS, client certificate required). A peer is
/// known by the SHA-256 of its certificate alone: a certificate that is not pinned is refused and audited.
/// </summary>
internal static class FederationEndpoints
{
    private const string PeerKey = "perimeter:partner";

    public static RouteGroupBuilder MapFederationEndpoints(this IEndpointRouteBuilder app)
    {
        var federation = app.MapGroup("/federation/v1").WithTags("Federation").AllowAnonymous().ExcludeFromDescription()
            .AddEndpointFilter(RequirePinnedPeerAsync);
        federation.MapPost("/messages", Receive).WithName("ReceiveMessages");
        federation.MapPost("/read-log", ServeReadLog).WithName("ServeReadLog");
        federation.MapPost("/queries", AnswerQuery).WithName("AnswerQuery");
        federation.MapPartnerDeconfliction();
        federation.MapGet("/hello", async (HttpContext context, PartnerLinkTest link, CancellationToken ct) =>
            TypedResults.Ok(await link.AnswerAsync(PeerOf(context), ct))).WithName("Hello");
        return federation;
    }

    private static async Task<Results<Ok<BatchResult>, ValidationProblem>> Receive(
        FederationBatch batch, HttpContext context, FederationReceiver receiver, CancellationToken ct)
    {
        var (result, refusals, malformed) = await receiver.ReceiveAsync(PeerOf(context), batch, ct);
        if (malformed is not null)
            return Problems.Invalid(malformed);
        if (result is not null)
            return TypedResults.Ok(result);
        var errors = new FieldErrors();
        var index = batch.Messages.Select((m, i) => (m.MessageId, i)).ToDictionary(p => p.MessageId, p => p.i);
        foreach (var refusal in refusals)
            errors.Add($"messages[{index[refusal.MessageId]}]", "MessageRefused", refusal.Reason);
        // The whole batch is refused, so that nothing is half-written; the sender drops the refused messages and sends the rest again.
        return TypedResults.ValidationProblem(errors.ToDictionary(), title: Localization.Text.Get("InvalidRequest"),
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["refused"] = refusals });
    }

    private static async Task<Results<Ok<SignedDocument>, ProblemHttpResult>> ServeReadLog(
        ReadLogRequest request, HttpContext context, ReadLogService readLog, CancellationToken ct) =>
        await readLog.ServeAsync(PeerOf(context), request, ct) is { } document
            ? TypedResults.Ok(document)
            : Problems.Problem(StatusCodes.Status403Forbidden, "NoAgreement");

    private static async Task<Results<Ok<SignedDocument>, ValidationProblem, ProblemHttpResult>> AnswerQuery(
        PartnerQueryRequest request, HttpContext context, PartnerQueryService queries, CancellationToken ct)
    {
        // A partner's JSON may leave out members the record declares non-null.
        if (request.Subject is null)
            return Problems.Invalid("subject", "Required");
        if (request.Subject.Validate() is { Count: > 0 } errors)
            return Problems.Invalid(errors);
        if (MarkingText.Each(request.Purpose).Count() != 1)
            return Problems.Invalid("purpose", "PurposeRequired");
        var (answer, refusal) = await queries.AnswerAsync(PeerOf(context), request, ct);
        return answer is not null ? TypedResults.Ok(answer) : Problems.Problem(StatusCodes.Status403Forbidden, "MessageRefused", refusal);
    }

    /// <summary>The pinned partner calling, as the group's filter found it.</summary>
    internal static Partner PeerOf(HttpContext context) =>
        context.Items[PeerKey] as Partner ?? throw new InvalidOperationException("The pinned-peer filter did not run.");

    private static async ValueTask<object?> RequirePinnedPeerAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var certificate = context.Connection.ClientCertificate;
        var services = context.RequestServices;
        var db = services.GetRequiredService<PerimeterDb>();
        var pin = certificate is null ? null : CertificatePin.Of(certificate);
        var partner = pin is null ? null : await db.Partners.PinnedAsync(pin, context.RequestAborted);
        if (partner is not null)
        {
            context.Items[PeerKey] = partner;
            return await next(invocation);
        }
        var caller = Caller.Anonymous(context.Connection.RemoteIpAddress?.ToString());
        var reason = certificate is null ? "no client certificate" : $"unpinned certificate sha256={pin} subject={certificate.Subject}";
        await services.GetRequiredService<AuditLog>().RecordAsync(caller,
            new AuditEntry(AuditAction.FederationRefused, "peer", null, AuditOutcome.Denied, $"{context.Request.Path}: {reason}"), context.RequestAborted);
        return certificate is null
            ? Problems.Problem(StatusCodes.Status401Unauthorized, "ClientCertificateRequired")
            : Problems.Problem(StatusCodes.Status403Forbidden, "UnpinnedCertificate");
    }
}

/// <summary>The node's own API for partners, agreements, status, copies and read logs: its operators' side.</summary>
internal static class PartnerEndpoints
{
    public static void MapPartnerEndpoints(this IEndpointRouteBuilder app)
    {
        var partners = app.MapGroup("/api/v1/partners").WithTags("Partners").RequireAuthorization(Permissions.ManageAgreements);
        partners.MapGet("/", async (PartnerService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct))).WithName("ListPartners");
        partners.MapPost("/", AddPartner).WithName("AddPartner").RequireAuthorization(Permissions.ManageNode);
        partners.MapGet("/status", async (PartnerService service, Caller caller, CancellationToken ct) => TypedResults.Ok(await service.StatusAsync(caller, ct))).WithName("PartnerStatus");
        partners.MapGet("/{agency}/read-log", ReadLog).WithName("PartnerReadLog");
        partners.MapGet("/{agency}/held", Held).WithName("PartnerHeldCopies").RequireAuthorization(Permissions.ManageNode);
        partners.MapPost("/{agency}/retry", async Task<Results<NoContent, NotFound>> (string agency, PartnerService service, Caller caller, CancellationToken ct) =>
            await service.RetryAsync(agency, caller, ct) ? TypedResults.NoContent() : TypedResults.NotFound()).WithName("RetryPartner");

        var agreements = app.MapGroup("/api/v1/agreements").WithTags("Agreements").RequireAuthorization(Permissions.ManageAgreements);
        agreements.MapGet("/", async (AgreementService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct))).WithName("ListAgreements");
        agreements.MapPost("/", AddAgreement).WithName("AddAgreement");
        agreements.MapPost("/{id:guid}/suspend", Suspend).WithName("SuspendAgreement");

        app.MapGet("/api/v1/alerts/{id:guid}/copies", Copies).WithTags("Partners").WithName("AlertPartnerCopies").RequireAuthorization(Permissions.ReadAlerts);
    }

    private static async Task<Results<Created<PartnerView>, ValidationProblem>> AddPartner(
        NewPartner request, PartnerService service, Caller caller, CancellationToken ct)
    {
        var (partner, errors) = await service.AddAsync(request, caller, ct);
        return partner is null ? Problems.Invalid(errors) : TypedResults.Created($"/api/v1/partners/{partner.Agency}", partner);
    }

    private static async Task<Results<Ok<Paged<HeldCopyView>>, NotFound, ValidationProblem>> Held(
        string agency, PartnerService service, Caller caller, IOptions<NodeOptions> node, CancellationToken ct, string? status = null, int page = 1, int pageSize = 50)
    {
        var errors = new FieldErrors();
        var parsed = errors.Optional<AlertStatus>("status", status);
        errors.Paging(page, pageSize, node.Value.MaxPageSize);
        if (errors.Count > 0)
            return Problems.Invalid(errors);
        return await service.HeldAsync(agency, parsed, page, pageSize, caller, ct) is { } held ? TypedResults.Ok(held) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<ReadLogView>, NotFound, ProblemHttpResult>> ReadLog(
        string agency, long? after, ReadLogService service, Caller caller, CancellationToken ct)
    {
        var view = await service.RequestAsync(agency, after, caller, ct);
        if (view is null)
            return TypedResults.NotFound();
        return view.Failure is null ? TypedResults.Ok(view) : Problems.Problem(StatusCodes.Status502BadGateway, "PartnerFailed", view.Failure);
    }

    private static async Task<Results<Created<AgreementView>, ValidationProblem>> AddAgreement(
        NewAgreement request, AgreementService service, Caller caller, CancellationToken ct)
    {
        var (agreement, errors) = await service.AddAsync(request, caller, ct);
        return agreement is null ? Problems.Invalid(errors) : TypedResults.Created($"/api/v1/agreements/{agreement.Id}", agreement);
    }

    private static async Task<Results<Ok<AgreementView>, NotFound>> Suspend(Guid id, AgreementService service, Caller caller, CancellationToken ct) =>
        await service.SuspendAsync(id, caller, ct) is { } agreement ? TypedResults.Ok(agreement) : TypedResults.NotFound();

    // Hidden and missing look alike: only the originator learns where its alert's copies are.
    private static async Task<Results<Ok<IReadOnlyList<PartnerCopyView>>, NotFound>> Copies(Guid id, PartnerService service, Caller caller, CancellationToken ct) =>
        await service.CopiesAsync(id, caller, ct) is { } copies ? TypedResults.Ok(copies) : TypedResults.NotFound();
}
