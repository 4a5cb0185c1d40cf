using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Features.Federation;
using Perimeter.Tests.Infrastructure;
using static Perimeter.Tests.Features.Federation.Federations;

namespace Perimeter.Tests.Features.Federation;

/// <summary>Everything a receiving node refuses: each refusal is a clear answer, audited, and stores nothing.</summary>
public sealed class TrustTests
{
    [Fact]
    public async Task A_peer_whose_certificate_is_not_pinned_is_refused_and_audited()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var pair = await HeldPairAsync(ct);
        var message = Message((await OutboxAsync(pair.Us, "mx.inm"))[0], "mx.inm");

        // Someone with a certificate of their own, claiming to be us.cbp.
        var impostorFolder = Directory.CreateTempSubdirectory("perimeter-impostor-").FullName;
        try
        {
            NodeIdentity.Create(impostorFolder, "us.cbp", null, DateTimeOffset.UtcNow);
            using var impostor = new PartnerClients(new FederationIdentity(Options.Create(new NodeOptions { Agency = "us.cbp", DataDirectory = impostorFolder })));
            var client = impostor.For(new Partner { Agency = "mx.inm", Url = pair.Mx.FederationUrl, CertificatePem = "", CertificateSha256 = pair.Mx.Identity.Pin });
            var response = await client.PostAsync(FederationDelivery.MessagesPath, Json(new FederationBatch([message])), ct);

            var problem = await Problem.ReadAsync(response, HttpStatusCode.Forbidden, ct);
            Assert.Contains("not pinned", problem.Detail, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(impostorFolder, recursive: true);
        }
        Assert.Equal(1, await AuditCountAsync(pair.Mx, AuditAction.FederationRefused, "unpinned certificate"));
        Assert.Equal(0, await pair.Mx.CopiesFromAsync("us.cbp"));

        // Without any client certificate the TLS handshake itself fails.
        using var bare = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && CertificatePin.Of(presented) == pair.Mx.Identity.Pin } });
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => bare.PostAsync($"{pair.Mx.FederationUrl}/{FederationDelivery.MessagesPath}", Json(new FederationBatch([message])), ct));
        Assert.Equal(0, await pair.Mx.CopiesFromAsync("us.cbp"));
    }

    [Fact]
    public async Task Partners_test_names_what_stands_between_two_nodes_until_the_link_works_both_ways()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await FederationNode.StartAsync("us.cbp", Database.Sqlite, ct);
        await using var mx = await FederationNode.StartAsync("mx.inm", Database.Sqlite, ct);
        await using var gt = await FederationNode.StartAsync("gt.igm", Database.Sqlite, ct);
        async Task<LinkReport?> ReportAsync(string agency)
        {
            await using var scope = us.Running.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PartnerLinkTest>().RunAsync(agency, Caller.Operator("us.cbp"), ct);
        }
        async Task<LinkReport> TestAsync(string agency) => (await ReportAsync(agency))!;

        await us.PinAsync(mx, ct);
        await us.AgreeAsync("mx.inm", ct);
        Assert.Contains("mx.inm does not pin this node's certificate", Assert.Single((await TestAsync("mx.inm")).Problems), StringComparison.Ordinal);
        await mx.PinAsync(us, ct);
        Assert.Contains("mx.inm holds no agreement in force with us.cbp", Assert.Single((await TestAsync("mx.inm")).Problems), StringComparison.Ordinal);
        await mx.AgreeAsync("us.cbp", ct);
        var ok = await TestAsync("mx.inm");
        Assert.True(ok.Ok, string.Join("; ", ok.Problems));
        Assert.Equal(["replicate"], ok.TheirAgreements);
        mx.Running.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Contains("clocks 300 s apart (mx.inm is ahead)", Assert.Single((await TestAsync("mx.inm")).Problems), StringComparison.Ordinal);

        // gt.igm's certificate pinned at mx.inm's address: the TLS handshake fails on the pin.
        await us.PinAsync(gt, ct, url: mx.FederationUrl);
        Assert.Contains((await TestAsync("gt.igm")).Problems, p => p.StartsWith("TLS refused", StringComparison.Ordinal));
        await mx.StopAsync();
        Assert.Contains((await TestAsync("mx.inm")).Problems, p => p.StartsWith("unreachable", StringComparison.Ordinal));
        Assert.Null(await ReportAsync("sv.pnc"));
        Assert.Equal(6, (await us.Running.AuditAsync(AuditAction.PartnerTested, null, ct)).Count);
    }

    [Fact]
    public async Task A_partner_is_pinned_from_the_pin_its_operator_read_out_and_a_certificate_that_is_not_that_one_is_refused_naming_both()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await FederationNode.StartAsync("us.cbp", Database.Sqlite, ct);
        await using var mx = await FederationNode.StartAsync("mx.inm", Database.Sqlite, ct);
        await using var gt = await FederationNode.StartAsync("gt.igm", Database.Sqlite, ct);
        async Task<(PartnerView? Partner, FieldErrors Errors)> AddAsync(string agency, string url, string pin)
        {
            await using var scope = us.Running.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PartnerService>().AddAsync(new NewPartner(agency, url, null, Pin: pin), Caller.Operator("us.cbp"), ct);
        }

        // gt.igm's pin, but mx.inm answers at that URL: nothing is pinned, and the message names both certificates.
        var (wrong, mismatch) = await AddAsync("mx.inm", mx.FederationUrl, $"sha256 {gt.Identity.Pin}");
        Assert.Null(wrong);
        Assert.Contains($"has sha256 {mx.Identity.Pin}, not the pin given ({gt.Identity.Pin})", mismatch.ToString(), StringComparison.Ordinal);
        Assert.Contains("pin: Not a certificate pin", (await AddAsync("mx.inm", mx.FederationUrl, "sha256 12ab")).Errors.ToString(), StringComparison.Ordinal);
        var (_, closed) = await AddAsync("mx.inm", $"https://127.0.0.1:{NodeProcess.FreePort()}", mx.Identity.Pin);
        Assert.Contains("url: The partner's certificate could not be read: unreachable", closed.ToString(), StringComparison.Ordinal);
        Assert.Empty(await us.Running.AuditAsync(AuditAction.PartnerAdded, null, ct));

        // As read over the phone: upper case, in pairs with colons. The certificate is the one mx.inm's listener presents.
        var spoken = string.Join(':', mx.Identity.Pin.ToUpperInvariant().Chunk(2).Select(pair => new string(pair)));
        var (pinned, errors) = await AddAsync("mx.inm", mx.FederationUrl, $"SHA256:{spoken}");
        Assert.True(pinned is not null, errors.ToString());
        Assert.Equal(mx.Identity.Pin, pinned.CertificateSha256);
        await mx.PinAsync(us, ct);
        await us.AgreeAsync("mx.inm", ct);
        await mx.AgreeAsync("us.cbp", ct);
        await using var scope = us.Running.Services.CreateAsyncScope();
        var link = await scope.ServiceProvider.GetRequiredService<PartnerLinkTest>().RunAsync("mx.inm", Caller.Operator("us.cbp"), ct);
        Assert.True(link!.Ok, string.Join("; ", link.Problems));
    }

    [Fact]
    public async Task A_tampered_payload_with_a_valid_certificate_is_refused_audited_and_nothing_is_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var pair = await HeldPairAsync(ct);
        var original = (await OutboxAsync(pair.Us, "mx.inm"))[0];
        var forged = Message(original, "mx.inm") with
        {
            Document = new SignedDocument(original.Signer, original.Payload.Replace("Test subject.", "Innocent man.", StringComparison.Ordinal), original.Signature),
        };
        Assert.NotEqual(original.Payload, forged.Document.Payload);
        var good = Message(original, "mx.inm");

        // One bad message refuses the whole batch: the good one beside it is not half-written either.
        var response = await PostAsync(pair.Us, pair.Mx, [good, forged], ct);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest, ct);
        Assert.Contains("bad-signature", problem.For("messages[1]")[0], StringComparison.Ordinal);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        Assert.Equal(forged.MessageId, body.RootElement.GetProperty("refused")[0].GetProperty("messageId").GetGuid());
        Assert.Equal(0, await pair.Mx.CopiesFromAsync("us.cbp"));
        Assert.Equal(1, await AuditCountAsync(pair.Mx, AuditAction.FederationRefused, "bad-signature"));
        Assert.Equal(0, await AuditCountAsync(pair.Mx, AuditAction.FederationReceived));
    }

    [Fact]
    public async Task A_document_signed_by_a_partner_that_did_not_originate_it_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var pair = await HeldPairAsync(ct);
        var original = (await OutboxAsync(pair.Us, "mx.inm"))[0];
        // mx.inm re-signs us.cbp's payload with its own key and sends it back to itself via us.cbp's channel.
        var resigned = Message(original, "mx.inm") with { Document = new SignedDocument("us.cbp", original.Payload, pair.Mx.Identity.Sign(original.Payload)) };

        var response = await PostAsync(pair.Us, pair.Mx, [resigned], ct);

        Assert.Contains("bad-signature", (await Problem.ReadAsync(response, HttpStatusCode.BadRequest, ct)).For("messages[0]")[0], StringComparison.Ordinal);
        Assert.Equal(0, await pair.Mx.CopiesFromAsync("us.cbp"));
    }

    [Fact]
    public async Task Malformed_empty_and_oversized_batches_are_problems_that_change_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var pair = await HeldPairAsync(ct);
        var client = pair.Us.Running.Services.GetRequiredService<PartnerClients>().For(new Partner
        {
            Agency = "mx.inm", Url = pair.Mx.FederationUrl, CertificatePem = "", CertificateSha256 = pair.Mx.Identity.Pin,
        });

        await Problem.ReadAsync(await client.PostAsync(FederationDelivery.MessagesPath, new StringContent("{\"messages\": [", Encoding.UTF8, "application/json"), ct), HttpStatusCode.BadRequest, ct);
        await Problem.ReadAsync(await client.PostAsync(FederationDelivery.MessagesPath, new StringContent("{\"messages\": [], \"extra\": 1}", Encoding.UTF8, "application/json"), ct), HttpStatusCode.BadRequest, ct);
        var empty = await Problem.ReadAsync(await client.PostAsync(FederationDelivery.MessagesPath, Json(new FederationBatch([])), ct), HttpStatusCode.BadRequest, ct);
        Assert.NotEmpty(empty.For("messages"));
        var huge = new string('x', 11 * 1024 * 1024);
        // Asking to continue lets the node refuse on the declared length, before the client has written it all.
        await Problem.ReadAsync(await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, FederationDelivery.MessagesPath)
        {
            Content = new StringContent($"{{\"messages\": [\"{huge}\"]}}", Encoding.UTF8, "application/json"),
            Headers = { ExpectContinue = true },
        }, ct), HttpStatusCode.RequestEntityTooLarge, ct);

        Assert.Equal(0, await pair.Mx.CopiesFromAsync("us.cbp"));
    }

    [Fact]
    public async Task A_null_message_in_a_batch_is_a_problem_naming_it_audited_and_nothing_is_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var pair = await HeldPairAsync(ct);
        var good = Message((await OutboxAsync(pair.Us, "mx.inm"))[0], "mx.inm");
        var client = pair.Us.Running.Services.GetRequiredService<PartnerClients>().For(new Partner
        {
            Agency = "mx.inm", Url = pair.Mx.FederationUrl, CertificatePem = "", CertificateSha256 = pair.Mx.Identity.Pin,
        });

        var alone = await client.PostAsync(FederationDelivery.MessagesPath, new StringContent("{\"messages\":[null]}", Encoding.UTF8, "application/json"), ct);
        var beside = await client.PostAsync(FederationDelivery.MessagesPath,
            new StringContent($"{{\"messages\":[{PerimeterJson.Serialize(good)},null]}}", Encoding.UTF8, "application/json"), ct);
        var noDocument = await client.PostAsync(FederationDelivery.MessagesPath,
            new StringContent($"{{\"messages\":[{{\"messageId\":\"{Guid.NewGuid()}\",\"to\":\"mx.inm\",\"previousVersion\":0,\"document\":null}}]}}", Encoding.UTF8, "application/json"), ct);

        Assert.NotEmpty((await Problem.ReadAsync(alone, HttpStatusCode.BadRequest, ct)).For("messages[0]"));
        Assert.NotEmpty((await Problem.ReadAsync(beside, HttpStatusCode.BadRequest, ct)).For("messages[1]"));
        Assert.NotEmpty((await Problem.ReadAsync(noDocument, HttpStatusCode.BadRequest, ct)).For("messages[0].document"));
        Assert.Equal(0, await pair.Mx.CopiesFromAsync("us.cbp"));
        Assert.Equal(0, await AuditCountAsync(pair.Mx, AuditAction.FederationReceived));
        Assert.Equal(2, await AuditCountAsync(pair.Mx, AuditAction.FederationRefused, "malformed-batch"));
    }

    [Fact]
    public async Task An_expired_agreement_at_the_receiver_refuses_delivery_and_the_sender_records_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await FederationNode.StartAsync("us.cbp", Database.Sqlite, ct);
        await using var mx = await FederationNode.StartAsync("mx.inm", Database.Sqlite, ct);
        await us.PinAsync(mx, ct);
        await mx.PinAsync(us, ct);
        await us.AgreeAsync("mx.inm", ct);
        await mx.AgreeAsync("us.cbp", ct, a => a with { ValidUntil = new DateOnly(2026, 11, 30) });
        mx.Running.Time.Advance(TimeSpan.FromDays(3));

        var alert = await us.Running.PublishAsync(AnAlert.Person(), ct);

        await FederationNode.EventuallyAsync(async () => (await OutboxAsync(us, "mx.inm")) is [{ RefusedAt: not null }], "the refusal recorded at us.cbp", ct);
        Assert.Contains("agreement-expired", (await OutboxAsync(us, "mx.inm"))[0].LastError, StringComparison.Ordinal);
        Assert.Null(await mx.CopyAsync(alert.Id));
        Assert.Equal(1, await AuditCountAsync(mx, AuditAction.FederationRefused, "agreement-expired"));
        await using var scope = us.Running.Services.CreateAsyncScope();
        Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<PartnerService>().StatusAsync(Caller.Operator("us.cbp"), ct))[0].Refused);
    }

    [Theory]
    [InlineData(Purposes.Migration, "purpose-not-agreed")]
    public async Task An_alert_for_a_purpose_the_receivers_agreement_does_not_allow_is_refused(Purposes allowed, string reason)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await FederationNode.StartAsync("us.cbp", Database.Sqlite, ct);
        await using var mx = await FederationNode.StartAsync("mx.inm", Database.Sqlite, ct);
        await us.PinAsync(mx, ct);
        await mx.PinAsync(us, ct);
        await us.AgreeAsync("mx.inm", ct, a => a with { Purposes = Purposes.CounterNarcotics | allowed });
        await mx.AgreeAsync("us.cbp", ct, a => a with { Purposes = allowed });

        var alert = await us.Running.PublishAsync(AnAlert.Person(), ct);

        await FederationNode.EventuallyAsync(async () => (await OutboxAsync(us, "mx.inm")) is [{ RefusedAt: not null }], "the refusal", ct);
        Assert.Null(await mx.CopyAsync(alert.Id));
        Assert.Equal(1, await AuditCountAsync(mx, AuditAction.FederationRefused, reason));
    }

    /// <summary>us.cbp and mx.inm, trusting each other, with one alert in us.cbp's outbox that it cannot deliver itself.</summary>
    private static async Task<HeldPair> HeldPairAsync(CancellationToken ct)
    {
        var us = await FederationNode.StartAsync("us.cbp", Database.Sqlite, ct);
        var mx = await FederationNode.StartAsync("mx.inm", Database.Sqlite, ct);
        await us.PinAsync(mx, ct, url: "https://127.0.0.1:9");
        await mx.PinAsync(us, ct);
        await us.AgreeAsync("mx.inm", ct);
        await mx.AgreeAsync("us.cbp", ct);
        await us.Running.PublishAsync(AnAlert.Person(), ct);
        await FederationNode.EventuallyAsync(async () => (await OutboxAsync(us, "mx.inm")).Count == 1, "the queued version", ct);
        return new HeldPair(us, mx);
    }

    private static StringContent Json<T>(T value) => new(PerimeterJson.Serialize(value), Encoding.UTF8, "application/json");

    private sealed record HeldPair(FederationNode Us, FederationNode Mx) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Us.DisposeAsync();
            await Mx.DisposeAsync();
        }
    }
}
