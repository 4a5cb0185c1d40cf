using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Perimeter.Features.Federation;

namespace Perimeter.Web;

/// <summary>
/// Where the node listens. Its own URLs (the <c>urls</c> setting, <c>serve --urls</c>): plain HTTP on loopback only
/// unless the operator says <c>--insecure-http</c>; <c>https://</c> with the configured certificate or the node's own.
/// Beside them, when federation is on, the federation listener: HTTPS with the node's certificate, client certificates
/// required — which ones are accepted is the pinned-peer filter's call, so that every refusal is audited.
/// </summary>
public static class Listeners
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The URLs that parse; <see cref="Refusal"/> names any that does not.</summary>
    public static IReadOnlyList<Uri> UrlsOf(IConfiguration configuration) => [.. Texts(configuration["urls"]).Select(Parse).OfType<Uri>()];

    private static string[] Texts(string? urls) =>
        (urls ?? DefaultUrls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Uri? Parse(string url) =>
        Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var parsed)
            ? parsed : null;

    /// <summary>Why the node may not listen on <paramref name="urlsText"/> (<c>;</c>-separated), in one line; null when it may.</summary>
    public static string? Refusal(string urlsText, NodeOptions node)
    {
        if (Texts(urlsText).FirstOrDefault(text => Parse(text) is null) is { } unreadable)
            return $"--urls: \"{unreadable}\" is not a URL such as https://0.0.0.0:5443";
        var urls = Texts(urlsText).Select(Parse).OfType<Uri>().ToList();
        if (urls.Count == 0)
            return "--urls: no URL to listen on";
        if (urls.FirstOrDefault(u => u.Scheme == Uri.UriSchemeHttp && !IsLoopback(u)) is { } open && !node.Http.InsecureHttp)
            return $"{open}: plain HTTP on an address other than loopback sends sessions and alerts in clear; use https:// "
                + "(with the node's certificate from perimeter pki init, or --certificate FILE.p12), or say --insecure-http";
        if (urls.Any(u => u.Scheme == Uri.UriSchemeHttps) && node.Http.CertificatePath is null && !NodeIdentity.Exists(node.DataDirectory))
            return "https:// needs a certificate: run perimeter pki init for the node's own, or give --certificate FILE.p12";
        return urls.FirstOrDefault(u => u.Scheme != Uri.UriSchemeHttp && u.Scheme != Uri.UriSchemeHttps) is { } other
            ? $"{other}: only http:// and https:// URLs" : null;
    }

    public static bool ServesHttps(IConfiguration configuration) => UrlsOf(configuration).Any(u => u.Scheme == Uri.UriSchemeHttps);

    public static void Configure(WebApplicationBuilder builder, NodeOptions node)
    {
        var urls = UrlsOf(builder.Configuration);
        // Endpoints set in code replace the URLs setting; clearing it spares a warning that says so.
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, "");
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            foreach (var url in urls)
            {
                // Loaded at the first handshake, not when the server is configured: commands that never listen need no certificate.
                var certificate = new Lazy<X509Certificate2>(() => ServerCertificate(kestrel, node));
                Listen(kestrel, url, url.Scheme != Uri.UriSchemeHttps ? null : https => https.ServerCertificateSelector = (_, _) => certificate.Value);
            }
            if (node.Federation.IsEnabled)
            {
                Listen(kestrel, new Uri(node.Federation.Url!), https =>
                {
                    https.ServerCertificate = kestrel.ApplicationServices.GetRequiredService<FederationIdentity>().Required.Certificate;
                    https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                    https.AllowAnyClientCertificate();
                });
            }
        });
    }

    private static X509Certificate2 ServerCertificate(KestrelServerOptions kestrel, NodeOptions node) =>
        node.Http.CertificatePath is { } path
            ? X509CertificateLoader.LoadPkcs12FromFile(path, node.Http.CertificatePassword)
            : kestrel.ApplicationServices.GetRequiredService<FederationIdentity>().Required.Certificate;

    private static bool IsLoopback(Uri url) =>
        string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static void Listen(KestrelServerOptions kestrel, Uri url, Action<HttpsConnectionAdapterOptions>? https)
    {
        void Configure(ListenOptions listen)
        {
            if (https is not null)
                listen.UseHttps(https);
        }
        if (string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            kestrel.ListenLocalhost(url.Port, Configure);
        else if (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address))
            kestrel.Listen(address, url.Port, Configure);
        else
            kestrel.ListenAnyIP(url.Port, Configure);
    }
}
