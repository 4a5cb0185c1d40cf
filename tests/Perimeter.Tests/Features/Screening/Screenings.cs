using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Perimeter.Features.Alerts;
using Perimeter.Features.Screening;
using Perimeter.Matching.Evidence;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Screening;

/// <summary>Screening the way a lane system or an analyst's tool does it: over HTTP, and the node's jobs run now.</summary>
internal static class Screenings
{
    public const string Screen = "/api/v1/screen";
    public const string Decisions = "/api/v1/screen/decisions";
    public const string Batch = "/api/v1/screen/batch";
    public const string StandingSubjects = "/api/v1/standing-subjects";

    public static ScreenRequest Person(string name, PartialDate? dateOfBirth = null) =>
        new() { Name = name, DateOfBirth = dateOfBirth };

    /// <summary>Screens one subject, failing with the body unless the node answers 200.</summary>
    public static async Task<ScreenResponse> ScreenAsync(this HttpClient client, ScreenRequest request, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync(Screen, request, PerimeterJson.Options, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {body}");
        return PerimeterJson.Deserialize<ScreenResponse>(body);
    }

    /// <summary>The ids of every candidate, best first.</summary>
    public static async Task<IReadOnlyList<Guid>> CandidatesAsync(this HttpClient client, ScreenRequest request, CancellationToken ct) =>
        [.. (await client.ScreenAsync(request, ct)).Candidates.Select(c => c.AlertId)];

    /// <summary>The candidate for <paramref name="alert"/>, or null when the screening does not return it.</summary>
    public static ScreenCandidate? For(this ScreenResponse response, AlertView alert) =>
        response.Candidates.SingleOrDefault(c => c.AlertId == alert.Id);

    public static async Task<AlertView> UpdateAsync(this HttpClient analyst, AlertView alert, AlertContent content, CancellationToken ct)
    {
        using var response = await analyst.PutAsJsonAsync($"/api/v1/alerts/{alert.Id}", content, PerimeterJson.Options, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"update: {(int)response.StatusCode}: {body}");
        return PerimeterJson.Deserialize<AlertView>(body);
    }

    public static async Task RetractAsync(this HttpClient analyst, AlertView alert, CancellationToken ct)
    {
        using var response = await analyst.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/retract", new RetractRequest("Arrested."), PerimeterJson.Options, ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"retract: {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
    }

    /// <summary>A person alert of the test builder, named and born as given.</summary>
    public static AlertContent Named(this AlertContent alert, string givenNames, string surnames, PartialDate? dateOfBirth = null) => alert with
    {
        Subject = alert.Subject with
        {
            Person = alert.Subject.Person! with
            {
                Names = [new PersonName(givenNames, surnames)],
                DatesOfBirth = dateOfBirth is { } dob ? [dob] : alert.Subject.Person!.DatesOfBirth,
            },
        },
    };

    /// <summary>Re-screens standing subjects against changed alerts now, as the node's job does every few seconds.</summary>
    public static async Task<int> RunStandingSubjectsAsync(this TestNode node, CancellationToken ct)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StandingSubjectJob>().RunOnceAsync(ct);
    }

    /// <summary>
    /// The standing-subject job's first run only notes where the change feed is. Runs it until it has (the run at
    /// the node's start may hold the job's lock for a moment), so that later changes are re-screened.
    /// </summary>
    public static async Task StartStandingSubjectsAsync(this TestNode node, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await node.RunStandingSubjectsAsync(ct);
            await using var db = node.Database.Open();
            if (await db.Set<JobCursor>().AnyAsync(c => c.Job == "standing-subjects", ct))
                return;
            await Task.Delay(50, ct);
        }
        Assert.Fail("the standing-subject job never noted its place in the change feed");
    }

    /// <summary>Runs queued batch jobs now, and waits for the job at <paramref name="location"/> to finish (the node's own poll may have claimed it).</summary>
    public static async Task<BatchJobView> RunBatchAsync(this TestNode node, HttpClient client, Uri location, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            await using (var scope = node.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<BatchScreeningJob>().RunNextAsync(ct);
            var job = (await client.GetFromJsonAsync<BatchJobView>(location, PerimeterJson.Options, ct))!;
            if (job.Status is BatchStatus.Done or BatchStatus.Failed)
                return job;
            await Task.Delay(100, ct);
        }
        throw new TimeoutException($"batch {location} never finished");
    }
}
