using System.Net;
using System.Net.Http.Json;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Features.Screening;
using Perimeter.Matching.Evidence;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Screening;

/// <summary>An officer's decision on a subject–alert pair is shown with that pair until the subject or the alert's subject changes.</summary>
public sealed class ScreeningDecisionTests(NodePerDatabase nodes) : IClassFixture<NodePerDatabase>
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_false_positive_is_shown_with_the_same_pair_until_the_alerts_subject_changes(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(database, ct);
        var content = AnAlert.Person().Named("Ismael", "Zambada García", new PartialDate(1948, 1, 1))
            .WithMarkings(m => m with { ReleasableTo = ["mx.inm", "gt.pnc"] });
        var alert = await node.PublishAsync(content, ct);
        using var analyst = await node.ClientAsync(TestNode.Agency, Role.Analyst, ct, Purposes.CounterNarcotics);
        using var officer = await node.ClientAsync("mx.inm", Role.Officer, ct, Purposes.CounterNarcotics);
        using var colleague = await node.ClientAsync("mx.inm", Role.Officer, ct, Purposes.CounterNarcotics);
        using var otherAgency = await node.ClientAsync("gt.pnc", Role.Officer, ct, Purposes.CounterNarcotics);
        var traveller = Screenings.Person("Ismael Zambada Garcia", new PartialDate(1948, 1, 1)) with { Nationality = "MX" };
        // Another subject, still a candidate: the listed January 1st stands for the year alone.
        var namesake = traveller with { DateOfBirth = new PartialDate(1948, 6, 30) };
        var before = await officer.ScreenAsync(traveller, ct);

        using var decided = await officer.PostAsJsonAsync(Screenings.Decisions,
            new DecisionRequest(traveller, alert.Id, DecisionOutcome.FalsePositive, "Different father's name on the voter card."), PerimeterJson.Options, ct);
        var decisionBody = await decided.Content.ReadAsStringAsync(ct);
        Assert.True(decided.StatusCode == HttpStatusCode.Created, $"{(int)decided.StatusCode}: {decisionBody}");
        var decision = PerimeterJson.Deserialize<DecisionView>(decisionBody);
        var again = await colleague.ScreenAsync(traveller, ct);
        var sameTravellerInCapitals = await colleague.ScreenAsync(traveller with { Name = "ISMAEL ZAMBADA GARCÍA", Nationality = "México" }, ct);
        var sameTravellerSurnamesFirst = await colleague.ScreenAsync(traveller with { Name = "ZAMBADA GARCÍA, Ismael" }, ct);
        var sameTravellerInTwoFields = await colleague.ScreenAsync(traveller with { Name = null, GivenNames = "Ismael", Surnames = "Zambada García" }, ct);
        var forNamesake = await officer.ScreenAsync(namesake, ct);
        var forOtherAgency = await otherAgency.ScreenAsync(traveller, ct);
        var narrativeChanged = await analyst.UpdateAsync(alert, content with { Narrative = "Seen in Culiacán." }, ct);
        var afterNarrative = await officer.ScreenAsync(traveller, ct);
        await analyst.UpdateAsync(narrativeChanged, content.Named("Ismael", "Zambada García", new PartialDate(1948, 1, 2)), ct);
        var afterNewBirthDate = await officer.ScreenAsync(traveller, ct);

        Assert.Null(before.For(alert)!.Decision);
        Assert.Equal((DecisionOutcome.FalsePositive, "Different father's name on the voter card.", alert.Version),
            (decision.Outcome, decision.Reason, decision.AlertVersion));
        Assert.Equal($"/api/v1/screen/decisions/{decision.Id}", decided.Headers.Location?.OriginalString);
        Assert.Equal(decision, again.For(alert)!.Decision);
        Assert.Equal(decision, sameTravellerInCapitals.For(alert)?.Decision);
        Assert.Equal(decision, sameTravellerSurnamesFirst.For(alert)?.Decision);
        Assert.Equal(decision, sameTravellerInTwoFields.For(alert)?.Decision);
        Assert.NotNull(forNamesake.For(alert));
        Assert.Null(forNamesake.For(alert)!.Decision);
        Assert.NotNull(forOtherAgency.For(alert));
        Assert.Null(forOtherAgency.For(alert)!.Decision);
        Assert.Equal(decision, afterNarrative.For(alert)!.Decision);
        Assert.NotNull(afterNewBirthDate.For(alert));
        Assert.Null(afterNewBirthDate.For(alert)!.Decision);
        var audited = Assert.Single(await node.AuditAsync(AuditAction.Decide, alert.Id, ct));
        Assert.Equal((AuditOutcome.Allowed, "outcome=false-positive"), (audited.Outcome, audited.Detail));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Deciding_on_an_alert_the_caller_may_not_see_is_not_found_and_audited(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(database, ct);
        var hidden = await node.PublishAsync(AnAlert.Person().Named("Juan José", "Esparragoza Moreno").WithMarkings(m => m with { ReleasableTo = [] }), ct);
        using var officer = await node.ClientAsync("mx.inm", Role.Officer, ct, Purposes.CounterNarcotics);
        var request = new DecisionRequest(Screenings.Person("Juan José Esparragoza Moreno"), hidden.Id, DecisionOutcome.Confirmed, "Same person.");

        var hiddenResponse = await officer.PostAsJsonAsync(Screenings.Decisions, request, PerimeterJson.Options, ct);
        var missingResponse = await officer.PostAsJsonAsync(Screenings.Decisions, request with { AlertId = Guid.NewGuid() }, PerimeterJson.Options, ct);

        await Accounts.AssertProblemAsync(hiddenResponse, HttpStatusCode.NotFound, ct);
        await Accounts.AssertProblemAsync(missingResponse, HttpStatusCode.NotFound, ct);
        var denied = Assert.Single(await node.AuditAsync(AuditAction.Decide, hidden.Id, ct));
        Assert.Equal(("mx.inm", AuditOutcome.Denied), (denied.Agency, denied.Outcome));
    }

    [Fact]
    public async Task A_decision_without_a_reason_or_a_subject_is_a_problem_naming_the_field()
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(Database.Sqlite, ct);
        var alert = await node.PublishAsync(AnAlert.Person().Named("Amado", "Carrillo Fuentes"), ct);
        using var officer = await node.ClientAsync("mx.inm", Role.Officer, ct, Purposes.CounterNarcotics);
        var subject = Screenings.Person("Amado Carrillo Fuentes");

        var noReason = await officer.PostAsJsonAsync(Screenings.Decisions, new DecisionRequest(subject, alert.Id, DecisionOutcome.FalsePositive, " "), PerimeterJson.Options, ct);
        var nothingScreened = await officer.PostAsJsonAsync(Screenings.Decisions, new DecisionRequest(new ScreenRequest(), alert.Id, DecisionOutcome.FalsePositive, "No."), PerimeterJson.Options, ct);

        Assert.NotEmpty((await Problem.ReadAsync(noReason, HttpStatusCode.BadRequest, ct)).For("reason"));
        Assert.NotEmpty((await Problem.ReadAsync(nothingScreened, HttpStatusCode.BadRequest, ct)).For("name"));
        Assert.Empty(await node.AuditAsync(AuditAction.Decide, alert.Id, ct));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_confirmed_hit_is_shown_as_decided_and_an_escalated_one_is_raised_again(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(database, ct);
        var confirmed = await node.PublishAsync(AnAlert.Person().Named("Rafael", "Caro Quintero", new PartialDate(1952, 10, 3)), ct);
        var escalated = await node.PublishAsync(AnAlert.Person().Named("Miguel Ángel", "Félix Gallardo", new PartialDate(1946, 1, 8)), ct);
        using var officer = await node.ClientAsync("mx.inm", Role.Officer, ct, Purposes.CounterNarcotics);
        var caro = Screenings.Person("Rafael Caro Quintero", new PartialDate(1952, 10, 3));
        var felix = Screenings.Person("Miguel Angel Felix Gallardo", new PartialDate(1946, 1, 8));

        var confirming = await officer.PostAsJsonAsync(Screenings.Decisions, new DecisionRequest(caro, confirmed.Id, DecisionOutcome.Confirmed, "Fingerprints match."), PerimeterJson.Options, ct);
        var escalating = await officer.PostAsJsonAsync(Screenings.Decisions, new DecisionRequest(felix, escalated.Id, DecisionOutcome.Escalated, "Needs an analyst."), PerimeterJson.Options, ct);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (confirming.StatusCode, escalating.StatusCode));
        Assert.Equal(DecisionOutcome.Confirmed, (await officer.ScreenAsync(caro, ct)).For(confirmed)?.Decision?.Outcome);
        Assert.Null((await officer.ScreenAsync(felix, ct)).For(escalated)!.Decision);
    }
}
