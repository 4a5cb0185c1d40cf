using System.Globalization;
using Perimeter.Features.Imports;
using Perimeter.Features.Screening;
using Perimeter.Matching.Screening;

namespace Perimeter.Tests.Features.Screening;

/// <summary>The results CSV that <c>perimeter screen</c> and the batch jobs write, as a reader of the file meets it.</summary>
public sealed class ScreeningInputTests : IDisposable
{
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    /// <summary>Joaquín Guzmán Salazar, born 1981, against Joaquín Guzmán Loera, born 1954.</summary>
    private static readonly Match Namesake = new(Guid.CreateVersion7(), 0.0002, Band.None, new Explanation("Joaquin GUZMAN LOERA",
        [
            new PartExplanation("joaquin", "joaquin", PartAgreement.Exact, 5.1),
            new PartExplanation("guzman", "guzman", PartAgreement.Exact, 9.3),
            new PartExplanation(null, "loera", PartAgreement.MissingFromQuery, -0.4),
        ],
        [
            new FeatureExplanation("name", ExplanationPhrases.OtherMaternalSurname, -6.8) { Arguments = ["Salazar", "Loera"] },
            new FeatureExplanation("dob", ExplanationPhrases.YearsApart, -15.7) { Arguments = ["27", "1981", "1954"] },
        ], -8.5));

    public void Dispose() => CultureInfo.CurrentUICulture = _uiCulture;

    [Fact]
    public void Each_result_has_the_engines_explanation_for_machines_and_the_evidence_for_and_against_for_the_officer()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en-US");

        var rows = Written();

        Assert.Equal(["query_id", "rank", "alert_ref", "score", "band", "explanation", "evidence_for", "evidence_against"], rows[0]);
        Assert.Equal(["q1", "1", "ofac:6861", "0.0002", "none"], rows[1].Take(5));
        Assert.Equal(Namesake.Explanation.Summary(), rows[1][5]);
        Assert.Equal("joaquin → joaquin (exact); guzman → guzman (exact)", rows[1][6]);
        Assert.Equal("loera: not given; another mother's surname: Salazar, listed Loera; born 27 years apart (1981 / 1954)", rows[1][7]);
    }

    [Fact]
    public void The_evidence_is_written_in_the_current_language_and_the_explanation_stays_in_English()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("es-MX");

        var rows = Written();

        Assert.Equal(Namesake.Explanation.Summary(), rows[1][5]);
        Assert.Equal("joaquin → joaquin (exacto); guzman → guzman (exacto)", rows[1][6]);
        Assert.Equal("loera: no indicado; otro apellido materno: Salazar; en la lista, Loera; nacidos con 27 años de diferencia (1981 / 1954)", rows[1][7]);
    }

    private static List<IReadOnlyList<string>> Written()
    {
        using var writer = new StringWriter();
        ScreeningInput.WriteResults(writer, [("q1", [Namesake])], _ => "ofac:6861");
        return [.. CsvRecords.Read(writer.ToString()).Select(r => r.Fields)];
    }
}
