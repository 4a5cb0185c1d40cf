using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Perimeter.Components;
using Perimeter.Features.Access;
using Perimeter.Features.Agencies;
using Perimeter.Features.Alerts;
using Perimeter.Features.Audit;
using Perimeter.Features.Deconfliction;
using Perimeter.Features.Demo;
using Perimeter.Features.Federation;
using Perimeter.Features.Health;
using Perimeter.Features.Retention;
using Perimeter.Features.Screening;
using Perimeter.Features.Setup;
using Perimeter.Features.Tokens;
using Perimeter.Features.Users;
using Perimeter.Storage;
using Perimeter.Web;
using Scalar.AspNetCore;

namespace Perimeter;

/// <summary>Builds a node: used by <c>perimeter serve</c>, by the other commands (without listening) and by tests.</summary>
public static class NodeHost
{
    /// <param name="overrides">Settings that win over appsettings.json and the environment, such as command-line flags.</param>
    /// <param name="configureTests">Lets tests replace outside dependencies such as the clock.</param>
    public static WebApplication Build(IDictionary<string, string?> overrides, Action<IServiceCollection>? configureTests = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            // This program's name, also when a test assembly hosts the node: the static assets' manifests are named after it.
            ApplicationName = typeof(NodeHost).Assembly.GetName().Name,
        });
        // The console's CSS and Blazor's script: from the build's manifest when run from a build (tests, ./perimeter),
        // from wwwroot when published. Without this, only the Development environment would find them in a build.
        builder.WebHost.UseStaticWebAssets();
        builder.Configuration.AddEnvironmentVariables("PERIMETER_");
        builder.Configuration.AddInMemoryCollection(overrides);
        NodeFolder.Apply(builder.Configuration);
        var node = builder.Configuration.GetSection(NodeOptions.Section).Get<NodeOptions>() ?? new NodeOptions();

        builder.Services.AddOptions<NodeOptions>().BindConfiguration(NodeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = node.MaxRequestBodyBytes;
            kestrel.AddServerHeader = false;
        });
        var servesHttps = Listeners.ServesHttps(builder.Configuration);
        Listeners.Configure(builder, node);

        builder.Services.AddStorage(node.Storage);
        // Replicas share cookie-protection keys through the database, so any replica accepts any sign-in.
        builder.Services.AddDataProtection().SetApplicationName("perimeter").PersistKeysToDbContext<PerimeterDb>().ProtectKeysWithNodeCertificate(node);
        builder.Services.AddAccess(node.Agency);
        builder.Services.AddIdentityAndTokens(servesHttps);
        builder.Services.AddNodeRateLimits(node.Http.RateLimits);
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        builder.Services.AddScoped<AuditLog>().AddScoped<AuditReader>().AddSingleton<AuditGroupCommit>();
        builder.Services.AddSingleton<RefusalAudit>().AddHostedService<RefusalAuditFlush>();
        builder.Services.AddScoped<AgencyService>();
        builder.Services.AddScoped<AlertReader>().AddScoped<AlertWriter>();
        builder.Services.AddScoped<UserService>().AddScoped<TokenService>();
        builder.Services.AddScoped<NotificationInbox>();
        builder.Services.AddScoped<DeconflictionService>().AddScoped<PartnerDeconfliction>();
        builder.Services.AddPeriodicJob(new PeriodicJob<RetentionJob>("retention",
            sp => TimeSpan.FromMinutes(sp.GetRequiredService<IOptions<RetentionOptions>>().Value.IntervalMinutes),
            async (job, ct) => await job.RunOnceAsync(ct) is var run && run.Warned + run.Expired + run.Purged > 0
                ? $"{run.Warned} warned, {run.Expired} expired, {run.Purged} purged" : ""));
        builder.Services.AddScreening();
        builder.AddFederation(node);
        builder.Services.AddHostedService<Cli.ParentProcessWatch>();
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddProblems();
        // Unreadable bodies reach the one exception handler, which names the field in the caller's language.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddLocalization();
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = servesHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddConsole();
        builder.Services.ConfigureHttpJsonOptions(o => PerimeterJson.Configure(o.SerializerOptions));
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Perimeter node API";
            document.Info.Description = "Alerts, agencies, users, tokens and audit of one Perimeter node. Reads name a purpose in the X-Purpose header.";
            return Task.CompletedTask;
        }));
        builder.Services.AddTelemetry(node);
        configureTests?.Invoke(builder.Services);

        var app = builder.Build();
        // First: everything after it, the audit log included, sees the client the proxy saw.
        if (node.Http.KnownProxies.Length > 0)
            app.UseForwardedHeaders(ForwardedFrom(node.Http.KnownProxies));
        if (servesHttps)
            app.UseHsts();
        // Every cookie the node sets — session, antiforgery, purpose, language — is HttpOnly, SameSite=Strict, and Secure over HTTPS.
        app.UseCookiePolicy(new CookiePolicyOptions
        {
            HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always,
            MinimumSameSitePolicy = SameSiteMode.Strict,
            Secure = servesHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest,
        });
        // Outside the problem handlers: a culture set further in does not flow back out to them, and
        // unreadable bodies, oversized bodies and status-code problems would be answered in English.
        app.UseRequestLocalization(ConsoleFeature.Localization());
        app.UseProblems();
        app.UseFederationListener();
        app.UseAuthentication();
        // After authentication, which tells signed-in callers (not limited) from the rest.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        // The API reference page loads the document relative to itself.
        app.MapOpenApi("/docs/openapi/{documentName}.json").AllowAnonymous().ExcludeFromDescription();
        app.MapScalarApiReference("/docs", o => o.WithTitle("Perimeter node API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        app.MapHealthEndpoints();
        app.MapHomePage();
        app.MapAlertEndpoints();
        app.MapAgencyEndpoints();
        app.MapUserEndpoints();
        app.MapTokenEndpoints();
        app.MapAuditEndpoints();
        app.MapNotificationEndpoints();
        app.MapDeconflictionEndpoints();
        app.MapScreening();
        app.MapFederation();
        app.MapConsole();
        return app;
    }

    /// <summary>Migrates the database and records the node's own agency; run before serving or any command.</summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken ct)
    {
        var node = app.Services.GetRequiredService<IOptions<NodeOptions>>().Value;
        await node.Storage.PrepareAsync(ct);
        await using var scope = app.Services.CreateAsyncScope();
        NodeFolder.CheckDatabase(await scope.ServiceProvider.GetRequiredService<AgencyService>().ThisNodeAsync(ct), node);
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        // Replicas may start together on a new database: checking and adding under the unit of work's lock
        // lets one of them seed it, where two would otherwise both add the same role and one fail to start.
        await scope.ServiceProvider.GetRequiredService<PerimeterDb>().WriteAsync(async token =>
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                if (!await roles.RoleExistsAsync(role.ToString()))
                    await roles.CreateAsync(new IdentityRole<Guid>(role.ToString()) { Id = Guid.CreateVersion7() });
            }
            await scope.ServiceProvider.GetRequiredService<AgencyService>().EnsureThisNodeAsync(node.Agency, string.IsNullOrWhiteSpace(node.AgencyName) ? node.Agency : node.AgencyName, token);
        }, ct);
    }

    private static IServiceCollection AddStorage(this IServiceCollection services, StorageOptions storage)
    {
        storage.Register(services);
        return services;
    }

    private static IServiceCollection AddAccess(this IServiceCollection services, string agency)
    {
        services.AddSingleton(new AccessPolicy(agency)).AddScoped<VisibleAlerts>();
        services.AddHttpContextAccessor();
        services.AddScoped(sp => sp.GetRequiredService<IHttpContextAccessor>().HttpContext is { } context
            ? CallerResolution.Resolve(context)
            : Caller.Anonymous(null));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditedAuthorizationResultHandler>().AddSingleton<AllowedMethods>();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Permissions.ReadAlerts, p => p.RequireRole(Roles.Officer, Roles.Analyst, Roles.Supervisor))
            .AddPolicy(Permissions.PublishAlerts, p => p.RequireRole(Roles.Analyst))
            // Any agency's analysts and supervisors on this node: the inbox lists only the caller's own agency's hits.
            .AddPolicy(Permissions.ReviewHits, p => p.RequireRole(Roles.Analyst, Roles.Supervisor))
            .AddPolicy(Permissions.Deconflict, p => p.RequireRole(Roles.Analyst, Roles.Supervisor))
            // The node's own agency only: a partner's admin could otherwise mint tokens that act for this
            // agency, and a partner's auditor read every agency's trail on this node.
            .AddPolicy(Permissions.ReadAudit, p => p.RequireRole(Roles.Auditor).RequireClaim(Caller.AgencyClaim, agency))
            .AddPolicy(Permissions.ManageNode, p => p.RequireRole(Roles.Admin).RequireClaim(Caller.AgencyClaim, agency))
            .AddPolicy(Permissions.ManageAgreements, p => p.RequireRole(Roles.Admin, Roles.Supervisor).RequireClaim(Caller.AgencyClaim, agency))
            .AddPolicy(Permissions.HandleRequests, p => p.RequireRole(Roles.Analyst, Roles.Supervisor).RequireClaim(Caller.AgencyClaim, agency))
            .AddPolicy(Permissions.ApproveReleases, p => p.RequireRole(Roles.Supervisor).RequireClaim(Caller.AgencyClaim, agency));
        return services;
    }

    /// <summary>Forwarded headers believed from these proxies only; the defaults (loopback) are cleared so that nothing else is.</summary>
    private static ForwardedHeadersOptions ForwardedFrom(IEnumerable<string> proxies)
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            if (IPAddress.TryParse(proxy, out var address))
                options.KnownProxies.Add(address);
            else
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
        }
        return options;
    }

    private static IServiceCollection AddIdentityAndTokens(this IServiceCollection services, bool servesHttps)
    {
        services.AddIdentity<NodeUser, IdentityRole<Guid>>(o =>
            {
                o.Password.RequiredLength = 12;
                // Length over composition rules (NIST SP 800-63B).
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireDigit = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<PerimeterDb>()
            .AddUserManager<NodeUserManager>()
            .AddClaimsPrincipalFactory<NodeUserClaimsFactory>();
        // A disabled user's cookie stops working within a minute, not at Identity's default half hour.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "perimeter";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = servesHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.LoginPath = "/";
            // The API answers 401/403 as problems; it never redirects a program to a sign-in page.
            o.Events.OnRedirectToLogin = context => WriteStatus(context.HttpContext, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => WriteStatus(context.HttpContext, StatusCodes.Status403Forbidden);
        });
        // AddIdentity made the cookie the default for authenticate and challenge; the policy scheme must win.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "Node";
                o.DefaultAuthenticateScheme = "Node";
                o.DefaultChallengeScheme = "Node";
                o.DefaultForbidScheme = "Node";
            })
            .AddPolicyScheme("Node", "Cookie or API token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0 ? TokenAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
        return services;
    }

    private static Task WriteStatus(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static IServiceCollection AddTelemetry(this IServiceCollection services, NodeOptions node)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("perimeter", serviceInstanceId: $"{node.Agency}/{Environment.MachineName}/{Environment.ProcessId}"))
            .WithTracing(t => t.AddSource(Telemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
            .WithMetrics(m => m.AddMeter(Telemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        switch (node.TelemetryExporter)
        {
            case TelemetryExporter.None:
                break;
            case TelemetryExporter.Console:
                telemetry.WithTracing(t => t.AddConsoleExporter()).WithMetrics(m => m.AddConsoleExporter());
                break;
            // Without a usable endpoint nothing is wired: the settings check at start names the missing setting.
            case TelemetryExporter.Otlp when Uri.TryCreate(node.OtlpEndpoint, UriKind.Absolute, out var endpoint):
                telemetry.WithTracing(t => t.AddOtlpExporter(o => o.Endpoint = endpoint)).WithMetrics(m => m.AddOtlpExporter(o => o.Endpoint = endpoint));
                break;
            case TelemetryExporter.Otlp:
                break;
        }
        return services;
    }
}
