using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Storage;

namespace Perimeter.Features.Federation;

/// <summary>
/// <c>perimeter partners test AGENCY</c>: one call to the partner over mutual TLS, and what stands in the way, in words
/// an operator can act on — unreachable, a certificate that is not the one pinned, a partner that does not pin this
/// node, clocks apart, no agreement in force on either side.
/// </summary>
public sealed class PartnerLinkTest(
    PerimeterDb db, AuditLog audit, FederationIdentity identity, PartnerClients clients, IOptions<NodeOptions> options, TimeProvider time)
{
    public const string HelloPath = "federation/v1/hello";

    /// <summary>Clocks further apart than this make signed documents and receipts confusing to read.</summary>
    private static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(1);

    /// <summary>Null when there is no such partner.</summary>
    public async Task<LinkReport?> RunAsync(string agency, Caller caller, CancellationToken ct)
    {
        if (await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.Agency == agency, ct) is not { } partner)
            return null;
        var problems = new List<string>();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var ours = (await db.Agreements.AsNoTracking().Where(a => a.Partner == agency).ToListAsync(ct)).Where(a => a.IsInForce(today)).Select(a => a.Mode).ToList();
        if (ours.Count == 0)
            problems.Add($"no agreement with {agency} is in force here: perimeter agreements add --partner {agency} …");
        HelloAnswer? answer = null;
        if (identity.Current is null)
            problems.Add("this node has no identity: perimeter pki init");
        else
            answer = await HelloAsync(partner, problems, ct);
        if (answer is not null)
        {
            var skew = answer.Now - time.GetUtcNow();
            if (skew.Duration() > MaxSkew)
                problems.Add($"clocks {skew.Duration().TotalSeconds:F0} s apart ({agency} is {(skew > TimeSpan.Zero ? "ahead" : "behind")}): set both to UTC from NTP");
            if (answer.Modes.Count == 0)
                problems.Add($"{agency} holds no agreement in force with {identity.Agency}: ask its operator to add one");
        }
        var report = new LinkReport(agency, partner.Url, problems.Count == 0, problems, ours.Select(MarkingText.Of).ToList(), answer?.Modes);
        await audit.RecordAsync(caller, new AuditEntry(AuditAction.PartnerTested, "partner", [agency], report.Ok ? AuditOutcome.Allowed : AuditOutcome.Failed,
            report.Ok ? "ok" : string.Join("; ", problems)), ct);
        return report;
    }

    private async Task<HelloAnswer?> HelloAsync(Partner partner, List<string> problems, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            using var response = await clients.For(partner).GetAsync(HelloPath, deadline.Token);
            if (response.StatusCode == HttpStatusCode.Forbidden)
            {
                problems.Add($"{partner.Agency} does not pin this node's certificate: give its operator {NodeIdentity.CertificatePathOf(options.Value.DataDirectory)} (sha256 {identity.Required.Pin})");
                return null;
            }
            if (!response.IsSuccessStatusCode)
            {
                problems.Add($"{partner.Url} answered {(int)response.StatusCode}: is it a Perimeter node's federation URL?");
                return null;
            }
            return await response.Content.ReadFromJsonAsync<HelloAnswer>(PerimeterJson.Options, deadline.Token);
        }
        catch (HttpRequestException e) when (e.InnerException is AuthenticationException)
        {
            problems.Add($"TLS refused at {partner.Url}: its certificate is not the one pinned for {partner.Agency} (sha256 {partner.CertificateSha256}), or it refused ours");
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException or IOException || e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            problems.Add($"unreachable: {partner.Url} ({e.Message})");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            problems.Add($"no answer from {partner.Url} in 10 s");
        }
        catch (System.Text.Json.JsonException)
        {
            problems.Add($"{partner.Url} answered something that is not a Perimeter node's");
        }
        return null;
    }

    /// <summary>The partner's side: its clock, and the modes of its agreements in force with the caller.</summary>
    public async Task<HelloAnswer> AnswerAsync(Partner asker, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var modes = (await db.Agreements.AsNoTracking().Where(a => a.Partner == asker.Agency).ToListAsync(ct))
            .Where(a => a.IsInForce(today)).Select(a => MarkingText.Of(a.Mode)).ToList();
        return new HelloAnswer(identity.Agency, time.GetUtcNow(), modes);
    }
}

public sealed record HelloAnswer(string Agency, DateTimeOffset Now, IReadOnlyList<string> Modes);

public sealed record LinkReport(string Agency, string Url, bool Ok, IReadOnlyList<string> Problems, IReadOnlyList<string> OurAgreements,
    IReadOnlyList<string>? TheirAgreements);
