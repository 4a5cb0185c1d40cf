using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Agencies;
using Perimeter.Features.Audit;
using Perimeter.Storage;

namespace Perimeter.Features.Federation;

/// <summary>Partners this node trusts, their pinned certificates, and how delivery to each is going.</summary>
public sealed class PartnerService(PerimeterDb db, AuditLog audit, FederationIdentity identity, TimeProvider time)
{
    public async Task<(PartnerView? Partner, FieldErrors Errors)> AddAsync(NewPartner request, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!AgencyId.IsValid(request.Agency))
            errors.Add("agency", "InvalidAgencyId");
        else if (string.Equals(request.Agency, identity.Agency, StringComparison.Ordinal))
            errors.Add("agency", "PartnerIsThisNode");
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
            errors.Add("url", "HttpsUrlRequired");
        errors.FreeText("name", request.Name, 200);
        var certificate = await CertificateAsync(request, url, errors, ct);
        var pin = certificate is null ? null : CertificatePin.Of(certificate);
        if (errors.Count == 0 && await db.Partners.AnyAsync(p => p.Agency == request.Agency || p.CertificateSha256 == pin, ct))
            errors.Add("agency", "AlreadyExists");
        if (errors.Count == 0 && identity.Current is { } own && string.Equals(own.Pin, pin, StringComparison.Ordinal))
            errors.Add("certificatePem", "PartnerIsThisNode");
        if (errors.Count > 0)
            return (null, errors);

