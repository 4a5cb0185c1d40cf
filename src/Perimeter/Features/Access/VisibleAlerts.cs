using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Alerts;
using Perimeter.Storage;

namespace Perimeter.Features.Access;

/// <summary>
/// The policy applied to everything made from an alert — standing-subject matches, hits, notifications, batch
/// results, dashboard counts: a view shows an item only while the caller may see its alert, under the purpose named
/// now. Stored items are kept as they were made; the decision is taken again at every read, so a re-marking or a
/// retraction hides them at once.
/// </summary>
public sealed class VisibleAlerts(PerimeterDb db, AccessPolicy policy)
{
    /// <summary>The ids of the alerts the caller may see, as a subquery the database runs with the view's own query.</summary>
    public IQueryable<Guid> Ids(Caller caller) => db.Alerts.Where(policy.VisibleTo<Alert>(caller)).Select(a => a.Id);

    /// <summary>Which of <paramref name="ids"/> the caller may see.</summary>
    public async Task<HashSet<Guid>> AmongAsync(Caller caller, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : (await Ids(caller).Where(id => ids.Contains(id)).ToListAsync(ct)).ToHashSet();
}
