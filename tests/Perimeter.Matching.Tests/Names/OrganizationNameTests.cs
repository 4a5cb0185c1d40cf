using Perimeter.Matching.Names;

namespace Perimeter.Matching.Tests.Names;

public sealed class OrganizationNameTests
{
    // Distinctive words, then " + " and the legal form's short form; stop words in brackets.
    private static string Shape(OrganizationName name) =>
        string.Join(' ', name.Parts.Where(p => !p.Flags.HasFlag(OrganizationPartFlags.LegalForm))
            .Select(p => p.Flags.HasFlag(OrganizationPartFlags.StopWord) ? $"({p.Folded})" : p.Folded))
        + (name.LegalForm is { } form ? " + " + form.Folded : "");

    [Theory]
    [InlineData("ACME S.A. de C.V.", "acme + sa de cv")]
    [InlineData("ACME SA DE CV", "acme + sa de cv")]
    [InlineData("ACME, S.A DE C.V", "acme + sa de cv")]
    [InlineData("ACME S A DE C V", "acme + sa de cv")]
    [InlineData("11420 CORP.", "11420 + corp")]
    [InlineData("BELLETECH CORP", "belletech + corp")]
    [InlineData("EMMA LLC", "emma + llc")]
    [InlineData("Emma L.L.C.", "emma + llc")]
    [InlineData("Acme Incorporated", "acme + inc")]
    [InlineData("Acme Inc.", "acme + inc")]
    [InlineData("TRANSPORTES DEL NORTE, S. DE R.L. DE C.V.", "(transportes) (del) (norte) + s de rl de cv")]
    [InlineData("INVERSIONES ABC, S. DE R.L.", "(inversiones) abc + s de rl")]
    [InlineData("GRUPO FARMACEUTICO S.A.P.I. DE C.V.", "(grupo) farmaceutico + sapi de cv")]
    [InlineData("FUNDACION ESPERANZA, A.C.", "(fundacion) esperanza + ac")]
    [InlineData("ANGLO-CARIBBEAN CO., LTD.", "anglo caribbean + co ltd")]
    [InlineData("CECOEX, S.A.", "cecoex + sa")]
    [InlineData("Consultores Andinos S.A.S.", "(consultores) andinos + sas")]
    [InlineData("Comercial Bogota Ltda.", "(comercial) bogota + ltda")]
    [InlineData("The Acme Group Limited", "(the) acme (group) + ltd")]
    [InlineData("Smith & Sons", "smith (&) sons")]
    [InlineData("OOO Romashka", "romashka + ooo")]
    [InlineData("MANSUDAE SERVICES (PTY) LIMITED", "mansudae (services) + pty ltd")]
    [InlineData("DAWN MARINE CO LIMITED", "dawn marine + co ltd")]
    [InlineData("VTB BANK CLOSED JOINT STOCK COMPANY", "vtb (bank) + cjsc")]
    [InlineData("BANCO NACIONAL DE CUBA", "(banco) (nacional) (de) cuba")]
    public void The_legal_form_is_one_part_and_never_the_name(string raw, string expected) =>
        Assert.Equal(expected, Shape(OrganizationName.Parse(raw)));

    [Theory]
    [InlineData("CORPORATION", "corporation")]
    [InlineData("SA", "sa")]
    [InlineData("AC Milan", "ac milan")]
    [InlineData("CO Energy", "co energy")]
    public void A_first_word_that_looks_like_a_legal_form_stays_the_name(string raw, string expected) =>
        Assert.Equal(expected, Shape(OrganizationName.Parse(raw)));

    [Fact]
    public void The_distinctive_words_leave_out_legal_form_and_stop_words()
    {
        var name = OrganizationName.Parse("The ACME Group, Inc.");
        Assert.Equal(["acme"], name.Distinctive.Select(p => p.Folded));
        Assert.Equal("the acme group inc", name.Folded);
    }

    [Theory, MemberData(nameof(DataFiles.LegalForms), MemberType = typeof(DataFiles))]
    public void Every_listed_legal_form_is_recognised_after_a_name(string line)
    {
        var written = line.Split('=')[0].Trim();
        var name = OrganizationName.Parse("Acme " + written);
        Assert.Equal("acme", Assert.Single(name.Distinctive).Folded);
        Assert.NotNull(name.LegalForm);
    }

    [Theory, MemberData(nameof(DataFiles.OrganizationStopWords), MemberType = typeof(DataFiles))]
    public void Every_listed_stop_word_is_weighed_low(string word)
    {
        var name = OrganizationName.Parse("Acme " + word + " Zeta");
        Assert.Contains(name.Parts, p => p.Folded == word && p.Flags == OrganizationPartFlags.StopWord);
    }
}
