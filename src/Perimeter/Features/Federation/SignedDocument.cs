using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Perimeter.Features.Federation;

/// <summary>
/// A canonical JSON payload and its signer's signature. The payload travels and is stored as the exact text
/// that was signed, so any copy can be checked again against the signer's pinned certificate. Every member is required
/// when read: one left out would otherwise be read as null.
/// </summary>
public sealed record SignedDocument([property: JsonRequired] string Signer, [property: JsonRequired] string Payload, [property: JsonRequired] string Signature)
{
    /// <summary>A payload is at most this long: a whole alert with every alias fits many times over.</summary>
    public const int MaxPayloadChars = 256 * 1024;

    public static SignedDocument Sign<T>(NodeIdentity identity, string signer, T body)
    {
        var payload = CanonicalJson.Serialize(body);
        return new SignedDocument(signer, payload, identity.Sign(payload));
    }
}

/// <summary>
/// The node's JSON with object members sorted by name (ordinal) and no white space, so that one value has one
/// text. The receiver verifies the text it got, never a re-serialisation.
/// </summary>
public static class CanonicalJson
{
    public static string Serialize<T>(T value)
    {
        var node = JsonSerializer.SerializeToNode(value, PerimeterJson.Options);
        return Sorted(node)?.ToJsonString() ?? "null";
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };
}
