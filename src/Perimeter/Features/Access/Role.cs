namespace Perimeter.Features.Access;

/// <summary>What a user or token may do on a node. Names follow the product brief.</summary>
public enum Role
{
    /// <summary>Screens subjects and sees results.</summary>
    Officer,
    /// <summary>Publishes and edits the agency's alerts, reviews hits.</summary>
    Analyst,
    /// <summary>Approves releases and manages agreements.</summary>
    Supervisor,
    /// <summary>Reads the audit log and nothing else.</summary>
    Auditor,
    /// <summary>Manages users, tokens and partners.</summary>
    Admin,
}

public static class Roles
{
    public const string Officer = nameof(Role.Officer);
    public const string Analyst = nameof(Role.Analyst);
    public const string Supervisor = nameof(Role.Supervisor);
    public const string Auditor = nameof(Role.Auditor);
    public const string Admin = nameof(Role.Admin);

    /// <summary>Roles whose work needs alert content: screening, publishing, releasing.</summary>
    public static bool ReadsAlerts(Role role) => role switch
    {
        Role.Officer or Role.Analyst or Role.Supervisor => true,
        Role.Auditor or Role.Admin => false,
    };

    public static bool TryParse(string? text, out Role role) =>
        Enum.TryParse(text, ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(text, out _);
}
