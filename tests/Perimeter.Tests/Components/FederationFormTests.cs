using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Perimeter.Components;
using Perimeter.Components.Pages;
using Perimeter.Features.Access;
using Perimeter.Features.Federation;
using Perimeter.Tests.Components.Shared;

namespace Perimeter.Tests.Components;

/// <summary>The federation screens' logic: what the agreement form becomes, and how a request's deadline reads.</summary>
public sealed class FederationFormTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_agreement_form_becomes_the_APIs_request_with_each_word_and_purpose()
    {
        var form = new AgreementForm
        {
            Partner = " gt.igm ", Mode = AgreementMode.Query, Kinds = "person, vehicle", Categories = "wanted-for-arrest;stolen-vehicle",
            HighestTlp = Tlp.Green, RetentionDays = 90, HitReporting = true, ValidUntil = new DateOnly(2027, 12, 31),
        };

        var request = form.ToRequest(["counter-narcotics", "migration", "no-such-purpose"]);

        Assert.Equal("gt.igm", request.Partner);
        Assert.Equal(["person", "vehicle"], request.Kinds);
        Assert.Equal(["wanted-for-arrest", "stolen-vehicle"], request.Categories);
        Assert.Equal(Purposes.CounterNarcotics | Purposes.Migration, request.Purposes);
        Assert.Equal((Tlp.Green, 90, true, new DateOnly(2027, 12, 31)), (request.HighestTlp, request.RetentionDays, request.HitReporting, request.ValidUntil));
    }

    [Fact]
    public void An_agreement_form_without_kinds_asks_for_none_so_the_service_refuses_it()
    {
        var request = new AgreementForm { Partner = "gt.igm", Kinds = "  ", Categories = null }.ToRequest([]);

        Assert.Empty(request.Kinds);
        Assert.Empty(request.Categories);
        Assert.Equal(Purposes.None, request.Purposes);
    }

    [Theory]
    [InlineData("en-US", 135, RequestStatus.Pending, "2 h 15 min left")]
    [InlineData("en-US", 0.5, RequestStatus.AwaitingSecondApproval, "1 min left")]
    [InlineData("en-US", -40, RequestStatus.Pending, "overdue by 40 min")]
    [InlineData("es-MX", -90, RequestStatus.Pending, "vencida hace 1 h 30 min")]
    [InlineData("en-US", -90, RequestStatus.Denied, "answered")]
    public void A_requests_deadline_reads_as_time_left_or_overdue(string culture, double minutesLeft, RequestStatus status, string expected)
    {
        using var context = new ComponentContext(culture);
        var l = context.Bunit.Services.GetRequiredService<IStringLocalizer<Ui>>();
        var request = new RequestForDetailsView(Guid.NewGuid(), RequestDirection.Incoming, "gt.igm", Guid.NewGuid(), null, Purposes.Migration, "why",
            Urgency.Urgent, status, Now.AddHours(-1), Now.AddMinutes(minutesLeft), minutesLeft <= 0, null, null, null, null, null, null);

        Assert.Equal(expected, RequestClock.Describe(l, request, Now));
    }

    [Theory]
    [InlineData(Tlp.Clear, false)]
    [InlineData(Tlp.Green, false)]
    [InlineData(Tlp.Amber, true)]
    [InlineData(Tlp.AmberStrict, true)]
    public void Four_eyes_are_needed_above_TLP_GREEN(Tlp tlp, bool needed) =>
        Assert.Equal(needed, RequestClock.NeedsTwoSupervisors(tlp));
}
