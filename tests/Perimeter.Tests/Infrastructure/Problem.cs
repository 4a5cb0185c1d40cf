using System.Net;
using System.Text.Json;

namespace Perimeter.Tests.Infrastructure;

/// <summary>An RFC 9457 problem as a client reads it, with the messages of each field a validation problem names.</summary>
public sealed record Problem(int Status, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>Reads the body, failing with it when the status or the media type is not a problem's.</summary>
    public static async Task<Problem> ReadAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (root.TryGetProperty("errors", out var fields))
        {
            foreach (var field in fields.EnumerateObject())
                errors[field.Name] = [.. field.Value.EnumerateArray().Select(m => m.GetString() ?? "")];
        }
        var problem = new Problem(root.GetProperty("status").GetInt32(), Text(root, "title"), Text(root, "detail"), errors);
        Assert.Equal((int)expected, problem.Status);
        Assert.DoesNotContain("exception", body, StringComparison.OrdinalIgnoreCase);
        return problem;
    }

    /// <summary>The messages for one field; fails naming the fields there are when it has none.</summary>
    public string[] For(string field) =>
        Errors.TryGetValue(field, out var messages) && messages.Length > 0
            ? messages
            : throw new Xunit.Sdk.XunitException($"no error for \"{field}\"; the problem names [{string.Join(", ", Errors.Keys)}]: {Title} {Detail}");

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
