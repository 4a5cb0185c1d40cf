using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Perimeter.Features.Access;
using Perimeter.Web;

namespace Perimeter.Features.Screening;

internal static class BatchEndpoints
{
    public static RouteGroupBuilder MapBatchEndpoints(this IEndpointRouteBuilder app)
    {
        var batch = app.MapGroup("/api/v1/screen/batch").WithTags("Screening").RequireAuthorization(Permissions.ReadAlerts);
        // One Accepts with both media types: routing answers 415 to any type the last Accepts does not list.
        batch.MapPost("/", Submit).WithName("SubmitBatchScreening").RequirePurpose()
            .Accepts<BatchRow[]>("application/json", "text/csv");
        batch.MapGet("/{id:guid}", Status).WithName("GetBatchScreening");
        batch.MapGet("/{id:guid}/results", Results).WithName("DownloadBatchScreeningResults").RequirePurpose();
        return batch;
    }

    /// <summary>A manifest as CSV (<c>id,name[,dob,nationality,sex,document,kind]</c>) or a JSON array of the same fields.</summary>
    private static async Task<Results<Accepted<BatchJobView>, ValidationProblem>> Submit(
        HttpRequest http, BatchJobs queue, Caller caller, CancellationToken ct, int top = 5, double? threshold = null)
    {
        string csv;
        if (http.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            var rows = await JsonSerializer.DeserializeAsync<BatchRow[]>(http.Body, PerimeterJson.Options, ct) ?? [];
            // A null inside the array is not refused by the serializer: refuse it here rather than fail on it.
            if (Array.IndexOf(rows, null) is >= 0 and var missing)
                return Problems.Invalid($"body[{missing}]", "Required");
            csv = BatchRow.ToCsv(rows);
        }
        else
        {
            using var reader = new StreamReader(http.Body, new UTF8Encoding(false, throwOnInvalidBytes: true));
            try
            {
                csv = await reader.ReadToEndAsync(ct);
            }
            catch (DecoderFallbackException)
            {
                return Problems.Invalid("body", "InvalidValue", "not UTF-8");
            }
        }
        var (job, errors) = await queue.SubmitAsync(csv, top, threshold, caller, ct);
        if (job is null)
            return Problems.Invalid(errors);
        return TypedResults.Accepted($"/api/v1/screen/batch/{job.Id}", job);
    }

    private static async Task<Results<Ok<BatchJobView>, ProblemHttpResult>> Status(Guid id, BatchJobs queue, Caller caller, CancellationToken ct) =>
        await queue.FindAsync(id, caller, ct) is { } job ? TypedResults.Ok(job) : Problems.Problem(404, "NotFound");

    private static async Task<IResult> Results(Guid id, BatchJobs jobs, Caller caller, CancellationToken ct) =>
        await jobs.ResultsAsync(id, caller, ct) switch
        {
            null => Problems.Problem(404, "NotFound"),
            { Csv: null } => Problems.Problem(409, "BatchNotDone"),
            { Csv: { } csv } => TypedResults.File(Encoding.UTF8.GetBytes(csv), "text/csv", $"screening-{id}.csv"),
        };
}

/// <summary>One row of a JSON manifest; the same fields as the CSV.</summary>
public sealed record BatchRow(string? Id, string? Name, string? Dob = null, string? Nationality = null, string? Sex = null, string? Document = null, string? Kind = null)
{
    public static string ToCsv(IEnumerable<BatchRow> rows)
    {
        var builder = new StringBuilder("id,name,dob,nationality,sex,document,kind\n");
        foreach (var row in rows)
            builder.AppendJoin(',', new[] { row.Id, row.Name, row.Dob, row.Nationality, row.Sex, row.Document, row.Kind }.Select(Quote)).Append('\n');
        return builder.ToString();
    }

    private static string Quote(string? value) => $"\"{(value ?? "").Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
