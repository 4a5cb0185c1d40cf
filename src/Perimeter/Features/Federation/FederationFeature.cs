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
        services.AddScoped<PartnerQueryService>().AddScoped<RequestForDetailsService>().AddScoped<FederationWarmup>().AddScoped<PartnerLinkTest>();
        if (!node.Federation.IsEnabled)
            return builder;
        services.AddPeriodicJob(new PeriodicJob<FederationJob>("federation",
            sp => TimeSpan.FromMilliseconds(sp.GetRequiredService<IOptions<NodeOptions>>().Value.Federation.DeliveryIntervalMilliseconds),
            (job, ct) => job.RunOnceAsync(ct)));
        return builder;
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
