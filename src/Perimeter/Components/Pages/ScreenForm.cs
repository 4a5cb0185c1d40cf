using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Screening;
using Perimeter.Matching.Evidence;

namespace Perimeter.Components.Pages;

/// <summary>The Screen page's fields as the browser posts them: text, turned into a <see cref="ScreenRequest"/> here.</summary>
public sealed class ScreenForm
{
    /// <summary>Candidates under the possible band shown apart, so a partial name still shows its likely entry.</summary>
    public const int AlsoConsider = 10;

    public string? Purpose { get; set; }
    public AlertKind Kind { get; set; } = AlertKind.Person;
    public string? Name { get; set; }
    public string? DateOfBirth { get; set; }
    public string? Nationality { get; set; }
    public Sex Sex { get; set; }
    public DocumentType DocumentType { get; set; } = DocumentType.Passport;
    public string? DocumentNumber { get; set; }
    public string? DocumentCountry { get; set; }
    public string? Plate { get; set; }
    public string? PlateIssuer { get; set; }
    public string? Vin { get; set; }
    public string? SerialNumber { get; set; }
    public string? Make { get; set; }

    /// <summary>The request, or the fields that are wrong (in the caller's language); the purpose is checked too.</summary>
    public (ScreenRequest? Request, Purposes Purpose, FieldErrors Errors) ToRequest()
    {
        PartialDate? dob = PartialDate.TryParse(Blank(DateOfBirth), out var parsed) ? parsed : null;
        var request = new ScreenRequest
        {
            Kind = Kind,
            Name = Blank(Name),
            DateOfBirth = dob,
            Nationality = Blank(Nationality),
            Sex = Sex,
            Documents = Blank(DocumentNumber) is { } number ? [new IdentityDocument(DocumentType, number, Blank(DocumentCountry)?.ToUpperInvariant())] : [],
            Plate = Blank(Plate),
            PlateIssuer = Blank(PlateIssuer),
            Vin = Blank(Vin),
            SerialNumber = Blank(SerialNumber),
            Make = Blank(Make),
            AlsoConsider = AlsoConsider,
        };
        var errors = request.Validate();
        if (!MarkingText.TryParsePurpose(Purpose, out var purpose))
            errors.Add("purpose", "PurposeRequired");
        if (dob is null && Blank(DateOfBirth) is { } unreadable)
            errors.Add("dateOfBirth", "InvalidValue", unreadable);
        return (errors.Count == 0 ? request : null, purpose, errors);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
