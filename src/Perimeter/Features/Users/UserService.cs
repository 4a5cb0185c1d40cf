using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Storage;

namespace Perimeter.Features.Users;

/// <summary>Local accounts: add, list, disable, and the sign-in that every interface uses.</summary>
public sealed class UserService(
    PerimeterDb db,
    AuditLog audit,
    RefusalAudit refusals,
    UserManager<NodeUser> users,
    SignInManager<NodeUser> signIn,
    TimeProvider time)
{
    public async Task<UserAdded> AddAsync(NewUser request, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Required("userName", request.UserName);
        errors.FreeText("userName", request.UserName, 100);
        errors.FreeText("displayName", request.DisplayName, 200);
        if (!await db.Agencies.AnyAsync(a => a.Id == request.Agency, ct))
            errors.Add("agency", "UnknownAgency", request.Agency);
        if (request.Roles.Count == 0)
            errors.Add("roles", "Required");
        var user = new NodeUser
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            UserName = request.UserName.Trim(),
            Agency = request.Agency,
            DisplayName = request.DisplayName?.Trim(),
            CreatedAt = time.GetUtcNow(),
            LockoutEnabled = true,
        };
        // The account store's own rules, asked before anything is written; the problem names the rule, not the refused text.
        foreach (var validator in user.UserName.Length > 0 ? users.UserValidators : [])
        {
            foreach (var error in (await validator.ValidateAsync(users, user)).Errors)
            {
                if (error.Code == nameof(IdentityErrorDescriber.DuplicateUserName))
                    errors.Add("userName", "AlreadyExists");
                else
                    errors.Add("userName", "UserNameCharacters", users.Options.User.AllowedUserNameCharacters);
            }
        }
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, null!, request.Password);   // validators here do not read the user
            foreach (var error in result.Errors)
                errors.Add("password", "WeakPassword", error.Description);
        }
        if (errors.Count > 0)
            return new UserAdded(null, errors);

        await db.WriteAsync(async token =>
        {
            Check(await users.CreateAsync(user, request.Password));
            Check(await users.AddToRolesAsync(user, request.Roles.Select(r => r.ToString())));
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.UserAdded, "user", [user.Id],
                Detail: $"agency={user.Agency} roles={string.Join(',', request.Roles)}"), token);
        }, ct);
        return new UserAdded(await ViewAsync(user), null);
    }

    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken ct)
    {
        var all = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var views = new List<UserView>(all.Count);
        foreach (var user in all)
            views.Add(await ViewAsync(user));
        return views;
    }

    /// <summary>Disables an account at once: sign-in refused, existing sessions end at their next check.</summary>
    public async Task<bool> DisableAsync(string userName, Caller caller, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
            return false;
        await db.WriteAsync(async token =>
        {
            user.DisabledAt = time.GetUtcNow();
            Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
            Check(await users.UpdateSecurityStampAsync(user));
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.UserDisabled, "user", [user.Id]), token);
        }, ct);
        return true;
    }

    /// <summary>Checks a password and, if it holds, issues the sign-in cookie. Both outcomes are audited.</summary>
    public async Task<SignInOutcome> SignInAsync(string userName, string password, string? remoteAddress, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName);
        var anonymous = Caller.Anonymous(remoteAddress);
        if (user is null || user.IsDisabled)
        {
            await refusals.RecordAsync(anonymous with { ActorId = user is null ? "unknown-user" : user.Id.ToString() },
                new AuditEntry(AuditAction.SignInFailed, "user", user is null ? null : [user.Id], AuditOutcome.Denied, user is null ? "unknown-user" : "disabled"), ct);
            return SignInOutcome.Failed;
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        var caller = anonymous with { Kind = ActorKind.User, ActorId = user.Id.ToString(), Agency = user.Agency };
        var reason = result.Succeeded ? null : result.IsLockedOut ? "locked-out" : result.IsNotAllowed ? "not-allowed" : "wrong-password";
        if (result.Succeeded)
            await audit.RecordAsync(caller, new AuditEntry(AuditAction.SignIn, "user", [user.Id]), ct);
        else
            await refusals.RecordAsync(caller, new AuditEntry(AuditAction.SignInFailed, "user", [user.Id], AuditOutcome.Denied, reason), ct);
        return result.Succeeded ? SignInOutcome.SignedIn : result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Failed;
    }

    public async Task SignOutAsync(Caller caller, CancellationToken ct)
    {
        await signIn.SignOutAsync();
        await audit.RecordAsync(caller, new AuditEntry(AuditAction.SignOut, "user", null), ct);
    }

    private async Task<UserView> ViewAsync(NodeUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return new UserView(user.Id, user.UserName!, user.DisplayName, user.Agency,
            [.. roles.Select(r => Enum.Parse<Role>(r)).Order()], user.CreatedAt, user.DisabledAt);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}

public sealed record NewUser(string UserName, string Password, string Agency, IReadOnlyList<Role> Roles, string? DisplayName = null);

public sealed record UserView(Guid Id, string UserName, string? DisplayName, string Agency, IReadOnlyList<Role> Roles,
    DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt);

public sealed record UserAdded(UserView? User, FieldErrors? Errors);

public enum SignInOutcome
{
    SignedIn,
    Failed,
    LockedOut,
}

/// <summary>Puts the user's agency into the sign-in cookie, beside Identity's id, name and roles.</summary>
internal sealed class NodeUserClaimsFactory(UserManager<NodeUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<NodeUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(NodeUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Caller.AgencyClaim, user.Agency));
        identity.AddClaim(new Claim(Caller.ActorKindClaim, nameof(ActorKind.User)));
        return identity;
    }
}
