using Perimeter.Matching.Evidence;

namespace Perimeter.Matching.Tests.Evidence;

public sealed class CurpConsistencyTests
{
    [Theory]
    [InlineData("HEGG560427MVZRRL04", "Gloria", "Hernández", "García", "1956-04-27", Sex.Female)]
    [InlineData("BEML920313HMCLNS09", "Luis", "Beltrán", "Mendoza", "1992-03-13", Sex.Male)]
    [InlineData("BEML920313HMCLNS09", "José Luis", "Beltrán", "Mendoza", "1992-03-13", Sex.Male)]
    [InlineData("PEGL890909MJCRMS08", "Luisa", "Pérez", "Gómez", "1989-09-09", Sex.Female)]
    [InlineData("PEGL890909MJCRMS08", "Ma. Luisa", "PEREZ", "GOMEZ", "1989-09", Sex.Female)]
    [InlineData("PEGL890909MJCRMS08", "María Luisa", "Pérez", "Gómez", "1989", Sex.Female)]
    [InlineData("BOXW310820HNERXN09", "Wendell", "Borges", null, "1931-08-20", Sex.Male)]
    public void A_curp_agrees_with_the_name_date_of_birth_and_sex_it_was_built_from(
        string curp, string given, string paternal, string? maternal, string dateOfBirth, Sex sex)
    {
        var fields = CurpConsistency.Compare(curp, given, paternal, maternal, Date(dateOfBirth), sex);

        Assert.Equal(5, fields.Count);
        Assert.All(fields, f => Assert.True(f.Agrees, $"{f.Field}: {f.InCurp} in the CURP, {f.FromData} from the data"));
    }

    [Theory]
    // particles are skipped: "de la Cruz" → CRUZ, "María de los Ángeles" → ÁNGELES (María passed over)
    [InlineData("CUXA800101MDFRXN09", "María de los Ángeles", "de la Cruz", "Ñúñez", CurpField.PaternalSurname, "CUR")]
    [InlineData("CUXA800101MDFRXN09", "María de los Ángeles", "de la Cruz", "Ñúñez", CurpField.GivenName, "AN")]
    // Ñ is written X
    [InlineData("CUXA800101MDFRXN09", "María de los Ángeles", "de la Cruz", "Ñúñez", CurpField.MaternalSurname, "XX")]
    // a surname without an internal vowel gets X
    [InlineData("NXXL800101HNEGXS03", "Luis", "Ng", null, CurpField.PaternalSurname, "NXG")]
    // no maternal surname: X, X
    [InlineData("NXXL800101HNEGXS03", "Luis", "Ng", null, CurpField.MaternalSurname, "XX")]
    public void The_official_rules_pick_the_letters(
        string curp, string given, string paternal, string? maternal, CurpField field, string fromData)
    {
        var result = CurpConsistency.Compare(curp, given, paternal, maternal, null, Sex.Unknown).Single(f => f.Field == field);

        Assert.Equal(fromData, result.FromData);
        Assert.True(result.Agrees);
    }

    [Theory]
    [InlineData("Gloria", "Hernández", "García", "1956-04-27", Sex.Male, CurpField.Sex)]
    [InlineData("Gloria", "Hernández", "García", "1965-04-27", Sex.Female, CurpField.DateOfBirth)]
    [InlineData("Gloria", "Hernández", "García", "1956-05", Sex.Female, CurpField.DateOfBirth)]
    [InlineData("Gloria", "Fernández", "García", "1956-04-27", Sex.Female, CurpField.PaternalSurname)]
    [InlineData("Gloria", "Hernández", "Loera", "1956-04-27", Sex.Female, CurpField.MaternalSurname)]
    [InlineData("Marta", "Hernández", "García", "1956-04-27", Sex.Female, CurpField.GivenName)]
    public void A_curp_that_contradicts_one_field_says_which(
        string given, string paternal, string maternal, string dateOfBirth, Sex sex, CurpField disagreeing)
    {
        var fields = CurpConsistency.Compare("HEGG560427MVZRRL04", given, paternal, maternal, Date(dateOfBirth), sex);

        Assert.Equal([disagreeing], fields.Where(f => !f.Agrees).Select(f => f.Field));
        Assert.Equal(4, fields.Count(f => f.Agrees));
    }

    [Fact]
    public void A_refused_word_has_X_for_its_vowel()
    {
        // Octavio Culebro López would start C U L O: the registry writes CXLO.
        const string curp = "CXLO700101HDFLPC05";

        var paternal = CurpConsistency.Compare(curp, "Octavio", "Culebro", "López", null, Sex.Unknown)
            .Single(f => f.Field == CurpField.PaternalSurname);

        Assert.True(paternal.Agrees, $"{paternal.InCurp} / {paternal.FromData}");
    }

    [Fact]
    public void Fields_the_data_leaves_out_are_not_checked()
    {
        var fields = CurpConsistency.Compare("HEGG560427MVZRRL04", null, "Hernández", null, null, Sex.Unknown);

        Assert.Equal([new CurpFieldAgreement(CurpField.PaternalSurname, true, "HER", "HER")], fields);
    }

    [Fact]
    public void An_unreadable_curp_checks_nothing() =>
        Assert.Empty(CurpConsistency.Compare("not a curp", "Gloria", "Hernández", "García", null, Sex.Female));

    private static PartialDate Date(string text) =>
        PartialDate.TryParse(text, out var date) ? date : throw new ArgumentException($"bad test date {text}", nameof(text));
}
