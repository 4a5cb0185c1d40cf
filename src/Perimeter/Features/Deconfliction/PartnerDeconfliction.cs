using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Features.Federation;
using Perimeter.Storage;

namespace Perimeter.Features.Deconfliction;

/// <summary>
/// Deconfliction with partner nodes, without either seeing the other's targets: a registration of this node's agency
/// is sent to each partner with an agreement in force and a key in common as blind-index tokens only, with its
/// contact; the partner compares them with the tokens of its own registrations under the same key, records any
/// conflict, and answers, signed, with its contact only. Either side registering second finds the conflict.
/// </summary>
public sealed class PartnerDeconfliction(
    PerimeterDb db, AuditLog audit, FederationIdentity identity, PartnerClients clients, IDataProtectionProvider protection,
    IOptions<NodeOptions> options, TimeProvider time)
{
    public const string Path = "federation/v1/deconfliction";
    private const int SecretBytes = 32;
    private readonly IDataProtector _protector = protection.CreateProtector(BlindIndex.ProtectorPurpose);

    /// <summary>Makes a new key with <paramref name="partner"/>: its id and secret, shown this once, for the partner's operator.</summary>
    public async Task<(string KeyId, string Secret)?> CreateKeyAsync(string partner, Caller caller, CancellationToken ct)
    {
        if (!await db.Partners.AnyAsync(p => p.Agency == partner, ct))
            return null;
        var secret = RandomNumberGenerator.GetBytes(SecretBytes);
        // Readable (who made it, when) and unique however many are made the same day.
        var keyId = $"{identity.Agency}-{time.GetUtcNow():yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
        await StoreAsync(partner, keyId, secret, caller, ct);
        return (keyId, Convert.ToBase64String(secret));
    }

    /// <summary>Adds the key a partner's operator made and passed on; null when added, else why not (no such partner, not 32 bytes, the id taken).</summary>
    public async Task<string?> AddKeyAsync(string partner, string keyId, string secret, Caller caller, CancellationToken ct)
    {
        keyId = keyId.Trim();
        if (!await db.Partners.AnyAsync(p => p.Agency == partner, ct))
            return $"no partner \"{partner}\": see perimeter partners list";
        var bytes = new byte[SecretBytes + 1];
        if (!Convert.TryFromBase64String(secret.Trim(), bytes, out var length) || length != SecretBytes)
            return "the secret is not the 32 bytes in base64 that perimeter deconfliction keys create prints";
        if (keyId.Length is 0 or > 60 || await db.DeconflictionKeys.AnyAsync(k => k.Partner == partner && k.KeyId == keyId, ct))
            return $"key id \"{keyId}\" is empty, too long or already held for {partner}";
        await StoreAsync(partner, keyId, bytes[..SecretBytes], caller, ct);
        return null;
    }

    /// <summary>Retires a key: it is no longer asked or answered with. False when there is no such key in force.</summary>
    public async Task<bool> RetireKeyAsync(string partner, string keyId, Caller caller, CancellationToken ct) =>
        await db.WriteAsync(async token =>
        {
            if (await db.DeconflictionKeys.SingleOrDefaultAsync(k => k.Partner == partner && k.KeyId == keyId && k.RetiredAt == null, token) is not { } key)
                return false;
            key.RetiredAt = time.GetUtcNow();
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.DeconflictionKeyRetired, "deconfliction-key", [partner, keyId]), token);
            return true;
        }, ct);

    public async Task<IReadOnlyList<KeyView>> KeysAsync(CancellationToken ct) =>
        [.. (await db.DeconflictionKeys.AsNoTracking().OrderBy(k => k.Partner).ThenByDescending(k => k.CreatedAt).ToListAsync(ct))
            .Select(k => new KeyView(k.Partner, k.KeyId, k.CreatedAt, k.RetiredAt))];

    /// <summary>
    /// Asks every partner with an agreement in force and a key in common about <paramref name="target"/>, at once, each
    /// within the query deadline; returns the conflicts they answered (their registration, agency and contact).
    /// </summary>
    public async Task<IReadOnlyList<(string Agency, Guid Registration, string Contact)>> AskAsync(DeconflictionTarget target, CancellationToken ct)
    {
        if (identity.Current is null || !string.Equals(target.Agency, identity.Agency, StringComparison.Ordinal))
            return [];
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var agreed = (await db.Agreements.AsNoTracking().ToListAsync(ct)).Where(a => a.IsInForce(today)).Select(a => a.Partner).ToHashSet(StringComparer.Ordinal);
        var keys = (await db.DeconflictionKeys.AsNoTracking().Where(k => k.RetiredAt == null).ToListAsync(ct))
            .Where(k => agreed.Contains(k.Partner)).ToLookup(k => k.Partner, StringComparer.Ordinal);
        var partnerIds = keys.Select(k => k.Key).ToList();
        var partners = await db.Partners.AsNoTracking().Where(p => partnerIds.Contains(p.Agency)).ToListAsync(ct);
        var answers = await Task.WhenAll(partners.Select(p => AskWithNewestKeyAsync(p, [.. keys[p.Agency].OrderByDescending(k => k.CreatedAt)], target, ct)));
        return [.. answers.SelectMany(a => a)];
    }

    /// <summary>
    /// Asks with the newest key in force, and with the one before it if the partner does not hold that one yet: in the
    /// middle of a rotation, while one operator has added the new key and the other not, conflicts are still found.
    /// </summary>
    private async Task<IReadOnlyList<(string Agency, Guid Registration, string Contact)>> AskWithNewestKeyAsync(
        Partner partner, IReadOnlyList<DeconflictionKey> newestFirst, DeconflictionTarget target, CancellationToken ct)
    {
        foreach (var key in newestFirst)
        {
            if (await AskOneAsync(partner, key, target, ct) is { } answered)
                return answered;
        }
        return [];
    }

    /// <summary>The conflicts a partner answered under <paramref name="key"/>; null when it refused the key or did not answer.</summary>
    private async Task<IReadOnlyList<(string Agency, Guid Registration, string Contact)>?> AskOneAsync(
        Partner partner, DeconflictionKey key, DeconflictionTarget target, CancellationToken ct)
    {
        var query = new DeconflictionQuery(key.KeyId, target.Id, MarkingText.Of(target.Kind), BlindIndex.Tokens(target, Secret(key)), target.Contact);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromMilliseconds(options.Value.Federation.QueryTimeoutMilliseconds));
        try
        {
            using var response = await clients.For(partner).PostAsJsonAsync(Path, query, PerimeterJson.Options, deadline.Token);
            if (!response.IsSuccessStatusCode || await response.Content.ReadFromJsonAsync<SignedDocument>(PerimeterJson.Options, deadline.Token) is not { } signed
                || !PinnedCertificates.Verifies(partner, signed))
                return null;
            var answer = PerimeterJson.Deserialize<DeconflictionAnswerDocument>(signed.Payload);
            if (answer.Holder != partner.Agency || answer.Asker != identity.Agency || answer.Registration != target.Id)
                return null;
            return [.. answer.Conflicts.Select(c => (partner.Agency, c.Registration, c.Contact))];
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// The partner's side: the tokens of this node's agency's registrations in force of that kind, under the key the asker
    /// names, against the asker's; each match is recorded and audited as a conflict, and the answer names only the
    /// registration and its contact. Null when no agreement is in force or the key is unknown or retired.
    /// </summary>
    public async Task<SignedDocument?> AnswerAsync(Partner asker, DeconflictionQuery query, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var caller = PartnerCaller.Of(asker.Agency, null);
        var agreed = (await db.Agreements.AsNoTracking().Where(a => a.Partner == asker.Agency).ToListAsync(ct)).Any(a => a.IsInForce(today));
        var key = await db.DeconflictionKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Partner == asker.Agency && k.KeyId == query.KeyId && k.RetiredAt == null, ct);
        if (!agreed || key is null || !MarkingText.TryParse<TargetKind>(query.Kind, out var kind))
        {
            await audit.RecordAsync(caller, new AuditEntry(AuditAction.DeconflictionConflict, "deconfliction-query", [query.Registration], AuditOutcome.Denied,
                !agreed ? "no-agreement" : key is null ? $"unknown key {query.KeyId}" : "unknown kind"), ct);
            return null;
        }
        var met = await MatchAsync(db, key.Id, query.Tokens, identity.Agency, kind, today, ct);
        var now = time.GetUtcNow();
        await db.WriteAsync(async token =>
        {
            foreach (var target in met)
            {
                var conflict = new DeconflictionConflict
                {
                    Id = Guid.NewGuid(),
                    Subject = query.Kind,
                    FirstAgency = identity.Agency,
                    FirstRegistration = target.Id,
                    SecondAgency = asker.Agency,
                    SecondRegistration = query.Registration,
                    RemoteContact = query.Contact.Length > 200 ? query.Contact[..200] : query.Contact,
                    DetectedAt = now,
                };
                db.DeconflictionConflicts.Add(conflict);
                await audit.AppendAsync(caller, new AuditEntry(AuditAction.DeconflictionConflict, "deconfliction-conflict", [conflict.Id, target.Id],
                    Detail: $"{query.Kind}: {identity.Agency} and {asker.Agency} (partner node, key {query.KeyId})"), token);
            }
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.Read, "deconfliction-query", [query.Registration],
                Detail: $"kind={query.Kind} key={query.KeyId} tokens={query.Tokens.Count} conflicts={met.Count}"), token);
        }, ct);
        return identity.Sign(new DeconflictionAnswerDocument
        {
            Holder = identity.Agency,
            Asker = asker.Agency,
            Registration = query.Registration,
            Conflicts = [.. met.Select(t => new RemoteConflict(t.Id, t.Contact))],
            SignedAt = now,
        });
    }

    /// <summary>
    /// This node's agency's registrations in force of <paramref name="kind"/> that hold one of <paramref name="tokens"/> under
    /// the key: an index lookup in the stored tokens, whatever the number of registrations.
    /// </summary>
    public static async Task<List<DeconflictionTarget>> MatchAsync(
        PerimeterDb db, Guid keyId, IReadOnlyCollection<string> tokens, string agency, TargetKind kind, DateOnly today, CancellationToken ct)
    {
        var ids = await db.DeconflictionTokens.AsNoTracking().Where(t => t.KeyId == keyId && tokens.Contains(t.Token)).Select(t => t.TargetId).Distinct().ToListAsync(ct);
        return ids.Count == 0 ? [] : await db.DeconflictionTargets.AsNoTracking()
            .Where(t => ids.Contains(t.Id) && t.Agency == agency && t.Kind == kind && t.WithdrawnAt == null && t.ExpiresOn >= today).ToListAsync(ct);
    }

    /// <summary>
    /// The keys in force with their secrets that a registration by <paramref name="agency"/> is indexed under: none but
    /// for this node's own agency. Read before the registration's write: unprotecting may touch the node's
    /// data-protection keys, in the same database.
    /// </summary>
    public async Task<IReadOnlyList<(Guid KeyId, byte[] Secret)>> KeysInForceAsync(string agency, CancellationToken ct) =>
        !string.Equals(agency, identity.Agency, StringComparison.Ordinal) ? []
            : [.. (await db.DeconflictionKeys.AsNoTracking().Where(k => k.RetiredAt == null).ToListAsync(ct)).Select(k => (k.Id, Secret(k)))];

    /// <summary>Stores the tokens of a registration under each of <paramref name="keys"/>, inside the registration's write.</summary>
    public void Index(DeconflictionTarget target, IReadOnlyList<(Guid KeyId, byte[] Secret)> keys)
    {
        foreach (var (keyId, secret) in keys)
            AddTokens(keyId, secret, [target]);
    }

    private void AddTokens(Guid keyId, byte[] secret, IEnumerable<DeconflictionTarget> targets)
    {
        foreach (var target in targets)
            db.DeconflictionTokens.AddRange(BlindIndex.Tokens(target, secret).Select(token => new DeconflictionToken { KeyId = keyId, Token = token, TargetId = target.Id }));
    }

    private async Task StoreAsync(string partner, string keyId, byte[] secret, Caller caller, CancellationToken ct)
    {
        // Before the write: the first protection makes the node's data-protection key, in the same database.
        var protectedSecret = _protector.Protect(Convert.ToBase64String(secret));
        await db.WriteAsync(async token =>
        {
            var key = new DeconflictionKey
            {
                Id = Guid.NewGuid(),
                Partner = partner,
                KeyId = keyId,
                ProtectedSecret = protectedSecret,
                CreatedAt = time.GetUtcNow(),
            };
            db.DeconflictionKeys.Add(key);
            // The registrations already in force get their tokens under the new key, so that they are found under it.
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            AddTokens(key.Id, secret, await db.DeconflictionTargets.AsNoTracking()
                .Where(t => t.Agency == identity.Agency && t.WithdrawnAt == null && t.ExpiresOn >= today).ToListAsync(token));
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.DeconflictionKeyAdded, "deconfliction-key", [partner, keyId]), token);
        }, ct);
    }

    private byte[] Secret(DeconflictionKey key) => Convert.FromBase64String(_protector.Unprotect(key.ProtectedSecret));
}

/// <summary>What one node asks a partner: the key both hold, its registration's id and kind, its tokens, and whom to call.</summary>
public sealed record DeconflictionQuery(
    [property: JsonRequired] string KeyId, [property: JsonRequired] Guid Registration, [property: JsonRequired] string Kind,
    [property: JsonRequired] IReadOnlyList<string> Tokens, [property: JsonRequired] string Contact)
{
    public const int MaxTokens = 100;
}

/// <summary>The partner's signed answer: for each of its registrations that met, its id and whom to call.</summary>
public sealed record DeconflictionAnswerDocument
{
    public string Type { get; init; } = "deconfliction-answer";
    public required string Holder { get; init; }
    public required string Asker { get; init; }
    public required Guid Registration { get; init; }
    public required IReadOnlyList<RemoteConflict> Conflicts { get; init; }
    public required DateTimeOffset SignedAt { get; init; }
}

public sealed record RemoteConflict(Guid Registration, string Contact);

public sealed record KeyView(string Partner, string KeyId, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt);
