using System.Net;
using System.Net.Http.Json;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Audit;
using Perimeter.Features.Retention;
using Perimeter.Features.Screening;
using Perimeter.Matching.Evidence;
using Perimeter.Matching.Screening;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Screening;

/// <summary>An agency's standing subjects are re-screened when alerts are added or changed, and only new matches are raised.</summary>
public sealed class StandingSubjectTests
{
    private const string Partner = "mx.inm";

    /// <summary>The node's own standing-subject runs only at start, so that the runs of the test are the only ones that raise.</summary>
    private static readonly Dictionary<string, string?> OnlyRunsOfTheTest = new(StringComparer.Ordinal)
    {
        ["Node:Screening:StandingSubjectSeconds"] = "3600",
    };

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_standing_subject_is_raised_once_for_each_new_match_it_may_see_and_not_for_a_decided_pair(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct, settings: OnlyRunsOfTheTest);
        using var analyst = await node.ClientAsync(Partner, Role.Analyst, ct, Purposes.CounterNarcotics);
        using var officer = await node.ClientAsync(Partner, Role.Officer, ct, Purposes.CounterNarcotics);
        using var publisher = await node.ClientAsync(TestNode.Agency, Role.Analyst, ct, Purposes.CounterNarcotics);
        var born = new PartialDate(1962, 10, 16);
        var subject = Screenings.Person("Vicente Carrillo Fuentes", born) with { Nationality = "MX" };
        var existing = await node.PublishAsync(AnAlert.Person().Named("Vicente", "Carrillo Fuentes", born), ct);
        await node.StartStandingSubjectsAsync(ct);

        using var registered = await analyst.PostAsJsonAsync(Screenings.StandingSubjects, new RegisterStandingSubject("case-2026-0107", subject), PerimeterJson.Options, ct);
        var registeredBody = await registered.Content.ReadAsStringAsync(ct);
        Assert.True(registered.StatusCode == HttpStatusCode.Created, $"{(int)registered.StatusCode}: {registeredBody}");
        var view = PerimeterJson.Deserialize<StandingSubjectView>(registeredBody);
        var added = await node.PublishAsync(AnAlert.Person().Named("Vicente", "Carrillo Fuentes", born) with { Narrative = "Seen in Ojinaga." }, ct);
        var hidden = await node.PublishAsync(AnAlert.Person().Named("Vicente", "Carrillo Fuentes", born).WithMarkings(m => m with { ReleasableTo = [] }), ct);
        var decided = await node.PublishAsync(AnAlert.Person().Named("Vicente", "Carrillo Fuentes", born).WithMarkings(m => m with { Purposes = Purposes.CounterNarcotics | Purposes.Migration }), ct);
        var unrelated = await node.PublishAsync(AnAlert.Person().Named("Miguel Ángel", "Treviño Morales", new PartialDate(1970, 11, 18)), ct);
        using var decision = await officer.PostAsJsonAsync(Screenings.Decisions,
            new DecisionRequest(subject, decided.Id, DecisionOutcome.FalsePositive, "Brother; different CURP."), PerimeterJson.Options, ct);
        Assert.Equal(HttpStatusCode.Created, decision.StatusCode);

        var firstRun = await node.RunStandingSubjectsAsync(ct);
        var afterFirstRun = await MatchesAsync(analyst, ct);
        var notifications = await analyst.GetFromJsonAsync<List<NotificationView>>("/api/v1/notifications", PerimeterJson.Options, ct);
        var secondRun = await node.RunStandingSubjectsAsync(ct);
        await publisher.UpdateAsync(added, AnAlert.Person().Named("Vicente", "Carrillo Fuentes", born) with { ExternalRef = added.ExternalRef, Narrative = "Seen in Juárez." }, ct);
        var afterNarrativeChange = await node.RunStandingSubjectsAsync(ct);

