using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Perimeter.Features.Federation;

namespace Perimeter.Web;

/// <summary>
/// Encrypts the data-protection keys (which sign the sign-in and antiforgery cookies) before they are stored in the
/// database, with a certificate kept outside it: someone who reads a copy of the database cannot forge a session. The
/// certificate is <c>Node:KeyEncryptionCertificatePath</c> (PKCS#12; replicas must share it), or one the node makes on
/// first use in its data folder, readable by its owner only. It is loaded only when a key is written or read, so
/// commands that never touch a cookie create nothing.
/// </summary>
public static class KeyEncryption
{
    public const string DefaultFile = "key-encryption.p12";

    public static IDataProtectionBuilder ProtectKeysWithNodeCertificate(this IDataProtectionBuilder builder, NodeOptions node)
    {
        builder.Services.AddSingleton(new KeyEncryptionCertificate(node));
        builder.Services.AddOptions<KeyManagementOptions>().Configure<KeyEncryptionCertificate, ILoggerFactory>((o, certificate, logs) =>
            o.XmlEncryptor = new NodeCertificateXmlEncryptor(certificate, logs));
        return builder;
    }

    public static string DefaultPathOf(string dataDirectory) => Path.Combine(NodeIdentity.FolderOf(dataDirectory), DefaultFile);
}

/// <summary>The key-encryption certificate, loaded (or made) on first use.</summary>
public sealed class KeyEncryptionCertificate(NodeOptions node)
{
    private readonly Lazy<X509Certificate2> _certificate = new(() => Load(node));

    public X509Certificate2 Value => _certificate.Value;

    private static X509Certificate2 Load(NodeOptions node)
    {
        if (node.KeyEncryptionCertificatePath is { } configured)
            return X509CertificateLoader.LoadPkcs12FromFile(configured, node.KeyEncryptionCertificatePassword);
        var path = KeyEncryption.DefaultPathOf(node.DataDirectory);
        if (File.Exists(path))
            return X509CertificateLoader.LoadPkcs12FromFile(path, null);
        // XML encryption wraps the key with RSA: an ECDSA certificate cannot.
        using var key = RSA.Create(3072);
        var request = new CertificateRequest($"CN={node.Agency} key encryption, O=Perimeter node", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment, true));
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(100));
        var pkcs12 = made.Export(X509ContentType.Pkcs12);
        NodeIdentity.CreateOwnerOnlyFolder(Path.GetDirectoryName(path)!);
        NodeIdentity.WriteOwnerOnly(path, pkcs12);
        return X509CertificateLoader.LoadPkcs12(pkcs12, null);
    }
}

/// <summary>The framework's certificate encryption, naming the decryptor below, which needs no machine certificate store.</summary>
internal sealed class NodeCertificateXmlEncryptor(KeyEncryptionCertificate certificate, ILoggerFactory logs) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(new CertificateXmlEncryptor(certificate.Value, logs).Encrypt(plaintextElement).EncryptedElement, typeof(NodeCertificateXmlDecryptor));
}

/// <summary>Decrypts a key encrypted with the node's key-encryption certificate (XML Encryption, RSA key transport).</summary>
internal sealed class NodeCertificateXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var document = new XmlDocument();
        using (var reader = encryptedElement.CreateReader())
            document.Load(reader);
        new WithCertificate(document, services.GetRequiredService<KeyEncryptionCertificate>().Value).DecryptDocument();
        return XElement.Parse(document.DocumentElement!.OuterXml);
    }

    private sealed class WithCertificate(XmlDocument document, X509Certificate2 certificate) : EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
        {
            using var rsa = certificate.GetRSAPrivateKey() ?? throw new CryptographicException("The key-encryption certificate has no RSA private key.");
            return DecryptKey(encryptedKey.CipherData.CipherValue!, rsa, encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl);
        }
    }
}
