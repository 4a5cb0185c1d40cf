using Perimeter.Features.Imports;

namespace Perimeter.Fuzz;

/// <summary>
/// <c>perimeter import ofac DIR</c>: the input is up to three files separated by NUL bytes (sdn.csv, then alt.csv and
/// add.csv), written to a folder and read by <see cref="OfacReader.Read(string)"/>, decoding included.
/// </summary>
internal static class OfacTarget
{
    private static readonly Lock Gate = new();
    private static readonly Lazy<string> Folder = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("perimeter-fuzz-ofac-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return folder;
    });

    public static FuzzTarget Files { get; } = new("ofac", "OfacReader.Read of sdn.csv NUL alt.csv NUL add.csv", Read);

    private static void Read(byte[] input)
    {
        var files = input.AsSpan();
        lock (Gate)
        {
            foreach (var name in new[] { OfacReader.SdnFile, OfacReader.AltFile, OfacReader.AddFile })
            {
                var end = files.IndexOf((byte)0);
                var path = Path.Combine(Folder.Value, name);
                File.WriteAllBytes(path, end < 0 ? files : files[..end]);
                files = end < 0 ? [] : files[(end + 1)..];
            }
            var list = OfacReader.Read(Folder.Value);
            // The reader drops or shortens what would not validate, so every entry it keeps is a valid alert.
            foreach (var entry in list.Entries)
            {
                if (entry.Content.Validate().Count > 0)
                    throw new BrokenPromiseException($"ofac:{entry.EntNum} kept but invalid");
            }
        }
    }
}
