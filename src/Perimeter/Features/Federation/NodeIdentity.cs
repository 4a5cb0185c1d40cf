using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Perimeter.Features.Federation;

/// <summary>
/// The node's key pair and self-signed certificate (ECDSA P-256), made by <c>perimeter pki init</c>. The
/// private key stays in the node's data folder, readable by its owner only; the certificate is what partners pin.
/// </summary>
public sealed class NodeIdentity(X509Certificate2 certificate)
{
    private const string KeyFile = "node.p12";
    private const string CertificateFile = "node.crt";

    /// <summary>The certificate with its private key.</summary>
    public X509Certificate2 Certificate { get; } = certificate;

    public string Pin => CertificatePin.Of(Certificate);

    public static string FolderOf(string dataDirectory) => Path.Combine(Path.GetFullPath(dataDirectory), "pki");

    public static string CertificatePathOf(string dataDirectory) => Path.Combine(FolderOf(dataDirectory), CertificateFile);

    public static bool Exists(string dataDirectory) => File.Exists(Path.Combine(FolderOf(dataDirectory), KeyFile));

    /// <summary>
    /// Private key files in the node's <c>pki</c> folder that others than the owner could read or write (group or other
    /// permission bits set), with their modes: a node refuses to start on a key someone else may have copied.
    /// </summary>
    public static IEnumerable<string> ExposedKeys(string dataDirectory)
    {
        var folder = FolderOf(dataDirectory);
        if (OperatingSystem.IsWindows() || !Directory.Exists(folder))
            yield break;
        const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        foreach (var key in Directory.EnumerateFiles(folder, "*.p12"))
        {
            if ((File.GetUnixFileMode(key) & others) != 0)
                yield return $"{key} ({Convert.ToString((int)File.GetUnixFileMode(key), 8)})";
        }
    }

    /// <summary>The agency the certificate in <paramref name="dataDirectory"/> was made for (its common name), if there is one.</summary>
    public static string? AgencyOf(string dataDirectory)
    {
        var path = CertificatePathOf(dataDirectory);
        if (!File.Exists(path))
            return null;
        using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(path));
        return certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
    }

    public static NodeIdentity Load(string dataDirectory, string? passphrase) =>
        new(X509CertificateLoader.LoadPkcs12FromFile(Path.Combine(FolderOf(dataDirectory), KeyFile), passphrase));

    /// <summary>
    /// Makes a key pair and a certificate for <paramref name="agency"/>, valid two years, and saves both. The host of
    /// <paramref name="federationUrl"/> is named in it too, so that a tool that checks names (curl with the certificate
    /// as its only authority) accepts the node where partners reach it; partners themselves trust the pin alone.
    /// </summary>
    public static NodeIdentity Create(string dataDirectory, string agency, string? passphrase, DateTimeOffset now, string? federationUrl = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={agency}, O=Perimeter node"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        // The same certificate serves the node's listener and its calls to partners.
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(agency);
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        if (Uri.TryCreate(federationUrl, UriKind.Absolute, out var reachedAt) && !reachedAt.IsLoopback)
        {
            if (IPAddress.TryParse(reachedAt.Host.Trim('[', ']'), out var address))
                names.AddIpAddress(address);
            else
                names.AddDnsName(reachedAt.IdnHost);
        }
        request.CertificateExtensions.Add(names.Build());
        using var made = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(2));

        var folder = CreateOwnerOnlyFolder(FolderOf(dataDirectory));
        var pkcs12 = made.Export(X509ContentType.Pkcs12, passphrase);
        WriteOwnerOnly(Path.Combine(folder, KeyFile), pkcs12);
        File.WriteAllText(Path.Combine(folder, CertificateFile), made.ExportCertificatePem() + "\n", Encoding.ASCII);
        return new NodeIdentity(X509CertificateLoader.LoadPkcs12(pkcs12, passphrase));
    }

    /// <summary>Signs UTF-8 <paramref name="payload"/>: ECDSA P-256 over SHA-256, IEEE P1363 form, base64.</summary>
    public string Sign(string payload)
    {
        // Each call gets its own key handle: ECDsa instances are not documented as thread-safe.
        using var key = Certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("The node certificate has no ECDSA private key.");
        return Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(payload), HashAlgorithmName.SHA256));
    }

    internal static string CreateOwnerOnlyFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(folder);
        else
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return folder;
    }

    internal static void WriteOwnerOnly(string path, byte[] bytes)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var file = new FileStream(path, options);
        file.Write(bytes);
    }
}

/// <summary>Certificate pins: SHA-256 of the DER bytes, lower-case hex.</summary>
public static class CertificatePin
{
    public static string Of(X509Certificate certificate) => Convert.ToHexStringLower(SHA256.HashData(certificate.GetRawCertData()));

    /// <summary>
    /// A pin as an operator may have written it down from a phone call — <c>sha256 3f9a…</c>, <c>sha256:3F:9A:…</c>, with
    /// spaces or colons, in either case — as <see cref="Of"/> writes it; null when it is not 64 hexadecimal digits.
    /// </summary>
    public static string? Normalize(string? written)
    {
        if (written is null)
            return null;
        var text = written.Trim();
        if (text.StartsWith("sha256", StringComparison.OrdinalIgnoreCase))
            text = text["sha256".Length..];
        var digits = new string([.. text.Where(c => c is not (':' or ' ' or '-'))]).ToLowerInvariant();
        return digits.Length == 64 && digits.All(char.IsAsciiHexDigit) ? digits : null;
    }

    /// <summary>Checks a signature made by <see cref="NodeIdentity.Sign"/> against a pinned certificate.</summary>
    public static bool Verifies(X509Certificate2 certificate, string payload, string signature)
    {
        using var key = certificate.GetECDsaPublicKey();
        if (key is null)
            return false;
        var bytes = new byte[signature.Length];
        return Convert.TryFromBase64String(signature, bytes, out var length)
            && key.VerifyData(Encoding.UTF8.GetBytes(payload), bytes.AsSpan(0, length), HashAlgorithmName.SHA256);
    }
}
