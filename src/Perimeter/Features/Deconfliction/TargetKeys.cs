using System.Net.Mail;
using PhoneNumbers;
using Perimeter.Features.Access;
using Perimeter.Matching.Evidence;
using Perimeter.Matching.Names;

namespace Perimeter.Features.Deconfliction;

/// <summary>
/// The one form each kind of identifier is compared in, so that two agencies writing the same phone, plate or
/// passport differently still meet: <c>"(664) 123-4567"</c> registered by a Mexican agency is <c>+526641234567</c>.
/// </summary>
public static class TargetKeys
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// The compared form of <paramref name="value"/>, or null with the reason added to <paramref name="errors"/>; a phone
    /// written without its country code is read in <paramref name="country"/>, the registering agency's, and
    /// <paramref name="issuer"/> is a plate's state or a document's country.
    /// </summary>
    public static string? Of(TargetKind kind, string? value, string? issuer, string country, FieldErrors errors)
    {
        errors.Required("value", value);
        errors.FreeText("value", value, 100);
        if (errors.Count > 0)
            return null;
        var text = value!.Trim();
        switch (kind)
        {
            case TargetKind.Phone:
                return Phone(text, country, errors);
            case TargetKind.Plate:
                if (Plate.NormalizeIssuer(issuer) is not { Length: > 0 } plateIssuer)
                {
                    errors.Add("issuer", "PlateIssuerRequired");
                    return null;
                }
                return $"{plateIssuer}:{DocumentNumber.Normalize(text)}";
            case TargetKind.Vin:
                var vin = Vin.Normalize(text);
                if (!Vin.IsWellFormed(vin))
                {
                    errors.Add("value", "InvalidVin");
                    return null;
                }
                return vin;
            case TargetKind.Document:
                if (issuer is null || !AgencyId.IsCountry(issuer.Trim().ToUpperInvariant()))
                {
                    errors.Add("issuer", "CountryRequired");
                    return null;
                }
                return $"{issuer.Trim().ToUpperInvariant()}:{DocumentNumber.Normalize(text)}";
            case TargetKind.Email:
                if (!MailAddress.TryCreate(text, out var address) || address.Address != text)
                {
                    errors.Add("value", "InvalidEmail");
                    return null;
                }
                return address.Address.ToLowerInvariant();
            case TargetKind.Account:
                // IBANs and CLABEs are written in groups; crypto addresses are case-sensitive and kept as written.
                var account = new string([.. text.Where(c => c is not (' ' or '-'))]);
                return account.Length > 2 && char.IsAsciiLetter(account[0]) && char.IsAsciiLetter(account[1]) && char.IsAsciiDigit(account[2])
                    ? account.ToUpperInvariant() : account;
            default:
                errors.Add("kind", "InvalidValue", kind);
                return null;
        }
    }

    /// <summary>A person's compared form: folded surnames, folded given names and the date of birth.</summary>
    public static string? OfPerson(string? givenNames, string? surnames, DateOnly? dateOfBirth, FieldErrors errors)
    {
        errors.Required("givenNames", givenNames);
        errors.Required("surnames", surnames);
        errors.FreeText("givenNames", givenNames, 100);
        errors.FreeText("surnames", surnames, 100);
        if (dateOfBirth is null)
            errors.Add("dateOfBirth", "Required");
        return errors.Count > 0 ? null : $"{NameText.Fold(surnames)}|{NameText.Fold(givenNames)}|{dateOfBirth:yyyy-MM-dd}";
    }

    private static string? Phone(string text, string country, FieldErrors errors)
    {
        try
        {
            var number = Phones.Parse(text, country);
            if (Phones.IsValidNumber(number))
                return Phones.Format(number, PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
        }
        errors.Add("value", "InvalidPhone");
        return null;
    }
}
