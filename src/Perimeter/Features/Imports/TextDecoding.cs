using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Perimeter.Features.Imports;

/// <summary>Bytes of a file to text: strictly for our own import formats, leniently for public lists.</summary>
internal static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>UTF-8 without its byte-order mark; null and the 1-based line of the first invalid byte when it is not UTF-8.</summary>
    public static string? TryUtf8(ReadOnlySpan<byte> bytes, out int badLine)
    {
        badLine = 0;
        bytes = WithoutBom(bytes);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            badLine = bytes[..FirstInvalidByte(bytes)].Count((byte)'\n') + 1;
            return null;
        }
    }

    /// <summary>UTF-8 when the bytes are UTF-8, otherwise Latin-1, which decodes any byte: older OFAC releases are not always UTF-8.</summary>
    public static string Lenient(ReadOnlySpan<byte> bytes) => TryUtf8(bytes, out _) ?? Encoding.Latin1.GetString(bytes);

    private static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes;

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var chars = ArrayPool<char>.Shared.Rent(4096);
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = Utf8.ToUtf16(bytes[offset..], chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            offset += read;
            if (status != OperationStatus.DestinationTooSmall)
                break;
        }
        ArrayPool<char>.Shared.Return(chars);
        return offset;
    }
}
