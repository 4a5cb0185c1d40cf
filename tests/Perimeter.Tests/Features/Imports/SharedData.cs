namespace Perimeter.Tests.Features.Imports;

/// <summary>Finds folders above the test binaries: the shared data beside the repository, and the repository's docs.</summary>
internal static class SharedData
{
    public static string Ofac { get; } = Find(Path.Combine("shared", "data", "ofac"));

    /// <summary>The repository's own example import files, read by the tests so that they stay importable.</summary>
    public static string Examples { get; } = Find(Path.Combine("docs", "examples"));

    public static string Find(string relative)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relative);
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }
}
