using Perimeter.Features.Access;
using Perimeter.Localization;

namespace Perimeter;

/// <summary>Collects validation errors by field path (<c>subject.person.names[0]</c>), in the current UI culture.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public int Count => _errors.Count;

    public void Add(string field, string messageKey, params object?[] args)
    {
        if (!_errors.TryGetValue(field, out var list))
            _errors[field] = list = [];
        list.Add(Text.Format(messageKey, args));
    }

    /// <summary>An optional filter's value as one of the words of <typeparamref name="T"/>: null when absent, an error when unknown.</summary>
    public T? Optional<T>(string field, string? text) where T : struct, Enum
    {
        if (text is null)
            return null;
        if (MarkingText.TryParse<T>(text, out var value))
            return value;
        Add(field, "InvalidValue", text);
        return null;
    }

    public void Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            Add(field, "Required");
    }

    /// <summary>Checks length and refuses control characters, which no name, number or narrative needs.</summary>
    public void FreeText(string field, string? value, int maxLength)
    {
        if (value is null)
            return;
        if (value.Length > maxLength)
            Add(field, "TooLong", maxLength);
        else if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            Add(field, "ControlCharacters");
    }

    public void MaxItems<T>(string field, IReadOnlyCollection<T>? items, int max)
    {
        if (items is not null && items.Count > max)
            Add(field, "TooMany", max);
    }

    /// <summary>Pages count from 1, and the first item of a page must be countable; a page holds 1 to <paramref name="maxPageSize"/> items.</summary>
    public void Paging(int page, int pageSize, int maxPageSize)
    {
        // (page - 1) * pageSize is the number of items skipped: past int.MaxValue it would wrap around to the first page.
        if (page < 1 || (long)(page - 1) * Math.Clamp(pageSize, 1, maxPageSize) > int.MaxValue)
            Add("page", "OutOfRange");
        if (pageSize < 1 || pageSize > maxPageSize)
            Add("pageSize", "PageSize", maxPageSize);
    }

    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>One line for the command line: <c>field: message; field: message</c>.</summary>
    public override string ToString() =>
        string.Join("; ", _errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));
}
