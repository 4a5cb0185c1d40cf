using System.Globalization;
using System.Text;
using Perimeter.Features.Access;
using Perimeter.Matching.Evidence;

namespace Perimeter.Features.Alerts;

/// <summary>Everything the originator writes in one version of an alert: the body of publish and update.</summary>
public sealed record AlertContent
{
    public const int MaxNarrativeLength = 8000;
    public const int MaxNameLength = 300;
    public const int MaxNames = 50;
    public const int MaxListItems = 20;

    public required AlertKind Kind { get; init; }
    public required AlertCategory Category { get; init; }
    public ActionOnHit ActionOnHit { get; init; } = ActionOnHit.ContactOriginator;
    public string? Narrative { get; init; }
    public required Markings Markings { get; init; }
    public required AlertSubject Subject { get; init; }
    /// <summary>The originator's own reference, unique per originator: <c>case-2026-0042</c>.</summary>
    public string? ExternalRef { get; init; }

    /// <summary>
    /// Checks the content as the caller sent it, before <see cref="Normalized"/>, so that each field path
    /// points at what the caller wrote and nothing invalid is silently dropped.
    /// </summary>
    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        if (!Enum.IsDefined(Kind))
            errors.Add("kind", "UnknownValue");
        if (!Enum.IsDefined(Category))
            errors.Add("category", "UnknownValue");
        else if (Enum.IsDefined(Kind) && !AlertCategories.Fits(Category, Kind))
            errors.Add("category", "CategoryDoesNotFitKind", MarkingText.Of(Category), MarkingText.Of(Kind));
        errors.FreeText("narrative", Narrative, MaxNarrativeLength);
        errors.FreeText("externalRef", ExternalRef, 200);
        ValidateMarkings(errors);
        ValidateSubject(errors);
        return errors;
    }

    private void ValidateMarkings(FieldErrors errors)
    {
        var m = Markings;
        if (m.Purposes == Purposes.None)
            errors.Add("markings.purposes", "Required");
        errors.MaxItems("markings.releasableTo", m.ReleasableTo, 100);
        for (var i = 0; i < m.ReleasableTo.Count; i++)
        {
            var target = m.ReleasableTo[i];
            if (target == AccessPolicy.Everyone)
            {
                if (m.Tlp != Tlp.Clear)
                    errors.Add($"markings.releasableTo[{i}]", "EveryoneOnlyForClear");
            }
            else if (AgencyId.NormalizeReleaseTarget(target) is null)
                errors.Add($"markings.releasableTo[{i}]", "NotAnAgencyOrCountry", target);
        }
    }

    private void ValidateSubject(FieldErrors errors)
    {
        var sections = new object?[] { Subject.Person, Subject.Organization, Subject.Vehicle, Subject.Firearm, Subject.Document };
        object? expected = Kind switch
        {
            AlertKind.Person => Subject.Person,
            AlertKind.Organization => Subject.Organization,
            AlertKind.Vehicle => Subject.Vehicle,
            AlertKind.Firearm => Subject.Firearm,
            AlertKind.Document => Subject.Document,
            _ => null,
        };
        var kindField = $"subject.{MarkingText.Of(Kind)}";
        if (expected is null)
        {
            errors.Add(kindField, "Required");
            return;
        }
        if (sections.Count(s => s is not null) > 1)
            errors.Add("subject", "OneSubjectOnly");

        switch (expected)
        {
            case PersonData person:
                ValidatePerson(person, errors);
                break;
            case OrganizationData organization:
                if (organization.Names.Count == 0)
                    errors.Add("subject.organization.names", "Required");
                errors.MaxItems("subject.organization.names", organization.Names, MaxNames);
                for (var i = 0; i < organization.Names.Count; i++)
                {
                    if (organization.Names[i] is null)
                    {
                        errors.Add($"subject.organization.names[{i}]", "Required");
                        continue;
                    }
                    errors.Required($"subject.organization.names[{i}].name", organization.Names[i].Name);
                    errors.FreeText($"subject.organization.names[{i}].name", organization.Names[i].Name, MaxNameLength);
                }
                ValidateCountries("subject.organization.countries", organization.Countries, errors);
                ValidateDocuments("subject.organization.registrations", organization.Registrations, errors);
                break;
            case VehicleData vehicle:
                if (string.IsNullOrWhiteSpace(vehicle.Plate) && string.IsNullOrWhiteSpace(vehicle.Vin)
                    && vehicle.Names.Count == 0 && vehicle.Identifiers.Count == 0)
                    errors.Add("subject.vehicle", "VehicleNeedsIdentifier");
                errors.FreeText("subject.vehicle.plate", vehicle.Plate, 20);
                errors.FreeText("subject.vehicle.vin", vehicle.Vin, 30);
                errors.FreeText("subject.vehicle.make", vehicle.Make, 100);
                errors.FreeText("subject.vehicle.model", vehicle.Model, 100);
                errors.MaxItems("subject.vehicle.names", vehicle.Names, MaxListItems);
                errors.MaxItems("subject.vehicle.identifiers", vehicle.Identifiers, MaxListItems);
                if (vehicle.Year is < 1886 or > 2100)
                    errors.Add("subject.vehicle.year", "OutOfRange");
                break;
            case FirearmData firearm:
                errors.Required("subject.firearm.serialNumber", firearm.SerialNumber);
                errors.FreeText("subject.firearm.serialNumber", firearm.SerialNumber, 60);
                errors.FreeText("subject.firearm.make", firearm.Make, 100);
                errors.FreeText("subject.firearm.model", firearm.Model, 100);
                errors.FreeText("subject.firearm.calibre", firearm.Calibre, 40);
                break;
            case DocumentData document:
                errors.Required("subject.document.number", document.Number);
                errors.FreeText("subject.document.number", document.Number, 60);
                errors.FreeText("subject.document.holderName", document.HolderName, MaxNameLength);
                ValidateCountry("subject.document.issuingCountry", document.IssuingCountry, errors);
                break;
        }
    }

    private static void ValidatePerson(PersonData person, FieldErrors errors)
    {
        if (person.Names.Count == 0)
            errors.Add("subject.person.names", "Required");
        errors.MaxItems("subject.person.names", person.Names, MaxNames);
        for (var i = 0; i < person.Names.Count; i++)
        {
            var name = person.Names[i];
            var field = $"subject.person.names[{i}]";
            // JSON may put null inside a list, whatever the model says: a missing item, not a crash.
            if (name is null)
            {
                errors.Add(field, "Required");
                continue;
            }
            if (string.IsNullOrWhiteSpace(name.Display))
                errors.Add(field, "Required");
            errors.FreeText($"{field}.givenNames", name.GivenNames, MaxNameLength);
            errors.FreeText($"{field}.surnames", name.Surnames, MaxNameLength);
            errors.FreeText($"{field}.fullName", name.FullName, MaxNameLength);
        }
        errors.MaxItems("subject.person.datesOfBirth", person.DatesOfBirth, MaxListItems);
        errors.FreeText("subject.person.placeOfBirth", person.PlaceOfBirth, 200);
        ValidateCountries("subject.person.nationalities", person.Nationalities, errors);
        ValidateDocuments("subject.person.documents", person.Documents, errors);
    }

    private static void ValidateDocuments(string field, IReadOnlyList<IdentityDocument> documents, FieldErrors errors)
    {
        errors.MaxItems(field, documents, MaxListItems);
        for (var i = 0; i < documents.Count; i++)
        {
            if (documents[i] is null)
            {
                errors.Add($"{field}[{i}]", "Required");
                continue;
            }
            errors.Required($"{field}[{i}].number", documents[i].Number);
            errors.FreeText($"{field}[{i}].number", documents[i].Number, 60);
            ValidateCountry($"{field}[{i}].issuingCountry", documents[i].IssuingCountry, errors);
        }
    }

    private static void ValidateCountries(string field, IReadOnlyList<string> countries, FieldErrors errors)
    {
        errors.MaxItems(field, countries, MaxListItems);
        for (var i = 0; i < countries.Count; i++)
        {
            if (countries[i] is null)
                errors.Add($"{field}[{i}]", "Required");
            else
                ValidateCountry($"{field}[{i}]", countries[i], errors);
        }
    }

    private static void ValidateCountry(string field, string? code, FieldErrors errors)
    {
        if (code is not null && !AgencyId.IsCountry(code.Trim().ToUpperInvariant()))
            errors.Add(field, "NotACountry", code);
    }

    /// <summary>Canonical spelling of codes and targets, so stored alerts compare by ordinal equality.</summary>
    public AlertContent Normalized() => this with
    {
        Narrative = string.IsNullOrWhiteSpace(Narrative) ? null : Narrative.Trim().Normalize(NormalizationForm.FormC),
        ExternalRef = string.IsNullOrWhiteSpace(ExternalRef) ? null : ExternalRef.Trim(),
        Markings = Markings with
        {
            ReleasableTo = [.. Markings.ReleasableTo
                .Select(t => t == AccessPolicy.Everyone ? t : AgencyId.NormalizeReleaseTarget(t))
                .OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        },
        Subject = Subject with
        {
            Person = Subject.Person is { } p ? p with
            {
                Names = [.. p.Names.Select(n => new PersonName(Clean(n.GivenNames), Clean(n.Surnames), Clean(n.FullName), n.Type))],
                Nationalities = Countries(p.Nationalities),
                Documents = Documents(p.Documents),
            } : null,
            Organization = Subject.Organization is { } o ? o with
            {
                Names = [.. o.Names.Select(n => n with { Name = Clean(n.Name) ?? "" })],
                Countries = Countries(o.Countries),
                Registrations = Documents(o.Registrations),
            } : null,
            Document = Subject.Document is { } d ? d with { IssuingCountry = d.IssuingCountry?.Trim().ToUpperInvariant() } : null,
        },
    };

    /// <summary>What a list shows: the primary name, plate, serial or document number.</summary>
    public string DisplayName() => Kind switch
    {
        AlertKind.Person => Subject.Person is { Names.Count: > 0 } p ? p.Names[0].Display : "",
        AlertKind.Organization => Subject.Organization is { Names.Count: > 0 } o ? o.Names[0].Name : "",
        AlertKind.Vehicle => Subject.Vehicle is { } v
            ? v.Plate ?? v.Vin ?? (v.Names.Count > 0 ? v.Names[0] : null) ?? (v.Identifiers.Count > 0 ? v.Identifiers[0] : "")
            : "",
        AlertKind.Firearm => Subject.Firearm?.SerialNumber ?? "",
        AlertKind.Document => Subject.Document?.Number ?? "",
        _ => "",
    };

    /// <summary>Every name and number, folded (no accents, lower case), for the list's text filter.</summary>
    public string SearchText()
    {
        var words = new List<string?>();
        if (Subject.Person is { } p)
        {
            words.AddRange(p.Names.Select(n => n.Display));
            words.AddRange(p.Documents.Select(d => d.Number));
        }
        if (Subject.Organization is { } o)
        {
            words.AddRange(o.Names.Select(n => n.Name));
            words.AddRange(o.Registrations.Select(d => d.Number));
        }
        if (Subject.Vehicle is { } v)
        {
            words.AddRange([v.Plate, v.Vin, v.Make, v.Model]);
            words.AddRange(v.Names);
            words.AddRange(v.Identifiers);
        }
        if (Subject.Firearm is { } f)
            words.AddRange([f.SerialNumber, f.Make, f.Model]);
        if (Subject.Document is { } d)
            words.AddRange([d.Number, d.HolderName]);
        words.Add(ExternalRef);
        return Fold(string.Join(" | ", words.Where(w => !string.IsNullOrWhiteSpace(w))));
    }

    /// <summary>Lower case without accents: <c>José Núñez</c> → <c>jose nunez</c>.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string[] Countries(IReadOnlyList<string> codes) =>
        [.. codes.Select(c => c.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal)];

    private static IdentityDocument[] Documents(IReadOnlyList<IdentityDocument> documents) =>
        [.. documents.Select(d => d with { Number = d.Number.Trim(), IssuingCountry = d.IssuingCountry?.Trim().ToUpperInvariant() })];
}
