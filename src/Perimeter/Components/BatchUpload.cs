using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Perimeter.Features.Access;
using Perimeter.Features.Screening;
using Perimeter.Localization;
using Perimeter.Web;

namespace Perimeter.Components;

/// <summary>
/// The console's manifest upload: a plain multipart form posted here, queued through the same <see cref="BatchJobs"/>
/// as <c>POST /api/v1/screen/batch</c>, then on to the job's page, which shows its progress.
/// </summary>
internal static class BatchUpload
{
    public static IEndpointRouteBuilder MapBatchUpload(this IEndpointRouteBuilder app)
    {
        app.MapPost("/console/batch", UploadAsync).RequireAuthorization(Permissions.ReadAlerts).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> UploadAsync(HttpContext context, IAntiforgery antiforgery, BatchJobs queue, Caller caller, CancellationToken ct)
    {
        // Checked here rather than by the middleware, so that a stale form gets the console's answer, not a bare 400.
        if (!await antiforgery.IsRequestValidAsync(context))
            return Problems.Problem(400, "BadRequest");
        var form = await context.Request.ReadFormAsync(ct);
        if (!MarkingText.TryParsePurpose(form["purpose"].ToString(), out var purpose))
            return Back(Text.Get("PurposeRequired"));
        if (form.Files.GetFile("manifest") is not { Length: > 0 } file)
            return Back(Text.Get("ManifestRequired"));
        string csv;
        try
        {
            using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
            csv = await reader.ReadToEndAsync(ct);
        }
        catch (DecoderFallbackException)
        {
            return Back(Text.Format("InvalidValue", "not UTF-8"));
        }
        var (job, errors) = await queue.SubmitAsync(csv, 5, null, caller.WithPurpose(purpose), ct);
        return job is null
            ? Back(string.Join('\n', errors.ToDictionary().SelectMany(e => e.Value).Take(5)))
            : Results.LocalRedirect($"/screen/batch/{job.Id}");
    }

    private static IResult Back(string error) => Results.LocalRedirect($"/screen/batch?error={Uri.EscapeDataString(error)}");
}
