using System.Globalization;

namespace Perimeter;

/// <summary>One page of a longer list, with the total so that a client can show "41–60 of 312".</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

/// <summary>Page numbers as a query string gives them, and the items a page skips.</summary>
public static class Paging
{
    /// <summary>A page number from the address ("?page=3"): 1 when it is missing, not a number or below 1.</summary>
    public static int PageNumber(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : 1;

    /// <summary>The items before <paramref name="page"/>; past what any list can hold (an absurd page), the whole of it, so the page is empty.</summary>
    public static int Offset(int page, int pageSize) => (int)Math.Min(int.MaxValue, (long)(Math.Max(page, 1) - 1) * pageSize);
}
