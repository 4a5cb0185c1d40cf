using System.Text;
using System.Text.Json;
using Perimeter.Features.Federation;

namespace Perimeter.Fuzz;

/// <summary>
/// What a partner sends to <c>POST /federation/v1/messages</c>: a whole batch as the request body, and one signed
/// document's payload, signed with the partner's real key so that the fuzzer reaches the checks behind the signature.
/// </summary>
internal static class FederationTargets
{
    /// <summary>
    /// A signature written as this word in a batch is replaced by the partner's real one, so that whole batches get
    /// past the signature check too; any other signature is checked as it came.
    /// </summary>
    public const string SignHere = "sign-here";

    private static readonly Guid MessageId = new("00000000-0000-0000-0000-00000000f022");

    public static FuzzTarget Batch { get; } = new("federation-batch", "a batch body as the federation endpoint receives it", ReceiveBatch, StartNode);

    public static FuzzTarget SignedDocument { get; } = new("signed-document", "a payload, signed by the partner, in a one-message batch", ReceiveDocument, StartNode);

    private static void StartNode() => _ = ReceivingNode.Instance;

    private static void ReceiveBatch(byte[] input)
    {
        FederationBatch batch;
        try
        {
            // The endpoint binds its body with the same options; a body they cannot read is answered 400.
            batch = JsonSerializer.Deserialize<FederationBatch>(input, PerimeterJson.Options) ?? throw new JsonException("null batch");
        }
        catch (JsonException)
        {
            return;
        }
        var node = ReceivingNode.Instance;
        var signed = batch with
        {
            Messages = [.. batch.Messages.Select(m => m is { Document.Signature: SignHere }
                ? m with { Document = m.Document with { Signature = node.PartnerIdentity.Sign(m.Document.Payload) } }
                : m)],
        };
        Check(node.Receive(signed));
    }

    private static void ReceiveDocument(byte[] input)
    {
        var node = ReceivingNode.Instance;
        var payload = Encoding.UTF8.GetString(input);
        var document = new SignedDocument(ReceivingNode.PartnerAgency, payload, node.PartnerIdentity.Sign(payload));
        if (!CertificatePin.Verifies(node.PartnerIdentity.Certificate, payload, document.Signature))
            throw new BrokenPromiseException("a payload just signed does not verify");
        Check(node.Receive(new FederationBatch([new FederationMessage(MessageId, ReceivingNode.Agency, 0, document)])));
    }

    private static void Check((BatchResult? Result, IReadOnlyList<Refusal> Refusals, FieldErrors? Malformed) outcome)
    {
        var parts = (outcome.Result is null ? 0 : 1) + (outcome.Refusals.Count == 0 ? 0 : 1) + (outcome.Malformed is null ? 0 : 1);
        if (parts != 1)
            throw new BrokenPromiseException("a batch must be applied, refused or malformed, and only one of them");
    }
}