        var partner = await db.WriteAsync(async token =>
        {
            var pem = certificate!.ExportCertificatePem();
            var agency = await db.Agencies.FindAsync([request.Agency], token);
            if (agency is null)
            {
                agency = new Agency { Id = request.Agency, Country = AgencyId.CountryOf(request.Agency), Name = request.Name?.Trim() ?? request.Agency, CreatedAt = time.GetUtcNow() };
                db.Agencies.Add(agency);
            }
            agency.NodeUrl = request.Url;
            agency.Certificate = pem;
            var added = new Partner { Agency = request.Agency, Url = request.Url.TrimEnd('/'), CertificatePem = pem, CertificateSha256 = pin!, AddedAt = time.GetUtcNow() };
            db.Partners.Add(added);
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.PartnerAdded, "partner", [added.Agency], Detail: $"url={added.Url} sha256={pin}"), token);
            return added;
        }, ct);
        return (PartnerView.Of(partner), errors);
    }

    /// <summary>Ends a partner's back-off: the next delivery round sends to it at once. False when there is no such partner.</summary>
    public async Task<bool> RetryAsync(string agency, Caller caller, CancellationToken ct) =>
        await db.WriteAsync(async token =>
        {
            if (await db.Partners.FindAsync([agency], token) is not { } partner)
                return false;
            partner.RetryRequestedAt = time.GetUtcNow();
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.PartnerRetried, "partner", [agency],
                Detail: $"failures={partner.ConsecutiveFailures}"), token);
            return true;
        }, ct);

    public async Task<IReadOnlyList<PartnerView>> ListAsync(CancellationToken ct) =>
        [.. (await db.Partners.AsNoTracking().OrderBy(p => p.Agency).ToListAsync(ct)).Select(PartnerView.Of)];

    /// <summary>Per partner: last contact, queue depth, oldest undelivered message, failures.</summary>
    /// <summary>Per partner, delivery and what this node holds from it; audited, since it names the last copy received.</summary>
    public async Task<IReadOnlyList<PartnerStatus>> StatusAsync(Caller caller, CancellationToken ct)
    {
        var partners = await db.Partners.AsNoTracking().OrderBy(p => p.Agency).ToListAsync(ct);
        var queues = await db.OutboxMessages.AsNoTracking().Where(m => m.DeliveredAt == null && m.RefusedAt == null)
            .GroupBy(m => m.Partner)
            .Select(g => new { Partner = g.Key, Depth = g.Count(), Oldest = g.Min(m => m.Sequence) })
            .ToListAsync(ct);
        var refused = await db.OutboxMessages.AsNoTracking().Where(m => m.RefusedAt != null)
            .GroupBy(m => m.Partner).Select(g => new { Partner = g.Key, Count = g.Count() }).ToListAsync(ct);
        var oldest = queues.Select(q => q.Oldest).ToList();
        var oldestAt = await db.OutboxMessages.AsNoTracking().Where(m => oldest.Contains(m.Sequence))
            .ToDictionaryAsync(m => m.Partner, m => (DateTimeOffset?)m.CreatedAt, StringComparer.Ordinal, ct);
        // What this node holds from each partner, by the copy's status: what an operator checks after an outage.
        var held = await (from copy in db.ReceivedCopies.AsNoTracking()
                          join alert in db.Alerts.AsNoTracking() on copy.AlertId equals alert.Id
                          group copy by new { copy.ReceivedFrom, alert.Status } into g
                          select new { g.Key.ReceivedFrom, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var statuses = new List<PartnerStatus>();
        foreach (var p in partners)
        {
            var queue = queues.FirstOrDefault(q => q.Partner == p.Agency);
            int Held(AlertStatus status) => held.FirstOrDefault(h => h.ReceivedFrom == p.Agency && h.Status == status)?.Count ?? 0;
            var last = await db.ReceivedCopies.AsNoTracking().Where(c => c.ReceivedFrom == p.Agency).OrderByDescending(c => c.ReceivedAt)
                .Select(c => new LastReceived(c.AlertId, c.Version, c.ReceivedAt)).FirstOrDefaultAsync(ct);
            statuses.Add(new PartnerStatus(p.Agency, p.Url, p.LastContactAt, queue?.Depth ?? 0, oldestAt.GetValueOrDefault(p.Agency),
                p.ConsecutiveFailures, p.LastFailureAt, p.LastError, refused.FirstOrDefault(r => r.Partner == p.Agency)?.Count ?? 0,
                new HeldCopies(Held(AlertStatus.Active), Held(AlertStatus.Retracted), Held(AlertStatus.Expired), Held(AlertStatus.Purged)), last));
        }
        await audit.RecordAsync(caller, new AuditEntry(AuditAction.Read, "partner-status", statuses.Select(s => (object)s.Agency)), ct);
        return statuses;
    }

    /// <summary>
    /// The copies this node holds from <paramref name="agency"/>, retracted and purged ones included, newest first: ids,
    /// versions, statuses and dates, never their content. For the node's admins; audited with the ids shown.
    /// </summary>
    public async Task<Paged<HeldCopyView>?> HeldAsync(string agency, AlertStatus? status, int page, int pageSize, Caller caller, CancellationToken ct)
    {
        if (!await db.Partners.AnyAsync(p => p.Agency == agency, ct))
            return null;
        var copies = from copy in db.ReceivedCopies.AsNoTracking()
                     join alert in db.Alerts.AsNoTracking() on copy.AlertId equals alert.Id
                     where copy.ReceivedFrom == agency && (status == null || alert.Status == status)
                     select new { copy, alert.Status };
        var total = await copies.CountAsync(ct);
        var items = await copies.OrderByDescending(c => c.copy.ReceivedAt).ThenBy(c => c.copy.AlertId).Skip(Paging.Offset(page, pageSize)).Take(pageSize)
            .Select(c => new HeldCopyView(c.copy.AlertId, c.copy.Originator, c.copy.Version, c.Status, c.copy.ReceivedAt, c.copy.RetainUntil)).ToListAsync(ct);
        await audit.RecordAsync(caller, new AuditEntry(AuditAction.Read, "partner-copy", items.Select(c => (object)c.AlertId),
            Detail: $"held-from={agency} status={(status is { } s ? MarkingText.Of(s) : "any")} page={page}"), ct);
        return new Paged<HeldCopyView>(items, page, pageSize, total);
    }

    /// <summary>Per partner, the version of an alert its copy holds, from its signed receipts; the originator's view.</summary>
    public async Task<IReadOnlyList<PartnerCopyView>?> CopiesAsync(Guid alertId, Caller caller, CancellationToken ct)
    {
        var alert = await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == alertId, ct);
        var allowed = alert is not null && string.Equals(alert.Originator, caller.Agency, StringComparison.Ordinal) && !alert.IsPartnerCopy
            && (caller.Has(Role.Analyst) || caller.Has(Role.Supervisor));
        await audit.RecordAsync(caller, allowed
            ? new AuditEntry(AuditAction.Read, "partner-copies", [alertId])
            : AuditEntry.Denied(AuditAction.ReadDenied, "partner-copies", alertId, alert is null ? "missing" : "not-permitted"), ct);
        if (!allowed)
            return null;
        var copies = await db.PartnerCopies.AsNoTracking().Where(c => c.AlertId == alertId).OrderBy(c => c.Partner).ToListAsync(ct);
        return [.. copies.Select(c => new PartnerCopyView(c.Partner, c.QueuedVersion, c.HeldVersion, c.HeldStatus, c.AckedAt,
            c.ReceiptPayload is null ? null : new SignedDocument(c.Partner, c.ReceiptPayload, c.ReceiptSignature ?? "")))];
    }

    /// <summary>
    /// The certificate to pin: the one given, or the one the partner's listener presents when only its pin is given —
    /// and either must match a pin given with it, since the pin is what the two operators compared by another channel.
    /// </summary>
    private static async Task<X509Certificate2?> CertificateAsync(NewPartner request, Uri? url, FieldErrors errors, CancellationToken ct)
    {
        var pin = CertificatePin.Normalize(request.Pin);
        if (request.Pin is not null && pin is null)
            errors.Add("pin", "InvalidPin");
        X509Certificate2? certificate;
        if (!string.IsNullOrWhiteSpace(request.CertificatePem))
        {
            certificate = Parse(request.CertificatePem);
            if (certificate is null)
                errors.Add("certificatePem", "InvalidCertificate");
        }
        else if (pin is not null && url is not null && errors.Count == 0)
        {
            var (presented, problem) = await PartnerCertificate.FetchAsync(url, pin, ct);
            certificate = presented is null ? null : Parse(presented.ExportCertificatePem());
            if (problem is not null)
                errors.Add("url", "CertificateUnreadable", problem);
            else if (certificate is null)
                errors.Add("url", "InvalidCertificate");
        }
        else
        {
            if (request.Pin is null)
                errors.Add("certificatePem", "CertificateOrPinRequired");
            return null;
        }
        if (certificate is not null && pin is not null && !string.Equals(CertificatePin.Of(certificate), pin, StringComparison.Ordinal))
        {
            errors.Add("pin", "PinMismatch", CertificatePin.Of(certificate), pin);
            return null;
        }
        return certificate;
    }

    private static X509Certificate2? Parse(string? pem)
    {
        if (string.IsNullOrWhiteSpace(pem) || pem.Length > 20_000)
            return null;
        try
        {
            var certificate = X509Certificate2.CreateFromPem(pem);
            // Signatures are ECDSA P-256: a certificate without such a key could not sign anything we would accept.
            using var key = certificate.GetECDsaPublicKey();
            return key is not null && key.KeySize == 256 ? certificate : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>A partner to pin, by its certificate (PEM), its pin (read from its listener), or both (then they must agree).</summary>
public sealed record NewPartner(string Agency, string Url, string? CertificatePem, string? Name = null, string? Pin = null);

public sealed record PartnerView(string Agency, string Url, string CertificateSha256, DateTimeOffset AddedAt)
{
    public static PartnerView Of(Partner p) => new(p.Agency, p.Url, p.CertificateSha256, p.AddedAt);
}

public sealed record PartnerStatus(
    string Agency, string Url, DateTimeOffset? LastContactAt, int QueueDepth, DateTimeOffset? OldestUndeliveredAt,
    int ConsecutiveFailures, DateTimeOffset? LastFailureAt, string? LastError, int Refused, HeldCopies Held, LastReceived? LastReceived);

/// <summary>The copies held from a partner, by status.</summary>
public sealed record HeldCopies(int Active, int Retracted, int Expired, int Purged);

/// <summary>The version most recently received from a partner.</summary>
public sealed record LastReceived(Guid AlertId, int Version, DateTimeOffset At);

/// <summary>A copy held from a partner, without its content.</summary>
public sealed record HeldCopyView(Guid AlertId, string Originator, int Version, AlertStatus Status, DateTimeOffset ReceivedAt, DateTimeOffset RetainUntil);

public sealed record PartnerCopyView(string Partner, int QueuedVersion, int HeldVersion, string? HeldStatus, DateTimeOffset? AckedAt, SignedDocument? Receipt);
