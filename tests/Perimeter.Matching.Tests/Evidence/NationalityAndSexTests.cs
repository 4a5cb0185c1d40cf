using Perimeter.Matching.Evidence;

namespace Perimeter.Matching.Tests.Evidence;

public sealed class NationalityAndSexTests
{
    [Theory]
    [InlineData("MX", "MX", NationalityAgreement.Same)]
    [InlineData("mx", "MX", NationalityAgreement.Same)]
    [InlineData("MX", "US,MX", NationalityAgreement.Same)]
    [InlineData("GT", "MX", NationalityAgreement.Different)]
    [InlineData("GT,HN", "MX,US", NationalityAgreement.Different)]
    [InlineData("", "MX", NationalityAgreement.Missing)]
    [InlineData("MX", "", NationalityAgreement.Missing)]
    [InlineData(" ", " ", NationalityAgreement.Missing)]
    public void Nationalities_agree_when_any_is_shared(string query, string listed, NationalityAgreement agreement) =>
        Assert.Equal(agreement, NationalityMatch.Compare(query.Split(','), listed.Split(',')));

    [Theory]
    [InlineData(Sex.Female, Sex.Female, SexAgreement.Same)]
    [InlineData(Sex.Male, Sex.Male, SexAgreement.Same)]
    [InlineData(Sex.Male, Sex.Female, SexAgreement.Different)]
    [InlineData(Sex.Unknown, Sex.Female, SexAgreement.Missing)]
    [InlineData(Sex.Male, Sex.Unknown, SexAgreement.Missing)]
    public void Sex_agrees_differs_or_is_missing(Sex query, Sex listed, SexAgreement agreement) =>
        Assert.Equal(agreement, SexMatch.Compare(query, listed));
}
