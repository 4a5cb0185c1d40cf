using Perimeter.Components;
using Perimeter.Components.Pages;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Matching.Evidence;

namespace Perimeter.Tests.Components;

/// <summary>What the console's forms turn into: the same requests the API takes, or the fields that are wrong.</summary>
public sealed class FormTests
{
    [Fact]
    public void A_screening_form_becomes_the_APIs_request_with_weaker_candidates_asked_for()
    {
        var form = new ScreenForm
        {
            Purpose = "sanctions", Name = "  José Guzmán ", DateOfBirth = "1957-04", Nationality = "Mexico",
            DocumentType = DocumentType.Passport, DocumentNumber = "g1234567", DocumentCountry = "mx",
        };

        var (request, purpose, errors) = form.ToRequest();

        Assert.Equal(0, errors.Count);
        Assert.Equal(Purposes.Sanctions, purpose);
        Assert.Equal("José Guzmán", request!.Name);
        Assert.Equal(new PartialDate(1957, 4), request.DateOfBirth);
        Assert.Equal(new IdentityDocument(DocumentType.Passport, "g1234567", "MX"), Assert.Single(request.Documents));
        Assert.Equal(ScreenForm.AlsoConsider, request.AlsoConsider);
    }

    [Fact]
    public void A_screening_form_without_purpose_or_with_an_unreadable_date_names_both_fields()
    {
        var (request, _, errors) = new ScreenForm { Name = "Jose Guzman", DateOfBirth = "4/4/57" }.ToRequest();

        Assert.Null(request);
        Assert.Equal(["dateOfBirth", "purpose"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_alert_form_round_trips_an_alert_with_every_marking()
    {
        var view = new AlertView
        {
            Id = Guid.CreateVersion7(), Kind = AlertKind.Person, Category = AlertCategory.KnownSmuggler, ActionOnHit = ActionOnHit.Detain,
            Originator = "us.cbp", Version = 3, Status = AlertStatus.Active, IsPartnerCopy = false, Narrative = "Crossed twice.", ExternalRef = "case-7",
            CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
            Markings = new Markings
            {
                Tlp = Tlp.AmberStrict, ReleasableTo = ["mx.inm", "GT"], Handling = Handling.NoFurtherDissemination,
                SourceReliability = SourceReliability.B, InformationCredibility = InformationCredibility.ProbablyTrue,
                Purposes = Purposes.CounterNarcotics | Purposes.Migration, ReviewBy = new DateOnly(2027, 5, 31),
            },
            Subject = new AlertSubject
            {
                Person = new PersonData
                {
                    Names = [new PersonName("Ximena Begoña", "Peñaloza Ibáñez"), new PersonName("La Güera", null, Type: NameType.Nickname)],
                    DatesOfBirth = [new PartialDate(1988, 2, 29), new PartialDate(1987)], Nationalities = ["MX"], Sex = Sex.Female,
                    Documents = [new IdentityDocument(DocumentType.Curp, "PEIX880229MBCXXX09", "MX")],
                },
            },
        };

        var form = AlertForm.Of(view);
        var (content, errors) = form.ToContent(view.Markings.Purposes);

        Assert.Equal(0, errors.Count);
        Assert.Equal(view.Markings with { ReleasableTo = [] }, content.Markings with { ReleasableTo = [] });
        Assert.Equal(view.Markings.ReleasableTo, content.Markings.ReleasableTo);
        Assert.Equal((view.Kind, view.Category, view.ActionOnHit, view.Narrative, view.ExternalRef),
            (content.Kind, content.Category, content.ActionOnHit, content.Narrative, content.ExternalRef));
        var person = content.Subject.Person!;
        Assert.Equal(["Ximena Begoña Peñaloza Ibáñez", "La Güera"], person.Names.Select(n => n.Display));
        Assert.Equal(NameType.Nickname, person.Names[1].Type);
        Assert.Equal(view.Subject!.Person!.DatesOfBirth, person.DatesOfBirth);
        Assert.Equal(view.Subject.Person.Documents, person.Documents);
        Assert.Equal(Sex.Female, person.Sex);
        Assert.Equal(3, form.Version);
    }

    [Fact]
    public void An_alert_form_reports_a_date_of_birth_it_cannot_read()
    {
        var form = new AlertForm { DatesOfBirth = "1957-04-04, yesterday" };

        var (content, errors) = form.ToContent(Purposes.Sanctions);

        Assert.Equal(["subject.person.datesOfBirth"], errors.ToDictionary().Keys);
        Assert.Equal([new PartialDate(1957, 4, 4)], content.Subject.Person!.DatesOfBirth);
    }

    [Theory]
    [InlineData("/screen", "/screen")]
    [InlineData("/alerts?purpose=sanctions", "/alerts?purpose=sanctions")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void After_switching_language_only_a_path_on_this_node_is_followed(string? returnUrl, string expected) =>
        Assert.Equal(expected, LanguageSwitch.LocalOrHome(returnUrl));
}
