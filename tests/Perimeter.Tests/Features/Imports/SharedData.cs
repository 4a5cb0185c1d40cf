namespace Perimeter.Tests.Features.Imports;

/// <summary>Finds the shared data folder that sits beside the repository (<c>../shared/data</c>) from the test binaries.</summary>
internal static class SharedData
{
    public static string Ofac { get; } = Find(Path.Combine("shared", "data", "ofac"));

    private static string Find(string relative)
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
