namespace Perimeter.Matching.Names;

/// <summary>What a part of a person's name is: in "GUZMAN LOERA, Joaquin", "joaquin" is <see cref="Given"/>, "guzman" a <see cref="Surname"/>.</summary>
public enum NameRole
{
    /// <summary>A given name, an initial or an abbreviation of one: "José", "J.", "Ma.".</summary>
    Given,

    /// <summary>A family name; <see cref="NamePart.SurnameIndex"/> says which one: "Guzmán" 0, "Loera" 1.</summary>
    Surname,

    /// <summary>Nothing says which: a lone "Madonna", or a quoted alias like "El Chapo".</summary>
    Unknown,
}
