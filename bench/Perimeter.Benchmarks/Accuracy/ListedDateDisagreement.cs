using Perimeter.Features.Alerts;

namespace Perimeter.Benchmarks.Accuracy;

/// <summary>
/// How far a list's dates of birth for one person disagree, measured on the OFAC persons of the calibration part: the
/// share of dated persons listed with several dates, and, for each of their dates, how many years it lies from the
/// nearest other one (0: the same year, another day or month). A traveller's document disagrees with the list as often and as far: the positives' dates of
/// birth carry the list's own uncertainty, so a date years apart is weighed by how often lists are that wrong, not by a
/// development set that never is.
/// </summary>
internal sealed record ListedDateDisagreement(double Share, int[] Distances)
{
    public static ListedDateDisagreement Measure(SharedData data, Func<int, bool> isCalibration)
    {
        var dated = 0;
        var disagreeing = 0;
        var distances = new List<int>();
        foreach (var entry in data.Ofac)
        {
            if (entry.Content.Kind != AlertKind.Person || entry.Content.Subject.Person is not { DatesOfBirth.Count: > 0 } person || !isCalibration(entry.EntNum))
                continue;
            dated++;
            var dates = person.DatesOfBirth.Distinct().ToList();
            if (dates.Count < 2)
                continue;
            disagreeing++;
            for (var i = 0; i < dates.Count; i++)
                distances.Add(dates.Where((_, j) => j != i).Min(d => Math.Abs(d.Year - dates[i].Year)));
        }
        return new ListedDateDisagreement(dated == 0 ? 0 : (double)disagreeing / dated, [.. distances]);
    }
}
