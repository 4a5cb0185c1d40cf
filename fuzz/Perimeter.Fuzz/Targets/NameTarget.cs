using System.Text;
using Perimeter.Matching.Names;

namespace Perimeter.Fuzz;

/// <summary>
/// The name parser every screened and listed name goes through: the input as one name in each layout, and, split at
/// its first <c>|</c>, as a form's given names and surnames.
/// </summary>
internal static class NameTarget
{
    public static FuzzTarget Parser { get; } = new("names", "NameParser.Parse of a full name, and of given names|surnames", Parse);

    private static void Parse(byte[] input)
    {
        // Names arrive from any source, already text: invalid bytes become U+FFFD as a lenient reader would make them.
        var text = Encoding.UTF8.GetString(input);
        foreach (var layout in Enum.GetValues<NameLayout>())
            Check(NameParser.Parse(text, layout));
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        Check(bar < 0 ? NameParser.Parse(text, null) : NameParser.Parse(text[..bar], text[(bar + 1)..]));
    }

    // Parts are compared by their folded text: an empty part would match every other empty part.
    private static void Check(ParsedName name)
    {
        if (name.Parts.Any(p => p.Folded.Length == 0))
            throw new BrokenPromiseException("a name part with no text");
    }
}
