using System.Globalization;
using Microsoft.Extensions.Localization;
using Perimeter.Features.Access;
using Perimeter.Features.Federation;

namespace Perimeter.Components;

/// <summary>How a request for details stands against its deadline, in words: "2 h 15 min left", "overdue by 40 min".</summary>
public static class RequestClock
{
    public static string Describe(IStringLocalizer<Ui> l, RequestForDetailsView request, DateTimeOffset now)
    {
        if (request.Status is RequestStatus.Approved or RequestStatus.Denied)
            return l["Answered"];
        var left = request.DueAt - now;
        return left > TimeSpan.Zero
            ? string.Format(CultureInfo.CurrentCulture, l["TimeLeft"], Span(l, left))
            : string.Format(CultureInfo.CurrentCulture, l["OverdueBy"], Span(l, -left));
    }

    /// <summary>The four-eyes rule of <see cref="RequestForDetailsService.ApproveAsync"/>: above TLP:GREEN two different supervisors approve.</summary>
    public static bool NeedsTwoSupervisors(Tlp tlp) => tlp > Tlp.Green;

    // Whole minutes, rounded up, so a request due in 30 seconds does not read "0 min left".
    private static string Span(IStringLocalizer<Ui> l, TimeSpan span)
    {
        var minutes = (long)Math.Ceiling(span.TotalMinutes);
        return minutes >= 60
            ? string.Format(CultureInfo.CurrentCulture, l["HoursMinutes"], minutes / 60, minutes % 60)
            : string.Format(CultureInfo.CurrentCulture, l["Minutes"], minutes);
    }
}
