using System.ComponentModel.DataAnnotations;
using Perimeter.Features.Access;
using Perimeter.Features.Federation;
using Perimeter.Storage;
using Perimeter.Web;

namespace Perimeter;

/// <summary>The node's settings, from appsettings.json, PERIMETER_* environment variables and flags, checked at start.</summary>
public sealed class NodeOptions : IValidatableObject
{
    public const string Section = "Node";

    /// <summary>The agency this node belongs to: from the data folder's <c>node.json</c> (<c>perimeter init</c>); no default outside demo mode.</summary>
    public string Agency { get; set; } = "";

    /// <summary>The agency's name, from the data folder; the agency id when none is given.</summary>
    [MaxLength(200)]
    public string? AgencyName { get; set; }

    public DatabaseKind Database { get; set; } = DatabaseKind.Sqlite;

    /// <summary>Where the SQLite file and demo credentials live.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>PostgreSQL connection string; for SQLite, overrides the file under <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Seed a realistic node on first start and show demo sign-ins.</summary>
    public bool Demo { get; set; }

    /// <summary>OFAC files for the demo; when unset, <c>shared/data/ofac</c> beside the repository is looked for.</summary>
    public string? DemoOfacDirectory { get; set; }

    /// <summary>Whether the demo seed imports the OFAC list; the federation demo turns it off on purpose.</summary>
    public bool DemoImportsOfac { get; set; } = true;

    [Range(1024, 1L << 30)]
    public long MaxRequestBodyBytes { get; set; } = 10 * 1024 * 1024;

    [Range(1, 1000)]
    public int MaxPageSize { get; set; } = 200;

    public TelemetryExporter TelemetryExporter { get; set; } = TelemetryExporter.None;

    public string? OtlpEndpoint { get; set; }

    /// <summary>Set by <c>perimeter demo federation</c> for its nodes: a node stops when this process is gone.</summary>
    public int? ParentProcessId { get; set; }

    /// <summary>Partners, certificates and delivery: <c>Node:Federation</c>.</summary>
    public FederationOptions Federation { get; set; } = new();

    /// <summary>PKCS#12 certificate that encrypts the cookie keys stored in the database; by default one made in the data folder.</summary>
    public string? KeyEncryptionCertificatePath { get; set; }

    /// <summary>Its password, from the environment (<c>PERIMETER_Node__KeyEncryptionCertificatePassword</c>).</summary>
    public string? KeyEncryptionCertificatePassword { get; set; }

    /// <summary>HTTPS, reverse proxies and rate limits: <c>Node:Http</c>.</summary>
    public HttpOptions Http { get; set; } = new();

    public StorageOptions Storage => Database switch
    {
        DatabaseKind.Sqlite when string.IsNullOrWhiteSpace(ConnectionString) => StorageOptions.Sqlite(DataDirectory),
        DatabaseKind.Sqlite or DatabaseKind.Postgres => new StorageOptions(Database, ConnectionString!),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!AgencyId.IsValid(Agency))
            yield return new ValidationResult($"Node:Agency \"{Agency}\" is not an agency id such as us.cbp.", [nameof(Agency)]);
        if (Database == DatabaseKind.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
            yield return new ValidationResult("Node:Database is postgres but no connection string is set (--connection-string).", [nameof(ConnectionString)]);
        if (TelemetryExporter == TelemetryExporter.Otlp && !Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out _))
            yield return new ValidationResult("Node:TelemetryExporter is otlp but Node:OtlpEndpoint is not an absolute URL.", [nameof(OtlpEndpoint)]);
        // Data annotations are not checked inside nested objects: check the federation settings' ranges here.
        var federationErrors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(Federation, new ValidationContext(Federation), federationErrors, validateAllProperties: true))
        {
            foreach (var error in federationErrors)
                yield return new ValidationResult($"Node:Federation:{string.Join(',', error.MemberNames)}: {error.ErrorMessage}", ["Federation"]);
        }
        foreach (var error in Http.Validate())
            yield return error;
        if (Federation.IsEnabled)
        {
            if (!Uri.TryCreate(Federation.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
                yield return new ValidationResult($"Node:Federation:Url \"{Federation.Url}\" is not an https:// URL.", ["Federation.Url"]);
            if (!NodeIdentity.Exists(DataDirectory))
                yield return new ValidationResult($"Node:Federation:Url is set but the node has no identity in {NodeIdentity.FolderOf(DataDirectory)}: run perimeter pki init.", ["Federation.Url"]);
        }
        foreach (var exposed in NodeIdentity.ExposedKeys(DataDirectory))
            yield return new ValidationResult($"the private key {exposed} may be read by others than its owner: chmod 600 it (and check who copied it)", ["Federation"]);
        if (AgencyId.IsValid(Agency) && NodeIdentity.AgencyOf(DataDirectory) is { } keyHolder && keyHolder != Agency)
            yield return new ValidationResult($"the key in {NodeIdentity.FolderOf(DataDirectory)} is {keyHolder}'s, but this node is {Agency}: name {Agency}'s own folder with --data", [nameof(Agency)]);
    }
}

public enum TelemetryExporter
{
    None,
    Console,
    Otlp,
}
