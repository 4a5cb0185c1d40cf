using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Options;

namespace Perimeter.Features.Federation;

public static class FederationFeature
{
    public static WebApplicationBuilder AddFederation(this WebApplicationBuilder builder, NodeOptions node)
    {
        var services = builder.Services;
        services.AddSingleton<FederationIdentity>().AddSingleton<PartnerClients>().AddSingleton<DeliverySchedule>();
        services.AddScoped<PartnerService>().AddScoped<AgreementService>().AddScoped<ReadLogService>();
        services.AddScoped<FederationReceiver>().AddScoped<FederationRelay>().AddScoped<FederationDelivery>().AddScoped<CopyRetention>();
        services.AddScoped<PartnerQueryService>().AddScoped<RequestForDetailsService>();
        if (!node.Federation.IsEnabled)
            return builder;
        services.AddPeriodicJob(new PeriodicJob<FederationJob>("federation",
            sp => TimeSpan.FromMilliseconds(sp.GetRequiredService<IOptions<NodeOptions>>().Value.Federation.DeliveryIntervalMilliseconds),
            (job, ct) => job.RunOnceAsync(ct)));
        ListenForPartners(builder, node);
        return builder;
    }

    /// <summary>
    /// Kestrel takes the node's own URLs and, beside them, the federation listener: HTTPS with the node's
    /// certificate, client certificates required. Which ones are accepted is the pinned-peer filter's call, so
    /// that every refusal is audited.
    /// </summary>
    private static void ListenForPartners(WebApplicationBuilder builder, NodeOptions node)
    {
        var urls = (builder.Configuration["urls"] ?? "http://127.0.0.1:5080").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var federation = new Uri(node.Federation.Url!);   // NodeOptions.Validate has checked it is an https URL
        // Endpoints set in code replace the URLs setting; clearing it spares a warning that says so.
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, "");
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            foreach (var url in urls)
                Listen(kestrel, new Uri(url), null);
            Listen(kestrel, federation, https =>
            {
                var identity = kestrel.ApplicationServices.GetRequiredService<FederationIdentity>().Required;
                https.ServerCertificate = identity.Certificate;
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                https.AllowAnyClientCertificate();
            });
        });
    }

    private static void Listen(KestrelServerOptions kestrel, Uri url, Action<HttpsConnectionAdapterOptions>? https)
    {
        void Configure(ListenOptions listen)
        {
            if (https is not null)
                listen.UseHttps(https);
        }
        if (string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            kestrel.ListenLocalhost(url.Port, Configure);
        else if (IPAddress.TryParse(url.Host, out var address))
            kestrel.Listen(address, url.Port, Configure);
        else
            kestrel.ListenAnyIP(url.Port, Configure);
    }

    /// <summary>The federation listener serves partners and nothing else; the node's API stays on its own URLs.</summary>
    public static WebApplication UseFederationListener(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Connection.ClientCertificate is not null && !context.Request.Path.StartsWithSegments("/federation", StringComparison.Ordinal))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await next(context);
        });
        return app;
    }

    public static WebApplication MapFederation(this WebApplication app)
    {
        app.MapFederationEndpoints();
        app.MapPartnerEndpoints();
        app.MapQueryEndpoints();
        return app;
    }
}
