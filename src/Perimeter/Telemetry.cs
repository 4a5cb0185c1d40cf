using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Perimeter;

/// <summary>The node's own traces and metrics, exported with ASP.NET Core's and HttpClient's.</summary>
public static class Telemetry
{
    public const string Name = "Perimeter";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> JobRuns = Meter.CreateCounter<long>("perimeter.jobs.runs", description: "Background job runs");

    public static readonly Counter<long> Screenings = Meter.CreateCounter<long>("perimeter.screenings", description: "Subjects screened, one by one or in batches");

    public static readonly Counter<long> AlertsImported = Meter.CreateCounter<long>("perimeter.imports.alerts", description: "Alerts created or updated by imports");
}
