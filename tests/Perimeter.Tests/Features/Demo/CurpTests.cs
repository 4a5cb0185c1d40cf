using System.Text.RegularExpressions;
using Perimeter.Matching.Evidence;

namespace Perimeter.Tests.Features.Demo;

public sealed partial class CurpTests
{
    [GeneratedRegex(@"^[A-Z]{4}\d{6}[HM][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[A-Z\d]\d$", RegexOptions.CultureInvariant)]
    internal static partial Regex Shape();

    // Hypothetical examples published with python-stdnum's CURP module and its tests.
    [Theory]
    [InlineData("HEGG560427MVZRRL04")]
    [InlineData("BEML920313HMCLNS09")]
    [InlineData("BOXW310820HNERXN09")]
    [InlineData("PEGL890909MJCRMS08")]
    public void Check_digit_matches_published_examples(string curp)
    {
        Assert.Equal(curp[17], Curp.CheckDigit(curp.AsSpan(0, 17)));
        Assert.Matches(Shape(), curp);
    }

    [Theory]
    [InlineData("Gloria", "Hernández", "García", 1956, 4, 27, Sex.Female, "VZ", "HEGG560427MVZRRL04")]
    [InlineData("Luis Raúl", "Bello", "Mena", 1992, 3, 13, Sex.Male, "MC", "BEML920313HMCLNS09")]
    public void Compute_builds_published_examples_from_their_parts(
        string given, string paternal, string maternal, int year, int month, int day, Sex sex, string state, string expected) =>
        Assert.Equal(expected, CurpConsistency.Expected(given, paternal, maternal, new(year, month, day), sex, state));

    [Theory]
    [InlineData("José María", "Núñez", "Peña", 1985, 3, 7, Sex.Male, "SL", "NUPM850307HSLXXR0")]
    [InlineData("María de los Ángeles", "de la Cruz", "Ibáñez", 1990, 12, 1, Sex.Female, "BC", "CUIA901201MBCRBN0")]
    [InlineData("Juan de Dios", "Ponce de León", "Vázquez", 2001, 6, 15, Sex.Male, "CH", "POVJ010615HCHNZNA")]
    [InlineData("Luis", "Ruiz", null, 1979, 1, 31, Sex.Male, "NE", "RUXL790131HNEZXS0")]
    public void Compute_follows_the_registry_rules_for_compound_names_accents_and_n_tilde(
        string given, string paternal, string? maternal, int year, int month, int day, Sex sex, string state, string first17)
    {
        var curp = CurpConsistency.Expected(given, paternal, maternal, new(year, month, day), sex, state);

        Assert.Equal(first17, curp[..17]);
        Assert.Equal(Curp.CheckDigit(first17), curp[17]);
        Assert.Matches(Shape(), curp);
    }

    [Fact]
    public void Compute_replaces_the_second_letter_of_an_inconvenient_word() =>
        Assert.StartsWith("PXTO", CurpConsistency.Expected("Omar", "Pumarejo", "Torres", new(1970, 5, 5), Sex.Male, "SR"), StringComparison.Ordinal);

    [Fact]
    public void Check_digit_changes_when_any_character_but_the_ninth_changes_by_one()
    {
        const string first17 = "GARC800101HSRRDR0";
        var digit = Curp.CheckDigit(first17);
        for (var i = 0; i < 17; i++)
        {
            // The ninth character's weight is 10, which a sum taken modulo 10 cannot see.
            if (i == 8)
                continue;
            var changed = first17.ToCharArray();
            changed[i] = changed[i] == 'Z' ? 'Y' : changed[i] == '9' ? '8' : (char)(changed[i] + 1);
            Assert.NotEqual(digit, Curp.CheckDigit(new string(changed)));
        }
    }
}
