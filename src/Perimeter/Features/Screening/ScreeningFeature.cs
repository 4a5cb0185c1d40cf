using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Perimeter.Features.Screening;

/// <summary>How often this replica's screening jobs look for work.</summary>
public sealed class ScreeningSettings
{
    public const string Section = "Node:Screening";

    /// <summary>Seconds between re-screens of standing subjects against changed alerts (which also keeps the index warm).</summary>
    [Range(1, 3600)]
    public int StandingSubjectSeconds { get; set; } = 10;

    /// <summary>Seconds between looks for queued batch jobs.</summary>
    [Range(1, 3600)]
    public int BatchPollSeconds { get; set; } = 2;

    /// <summary>English nickname relations to add to the built-in tables (<c>name1,has_nickname,name2</c> lines).</summary>
    public string? NicknamesFile { get; set; }
}

public static class ScreeningFeature
{
    public static IServiceCollection AddScreening(this IServiceCollection services)
    {
        services.AddOptions<ScreeningSettings>().BindConfiguration(ScreeningSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => NodeMatchingTables.Load(sp.GetRequiredService<IOptions<ScreeningSettings>>().Value.NicknamesFile));
        services.AddSingleton<ScreeningIndex>().AddSingleton<ScreeningIndexLoader>();
        services.AddHostedService(sp => sp.GetRequiredService<ScreeningIndexLoader>());
        services.AddScoped<ScreeningService>().AddScoped<BatchJobs>().AddScoped<HitsInbox>();
        services.AddPeriodicJob(new PeriodicJob<StandingSubjectJob>("standing-subjects",
            sp => TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<ScreeningSettings>>().Value.StandingSubjectSeconds),
            async (job, ct) => await job.RunOnceAsync(ct) is var raised and > 0 ? $"{raised} new standing-subject matches" : ""));
        services.AddPeriodicJob(new PeriodicJob<BatchScreeningJob>("batch-screening",
            sp => TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<ScreeningSettings>>().Value.BatchPollSeconds),
            async (job, ct) =>
            {
                var ran = 0;
                while (await job.RunNextAsync(ct))
                    ran++;
                return ran > 0 ? $"{ran} batch jobs done" : "";
            }));
        return services;
    }

    public static IEndpointRouteBuilder MapScreening(this IEndpointRouteBuilder app)
    {
        app.MapScreenEndpoints();
        app.MapBatchEndpoints();
        app.MapStandingSubjectEndpoints();
        return app;
    }
}

/// <summary>
/// The matching tables this node screens with: the library's own, plus the English nickname relations of
/// <c>Node:Screening:NicknamesFile</c> (the <c>name1,has_nickname,name2</c> format), or of
/// <c>shared/data/nicknames/names.csv</c> beside the repository when none is configured and it is there.
/// </summary>
public static class NodeMatchingTables
{
    public static Matching.Screening.MatchingTables Load(string? nicknamesFile)
    {
        var path = nicknamesFile ?? ReferenceData.Find(Path.Combine("nicknames", "names.csv"));
        if (path is null || !File.Exists(path))
            return Matching.Screening.MatchingTables.Default;
        using var reader = File.OpenText(path);
        var defaults = Matching.Screening.MatchingTables.Default;
        return defaults with { Equivalents = defaults.Equivalents.With([.. Matching.Names.GivenNameEquivalents.Parse(reader)]) };
    }
}