        Assert.Equal(("case-2026-0107", subject.Name, subject.DateOfBirth, subject.Nationality),
            (view.Reference, view.Subject.Name, view.Subject.DateOfBirth, view.Subject.Nationality));
        Assert.Equal([existing.Id], view.Matches.Select(m => m.AlertId));
        Assert.Equal(Band.Strong, view.Matches[0].Band);
        Assert.Equal(1, firstRun);
        Assert.Equal(new[] { existing.Id, added.Id }.Order(), afterFirstRun.Select(m => m.AlertId).Order());
        var raised = afterFirstRun.Single(m => m.AlertId == added.Id);
        Assert.Equal((view.Id, Band.Strong), (raised.StandingSubjectId, raised.Band));
        Assert.Contains("carrillo=carrillo (exact)", raised.Explanation, StringComparison.Ordinal);
        Assert.Contains(notifications!, n => n.Kind == NotificationKind.StandingMatch && n.AlertId == added.Id);
        Assert.DoesNotContain(notifications!, n => n.AlertId == hidden.Id || n.AlertId == decided.Id || n.AlertId == unrelated.Id);
        Assert.Equal((0, 0), (secondRun, afterNarrativeChange));
        Assert.Equal(2, (await MatchesAsync(analyst, ct)).Count);
        Assert.Single(await node.AuditAsync(AuditAction.StandingMatch, added.Id, ct));
        Assert.Empty(await node.AuditAsync(AuditAction.StandingMatch, hidden.Id, ct));
        Assert.Empty(await node.AuditAsync(AuditAction.StandingMatch, decided.Id, ct));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_match_is_raised_again_when_the_alerts_subject_changes_but_not_for_another_agency_nor_once_retired(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct, settings: OnlyRunsOfTheTest);
        using var analyst = await node.ClientAsync(Partner, Role.Analyst, ct, Purposes.CounterNarcotics);
        using var stranger = await node.ClientAsync("gt.pnc", Role.Analyst, ct, Purposes.CounterNarcotics);
        using var publisher = await node.ClientAsync(TestNode.Agency, Role.Analyst, ct, Purposes.CounterNarcotics);
        var subject = Screenings.Person("Héctor Luis Palma Salazar", new PartialDate(1960, 4, 29));
        await node.StartStandingSubjectsAsync(ct);
        using var registered = await analyst.PostAsJsonAsync(Screenings.StandingSubjects, new RegisterStandingSubject("case-1", subject), PerimeterJson.Options, ct);
        var standing = (await registered.Content.ReadFromJsonAsync<StandingSubjectView>(PerimeterJson.Options, ct))!;
        Assert.Equal(HttpStatusCode.Created, (await stranger.PostAsJsonAsync(Screenings.StandingSubjects, new RegisterStandingSubject("case-2", subject), PerimeterJson.Options, ct)).StatusCode);
        var content = AnAlert.Person().Named("Héctor Luis", "Palma Salazar", new PartialDate(1960, 4, 29));
        var alert = await node.PublishAsync(content, ct);

        var first = await node.RunStandingSubjectsAsync(ct);
        var changed = await publisher.UpdateAsync(alert, content.Named("Héctor Luis", "Palma Salazar", new PartialDate(1960, 4, 30)), ct);
        var afterSubjectChange = await node.RunStandingSubjectsAsync(ct);
        var retired = await analyst.DeleteAsync($"{Screenings.StandingSubjects}/{standing.Id}", ct);
        await publisher.UpdateAsync(changed, content, ct);
        var afterRetiring = await node.RunStandingSubjectsAsync(ct);

