namespace Perimeter;

/// <summary>
/// Public reference data kept beside the repository in <c>shared/data</c> (the OFAC list, English nicknames):
/// the demo and screening use it when it is there; nothing requires it.
/// </summary>
public static class ReferenceData
{
    /// <summary>The path of <paramref name="relative"/> under the nearest <c>shared/data</c> above the working or program folder.</summary>
    public static string? Find(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "shared", "data", relative);
                if (File.Exists(candidate) || Directory.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }
}
