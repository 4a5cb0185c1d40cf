using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Storage;

namespace Perimeter.Features.Tokens;

/// <summary>Creates, lists, revokes and checks API tokens. A token reads <c>ptk_&lt;id&gt;_&lt;secret&gt;</c>.</summary>
public sealed class TokenService(PerimeterDb db, AuditLog audit, TimeProvider time)
{
    private const string Prefix = "ptk_";

    /// <summary>
    /// How far behind <see cref="ApiToken.LastUsedAt"/> may lag: a lane's software calls several times a second,
    /// and a write on each call would cost far more than it tells an admin deciding whether a token is still in use.
    /// </summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<TokenCreated> CreateAsync(string name, string agency, Role role, TimeSpan? lifetime, Caller caller, CancellationToken ct)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(now),
            Name = name.Trim(),
            Agency = agency,
            Role = role,
            SecretHash = HashOf(secret),
            CreatedAt = now,
            CreatedBy = caller.ActorId,
            ExpiresAt = lifetime is { } span ? now + span : null,
        };
        await db.WriteAsync(async unit =>
        {
            db.ApiTokens.Add(token);
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.TokenCreated, "token", [token.Id], Detail: $"agency={agency} role={role}"), unit);
        }, ct);
        return new TokenCreated(TokenView.Of(token), $"{Prefix}{token.Id:N}_{secret}");
    }

    /// <summary>What is wrong with a request for a token, by field: the API and the console ask the same questions.</summary>
    public async Task<FieldErrors> ValidateAsync(NewToken request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Required("name", request.Name);
        errors.FreeText("name", request.Name, 200);
        if (!Roles.TryParse(request.Role, out _))
            errors.Add("role", "UnknownRole", request.Role);
        if (!await db.Agencies.AnyAsync(a => a.Id == request.Agency, ct))
            errors.Add("agency", "UnknownAgency", request.Agency);
        if (request.ExpiresInDays is < 1 or > 3650)
            errors.Add("expiresInDays", "OutOfRange");
        return errors;
    }

    public async Task<bool> RevokeAsync(Guid id, Caller caller, CancellationToken ct) =>
        await db.WriteAsync(async token =>
        {
            var found = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id, token);
            if (found is null || found.RevokedAt is not null)
                return false;
            found.RevokedAt = time.GetUtcNow();
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.TokenRevoked, "token", [id]), token);
            return true;
        }, ct);

    public async Task<IReadOnlyList<TokenView>> ListAsync(CancellationToken ct) =>
        [.. (await db.ApiTokens.AsNoTracking().ToListAsync(ct)).OrderBy(t => t.CreatedAt).Select(TokenView.Of)];

    /// <summary>The token behind a presented string, if it is genuine, unexpired and not revoked.</summary>
    public async Task<ApiToken?> AuthenticateAsync(string presented, CancellationToken ct)
    {
        if (!presented.StartsWith(Prefix, StringComparison.Ordinal) || presented.Length > 200)
            return null;
        var parts = presented[Prefix.Length..].Split('_', 2);
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out var id))
            return null;
        var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= time.GetUtcNow())
            return null;
        var matches = CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(HashOf(parts[1])), Encoding.ASCII.GetBytes(token.SecretHash));
        if (!matches)
            return null;
        await RecordUseAsync(token, ct);
        return token;
    }

    // At most one write per token per LastUsedResolution, in a unit of work like every other write (on SQLite, in this
    // process's turn, instead of meeting another writer's lock). The update checks the stored value again, so replicas
    // that authenticate the same token at the same moment write it once.
    private async Task RecordUseAsync(ApiToken token, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var staleBefore = now - LastUsedResolution;
        if (token.LastUsedAt > staleBefore)
            return;
        await db.WriteAsync(t => db.ApiTokens.Where(x => x.Id == token.Id && (x.LastUsedAt == null || x.LastUsedAt <= staleBefore))
            .ExecuteUpdateAsync(x => x.SetProperty(y => y.LastUsedAt, now), t), ct);
        token.LastUsedAt = now;
    }

    private static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A token as admins see it; <c>LastUsedAt</c> lags real use by up to <see cref="TokenService.LastUsedResolution"/>.</summary>
public sealed record TokenView(Guid Id, string Name, string Agency, Role Role, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    public static TokenView Of(ApiToken t) => new(t.Id, t.Name, t.Agency, t.Role, t.CreatedAt, t.CreatedBy, t.ExpiresAt, t.RevokedAt, t.LastUsedAt);
}

/// <summary>A new token: <see cref="Secret"/> is shown this once and cannot be recovered.</summary>
public sealed record TokenCreated(TokenView Token, string Secret);