        Assert.Equal((1, 1, 0), (first, afterSubjectChange, afterRetiring));
        Assert.Equal(HttpStatusCode.NoContent, retired.StatusCode);
        Assert.Equal([1, 2], (await MatchesAsync(analyst, ct)).Select(m => m.AlertVersion).Order());
        Assert.Empty(await MatchesAsync(stranger, ct));
        Assert.Empty(await analyst.GetFromJsonAsync<List<StandingSubjectView>>(Screenings.StandingSubjects, PerimeterJson.Options, ct) ?? []);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_match_made_while_its_alert_was_visible_is_withheld_once_the_alert_is_re_marked_narrowed_or_retracted(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct, settings: OnlyRunsOfTheTest);
        using var analyst = await node.ClientAsync(Partner, Role.Analyst, ct, Purposes.CounterNarcotics);
        using var publisher = await node.ClientAsync(TestNode.Agency, Role.Analyst, ct, Purposes.CounterNarcotics);
        var born = new PartialDate(1960, 4, 29);
        AlertContent Palma() => AnAlert.Person().Named("Héctor Luis", "Palma Salazar", born);
        var (toRemark, toNarrow) = (Palma(), Palma());
        var remarked = await node.PublishAsync(toRemark, ct);
        var narrowed = await node.PublishAsync(toNarrow, ct);
        var retracted = await node.PublishAsync(Palma(), ct);
        using var registered = await analyst.PostAsJsonAsync(Screenings.StandingSubjects,
            new RegisterStandingSubject("case-3", Screenings.Person("Héctor Luis Palma Salazar", born)), PerimeterJson.Options, ct);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var before = (await MatchesAsync(analyst, ct)).Select(m => m.AlertId).ToHashSet();

        await publisher.UpdateAsync(remarked, toRemark.WithMarkings(m => m with { ReleasableTo = ["gt.igm"] }), ct);
        await publisher.UpdateAsync(narrowed, toNarrow.WithMarkings(m => m with { Purposes = Purposes.Migration }), ct);
        await publisher.RetractAsync(retracted, ct);
        var after = await MatchesAsync(analyst, ct);
        var notices = await analyst.GetFromJsonAsync<List<NotificationView>>("/api/v1/notifications", PerimeterJson.Options, ct);
        var reads = await node.AuditAsync(AuditAction.Read, null, ct);

        Assert.Equal(new[] { remarked.Id, narrowed.Id, retracted.Id }.ToHashSet(), before);
        Assert.Empty(after);
        Assert.Empty(notices!);
        var lastMatchRead = reads.Last(r => r.Target == "standing-match");
        Assert.Null(lastMatchRead.TargetIds);
        Assert.Contains("withheld=3", lastMatchRead.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Officers_may_not_register_standing_subjects_and_a_registration_needs_a_reference()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(Database.Sqlite, ct, settings: OnlyRunsOfTheTest);
        using var officer = await node.ClientAsync(Partner, Role.Officer, ct, Purposes.CounterNarcotics);
        using var analyst = await node.ClientAsync(Partner, Role.Analyst, ct, Purposes.CounterNarcotics);
        var subject = Screenings.Person("Héctor Luis Palma Salazar");

        var byOfficer = await officer.PostAsJsonAsync(Screenings.StandingSubjects, new RegisterStandingSubject("case-1", subject), PerimeterJson.Options, ct);
        var noReference = await analyst.PostAsJsonAsync(Screenings.StandingSubjects, new RegisterStandingSubject(" ", subject), PerimeterJson.Options, ct);
        var nothingToWatch = await analyst.PostAsJsonAsync(Screenings.StandingSubjects, new RegisterStandingSubject("case-1", new ScreenRequest()), PerimeterJson.Options, ct);

        await Problem.ReadAsync(byOfficer, HttpStatusCode.Forbidden, ct);
        Assert.NotEmpty((await Problem.ReadAsync(noReference, HttpStatusCode.BadRequest, ct)).For("reference"));
        Assert.NotEmpty((await Problem.ReadAsync(nothingToWatch, HttpStatusCode.BadRequest, ct)).For("name"));
        Assert.Empty(await analyst.GetFromJsonAsync<List<StandingSubjectView>>(Screenings.StandingSubjects, PerimeterJson.Options, ct) ?? []);
    }

    private static async Task<List<StandingMatchView>> MatchesAsync(HttpClient analyst, CancellationToken ct) =>
        (await analyst.GetFromJsonAsync<List<StandingMatchView>>($"{Screenings.StandingSubjects}/matches", PerimeterJson.Options, ct))!;
}
