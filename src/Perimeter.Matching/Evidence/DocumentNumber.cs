using System.Buffers;

namespace Perimeter.Matching.Evidence;

/// <summary>The form in which passport, CURP, VIN, plate and serial numbers are compared: <c>"ab-12 345"</c> → <c>"AB12345"</c>.</summary>
public static class DocumentNumber
{
    // What people type, or OCR inserts, inside passport, CURP, VIN and serial numbers.
    private static readonly SearchValues<char> Separators = SearchValues.Create(" -./\t");
    private const int StackLimit = 64;

    /// <summary>Upper-cases and drops separators: "ab-12 345" → "AB12345".</summary>
    public static string Normalize(ReadOnlySpan<char> raw)
    {
        char[]? rented = null;
        Span<char> buffer = raw.Length <= StackLimit
            ? stackalloc char[StackLimit]
            : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        var length = 0;
        foreach (var c in raw)
        {
            if (!Separators.Contains(c))
                buffer[length++] = char.ToUpperInvariant(c);
        }
        var normalized = new string(buffer[..length]);
        if (rented is not null)
            ArrayPool<char>.Shared.Return(rented);   // on an exception the array is just collected: no finally
        return normalized;
    }
}
