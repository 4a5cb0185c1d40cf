namespace Perimeter;

/// <summary>One page of a longer list, with the total so that a client can show "41–60 of 312".</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);
