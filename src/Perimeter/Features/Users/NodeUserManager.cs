using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Perimeter.Features.Users;

/// <summary>
/// Identity's user manager with lockout on the node's <see cref="TimeProvider"/>: the stock one reads the machine's clock,
/// so a lockout could neither be tested nor follow a node whose clock is set apart.
/// </summary>
public sealed class NodeUserManager(
    IUserStore<NodeUser> store, IOptions<IdentityOptions> options, IPasswordHasher<NodeUser> passwordHasher,
    IEnumerable<IUserValidator<NodeUser>> userValidators, IEnumerable<IPasswordValidator<NodeUser>> passwordValidators,
    ILookupNormalizer keyNormalizer, IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<NodeUser>> logger,
    TimeProvider time)
    : UserManager<NodeUser>(store, options, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<bool> IsLockedOutAsync(NodeUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!SupportsUserLockout || !await GetLockoutEnabledAsync(user))
            return false;
        return await GetLockoutEndDateAsync(user) is { } end && end >= time.GetUtcNow();
    }

    /// <summary>Counts a failed attempt; the one that reaches the limit locks the account for the configured time from now.</summary>
    public override async Task<IdentityResult> AccessFailedAsync(NodeUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var lockout = (IUserLockoutStore<NodeUser>)Store;
        var failures = await lockout.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (failures >= Options.Lockout.MaxFailedAccessAttempts)
        {
            await lockout.SetLockoutEndDateAsync(user, time.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
            await lockout.ResetAccessFailedCountAsync(user, CancellationToken);
        }
        return await UpdateUserAsync(user);
    }
}
