namespace Perimeter.Features.Access;

/// <summary>
/// Who may act, beside <see cref="AccessPolicy"/> which decides who may see. Role gates on endpoints use
/// the policy names here, so that every rule lives in this folder.
/// </summary>
public static class Permissions
{
    public const string ReadAlerts = "read-alerts";
    public const string PublishAlerts = "publish-alerts";
    public const string ReadAudit = "read-audit";
    public const string ManageNode = "manage-node";
    /// <summary>Partners, agreements, delivery status and partners' read logs: the node's admins and supervisors.</summary>
    public const string ManageAgreements = "manage-agreements";
    /// <summary>The agency's hits inbox (officers' decisions and standing-subject matches): analysts and supervisors.</summary>
    public const string ReviewHits = "review-hits";
    /// <summary>Requests for details, in and out: the node's analysts and supervisors.</summary>
    public const string HandleRequests = "handle-requests";
    /// <summary>Approving or denying a partner's request for details: the node's supervisors.</summary>
    public const string ApproveReleases = "approve-releases";
    /// <summary>Registering targets and events of open operations, and seeing the conflicts: analysts and supervisors of any agency here.</summary>
    public const string Deconflict = "deconflict";

    public static bool MayPublish(Caller caller) => caller.IsAuthenticated && caller.Has(Role.Analyst);

    /// <summary>Only the originating agency's analysts change an alert, and never a partner's copy.</summary>
    public static bool MayEdit(Caller caller, IMarked alert) =>
        MayPublish(caller) && string.Equals(caller.Agency, alert.Originator, StringComparison.Ordinal) && !alert.IsPartnerCopy;

    /// <summary>Extending the review-by date is the originator's analysts' or supervisors' call.</summary>
    public static bool MayExtend(Caller caller, IMarked alert) =>
        caller.IsAuthenticated && (caller.Has(Role.Analyst) || caller.Has(Role.Supervisor))
        && string.Equals(caller.Agency, alert.Originator, StringComparison.Ordinal) && !alert.IsPartnerCopy;

    /// <summary>Version history may show earlier markings; it stays with the originator.</summary>
    public static bool MaySeeHistory(Caller caller, IMarked alert) =>
        string.Equals(caller.Agency, alert.Originator, StringComparison.Ordinal);
}
