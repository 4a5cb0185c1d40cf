using Perimeter.Features.Imports;
using Perimeter.Features.Screening;
using Perimeter.Matching.Evidence;
using Perimeter.Matching.Screening;
using Perimeter.Tests.Features.Imports;

namespace Perimeter.Tests.Features.Screening;

/// <summary>
/// Against the real OFAC list, indexed as the node and <c>perimeter screen</c> index it: people who only look like a
/// listed person get no alert on that person, and the listed person written a dozen ways a document or an officer
/// writes him still does.
/// </summary>
public sealed class OfacNamesakeTests
{
    private const int GuzmanLoera = 6861;
    private const int ZambadaGarcia = 7226;
    private const int AmezcuaContreras = 6703;
    private const int RodriguezOrejuela = 4107;
    private const int CaroQuintero = 6707;

    private static readonly Lazy<Watchlist> Ofac = new(() => Watchlist.Build(
        OfacReader.Read(SharedData.Ofac).Entries.Select(e => (IdOf(e.EntNum), AlertSubjects.Of(e.Content.Kind, e.Content.Normalized().Subject))),
        NodeMatchingTables.Load(null)));

    [Theory]
    // Namesakes: the same given name and father's surname, another mother's surname, born years apart.
    [InlineData("Joaquín Guzmán Salazar", "1981-06-02", GuzmanLoera)]
    [InlineData("Ismael Zambada Ortiz", "1985-03-03", ZambadaGarcia)]
    [InlineData("José de Jesús Amezcua Ellis", "1975-03-02", AmezcuaContreras)]
    [InlineData("Gilberto José Rodríguez Chacón", "1970-05-05", RodriguezOrejuela)]
    [InlineData("Rafael Caro Salazar", "1980-01-01", CaroQuintero)]
    // Another mother's surname alone.
    [InlineData("Joaquin Guzman Salazar", null, GuzmanLoera)]
    // Born decades apart, the mother's surname not given (as a US document writes the name).
    [InlineData("Ismael Zambada", "1985-03-03", ZambadaGarcia)]
    [InlineData("Joaquín Guzmán", "1990-02-14", GuzmanLoera)]
    // Relatives: both surnames, another given name.
    [InlineData("María Guzmán Loera", null, GuzmanLoera)]
    // The same name in the other sex.
    [InlineData("Joaquina Guzman Loera", null, GuzmanLoera)]
    [InlineData("Ismaela Zambada García", null, ZambadaGarcia)]
    public void A_person_who_only_looks_like_a_listed_one_gets_no_alert_on_them(string name, string? dateOfBirth, int listed)
    {
        var match = Screen(name, dateOfBirth).FirstOrDefault(m => m.Id == IdOf(listed));

        Assert.True(match is null, $"{name} → ofac:{listed}: {match?.Score} {match?.Band}; {match?.Explanation.Summary()}");
    }

    [Theory]
    [InlineData("GUZMAN LOERA, Joaquin", null, GuzmanLoera)]
    [InlineData("Joaquín Guzmán Loera", null, GuzmanLoera)]
    [InlineData("JOAQUIN GUZMAN LOERA", null, GuzmanLoera)]
    [InlineData("GUZMAN<LOERA<<JOAQUIN", "1954-12-25", GuzmanLoera)]
    [InlineData("Joaquin Guzman", "1954-12-25", GuzmanLoera)]
    [InlineData("Loera Guzman Joaquin", null, GuzmanLoera)]
    [InlineData("Joaquin Guzman Loera", "1954", GuzmanLoera)]
    [InlineData("Joaquin Guzman Loeza", null, GuzmanLoera)]
    [InlineData("J. Guzman Loera", "1954-12-25", GuzmanLoera)]
    [InlineData("Joaquin Guzman-Loera", null, GuzmanLoera)]
    [InlineData("Chapo Guzman", null, GuzmanLoera)]
    [InlineData("Joaquin Guzman Loera", "1955-12-25", GuzmanLoera)]
    [InlineData("Ismael Zambada García", null, ZambadaGarcia)]
    [InlineData("ZAMBADA GARCIA ISMAEL", "1948-03-01", ZambadaGarcia)]
    [InlineData("Mayo Zambada", null, ZambadaGarcia)]
    [InlineData("Jose de Jesus Amezcua Contreras", "1964-07-31", AmezcuaContreras)]
    [InlineData("Rafael Karo Kintero", "1952-10-24", CaroQuintero)]
    public void The_listed_person_written_as_documents_and_officers_write_him_still_alerts(string name, string? dateOfBirth, int listed)
    {
        var matches = Screen(name, dateOfBirth);

        Assert.Contains(matches, m => m.Id == IdOf(listed) && m.Band >= Band.Possible);
    }

    [Theory]
    // One typo in a long coined word is nearly as telling as the word itself.
    [InlineData("Laokkraska OAO", 10756)]
    // A legal form written in part or mistyped.
    [InlineData("Joint Stock Avangard", 35356)]
    [InlineData("Krokus Nanoelektronika Limited Liability Cmpany", 39164)]
    [InlineData("ELEMENTO LIMTIED", 29443)]
    public void A_listed_company_written_with_a_typo_or_its_legal_form_otherwise_still_alerts(string name, int listed)
    {
        var matches = Screen(name, null, kind: SubjectKind.Organization);

        Assert.Contains(matches, m => m.Id == IdOf(listed) && m.Band >= Band.Possible);
    }

    [Fact]
    public void A_namesake_under_also_consider_says_why_it_is_not_the_listed_person()
    {
        var match = Screen("Joaquín Guzmán Salazar", "1981-06-02", threshold: 0).Single(m => m.Id == IdOf(GuzmanLoera));

        Assert.True(match.Band == Band.None, match.Explanation.Summary());
        Assert.Contains(match.Explanation.Features, f => f.IsAgainst && f.ToString() == "name: another mother's surname: Salazar, listed Loera");
        Assert.Contains(match.Explanation.Features, f => f.IsAgainst && f.ToString() == "dob: born 27 years apart (1981 / 1954)");
    }

    private static IReadOnlyList<Match> Screen(string name, string? dateOfBirth, double? threshold = null, SubjectKind kind = SubjectKind.Person)
    {
        var subject = new Subject
        {
            Kind = kind,
            Names = [SubjectName.Free(name)],
            DatesOfBirth = dateOfBirth is null ? [] : [PartialDate.TryParse(dateOfBirth, out var date) ? date : throw new ArgumentException(dateOfBirth)],
        };
        var options = ScreeningOptions.Default with { Kind = kind };
        return Ofac.Value.Screen(subject, threshold is { } t ? options with { Threshold = t, MaxGapBits = null, Top = options.Candidates } : options);
    }

    private static Guid IdOf(int entNum) => new(entNum, 0x0fac, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
