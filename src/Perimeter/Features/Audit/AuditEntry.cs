namespace Perimeter.Features.Audit;

/// <summary>What a caller asks the audit log to record; the log adds time, sequence and hashes.</summary>
public sealed record AuditEntry(
    AuditAction Action,
    string? Target = null,
    IEnumerable<object>? TargetIds = null,
    AuditOutcome Outcome = AuditOutcome.Allowed,
    string? Detail = null)
{
    public static AuditEntry Denied(AuditAction action, string target, object id, string reason) =>
        new(action, target, [id], AuditOutcome.Denied, reason);
}
