namespace Perimeter.Matching.Names;

/// <summary>The sex a given name suggests: "José" <see cref="Male"/>, "Guadalupe" <see cref="Unknown"/>.</summary>
public enum NameSex
{
    /// <summary>The name is given to both, or is not in the list: "Guadalupe", "Xochiquetzal".</summary>
    Unknown,

    /// <summary>A man's name: "José".</summary>
    Male,

    /// <summary>A woman's name: "María".</summary>
    Female,
}
