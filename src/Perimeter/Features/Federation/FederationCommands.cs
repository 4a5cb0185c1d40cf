using System.CommandLine;
using Perimeter.Cli;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Storage;

namespace Perimeter.Features.Federation;

/// <summary><c>perimeter pki</c>, <c>perimeter partners</c> and <c>perimeter agreements</c>.</summary>
internal static class FederationCommands
{
    public static Command Pki()
    {
        var force = new Option<bool>("--force") { Description = "Replace an existing identity (partners must pin the new certificate)" };
        var init = new Command("init", "Give this node its key pair and self-signed certificate") { force };
        init.SetAction((parsed, ct) => NodeCommandLine.RunAsync(parsed, async (services, node, token) =>
        {
            if (NodeIdentity.Exists(node.DataDirectory) && !parsed.GetValue(force))
            {
                var existing = NodeIdentity.Load(node.DataDirectory, node.Federation.KeyPassphrase);
                Console.WriteLine($"identity exists: {NodeIdentity.CertificatePathOf(node.DataDirectory)}");
                Console.WriteLine($"sha256 {existing.Pin}");
                return ExitCode.Ok;
            }
            var identity = NodeIdentity.Create(node.DataDirectory, node.Agency, node.Federation.KeyPassphrase, services.GetRequiredService<TimeProvider>().GetUtcNow(), node.Federation.Url);
            var db = services.GetRequiredService<PerimeterDb>();
            await services.GetRequiredService<AuditLog>().RecordAsync(Caller.Operator(node.Agency),
                new AuditEntry(AuditAction.IdentityCreated, "node", [node.Agency], Detail: $"sha256={identity.Pin}"), token);
            Console.WriteLine($"certificate for {node.Agency}: {NodeIdentity.CertificatePathOf(node.DataDirectory)} (give this file to partners)");
            Console.WriteLine($"sha256 {identity.Pin}");
            return ExitCode.Ok;
        }, ct));
        return new Command("pki", "This node's identity for federation") { init };
    }

    public static Command Partners()
    {
        var agency = new Option<string>("--agency") { Description = "The partner's agency id, such as mx.inm", Required = true };
        var url = new Option<string>("--url") { Description = "The partner's federation URL (https://…)", Required = true };
        var certificate = new Option<FileInfo?>("--certificate") { Description = "The partner's node certificate (PEM file), from its perimeter init" };
        var pin = new Option<string?>("--pin") { Description = "The partner's certificate pin as its operator read it to you (sha256 …): its certificate is then read from its running node and must match" };
        var name = new Option<string?>("--name") { Description = "Display name of the agency" };
        var add = new Command("add", "Pin a partner: its URL, and its certificate or pin") { agency, url, certificate, pin, name };
        add.Validators.Add(result =>
        {
            if (result.GetValue(certificate) is null && result.GetValue(pin) is null)
                result.AddError("give --pin (the partner's node running) or --certificate FILE");
        });
        add.SetAction((parsed, ct) =>
        {
            var file = parsed.GetValue(certificate);
            if (file is { Exists: false })
                return Task.FromResult(NodeCommandLine.Fail(ExitCode.NotFound, $"{file.FullName}: no such file"));
            return NodeCommandLine.RunAsync(parsed, async (services, node, token) =>
            {
                var pem = file is null ? null : await File.ReadAllTextAsync(file.FullName, token);
                var (partner, errors) = await services.GetRequiredService<PartnerService>().AddAsync(
                    new NewPartner(parsed.GetValue(agency)!, parsed.GetValue(url)!, pem, parsed.GetValue(name), parsed.GetValue(pin)), Caller.Operator(node.Agency), token);
                if (partner is null)
                    return NodeCommandLine.Fail(ExitCode.InvalidInput, $"partner not added: {errors}");
                Console.WriteLine($"pinned {partner.Agency} at {partner.Url}: sha256 {partner.CertificateSha256}");
                return ExitCode.Ok;
            }, ct);
        });
        var list = new Command("list", "List partners and their pins") { Listing.Output() };
        list.SetAction((parsed, ct) => NodeCommandLine.RunAsync(parsed, async (services, _, token) =>
            Listing.Write(parsed, await services.GetRequiredService<PartnerService>().ListAsync(token), ["Agency", "URL", "Certificate SHA-256", "Added"],
                p => [p.Agency, p.Url, p.CertificateSha256, Time(p.AddedAt)]), ct, reads: true));
        var status = new Command("status", "Per partner: last contact, queue depth, oldest undelivered message, failures") { Listing.Output() };
        status.SetAction((parsed, ct) => NodeCommandLine.RunAsync(parsed, async (services, node, token) =>
            Listing.Write(parsed, await services.GetRequiredService<PartnerService>().StatusAsync(Caller.Operator(node.Agency), token),
                ["Agency", "Last contact", "Queue", "Oldest undelivered", "Failures", "Refused", "Last error", "Held: active/retracted/expired/purged", "Last received"],
                s => [s.Agency, Time(s.LastContactAt), Count(s.QueueDepth), Time(s.OldestUndeliveredAt), Count(s.ConsecutiveFailures), Count(s.Refused), s.LastError,
                    $"{s.Held.Active}/{s.Held.Retracted}/{s.Held.Expired}/{s.Held.Purged}",
                    s.LastReceived is { } last ? $"{last.AlertId} v{last.Version} {Time(last.At)}" : ""]),
            ct, reads: true));
        var heldAgency = new Argument<string>("agency") { Description = "The partner's agency id" };
        var heldStatus = new Option<string?>("--status") { Description = "active, retracted, expired or purged; all when omitted" };
        var heldPage = new Option<int>("--page") { Description = "Page of 200, newest first", DefaultValueFactory = _ => 1 };
        var held = new Command("held", "The copies held from a partner, retracted and purged ones included: ids, versions, statuses, dates (audited)")
        {
            heldAgency, heldStatus, heldPage, Listing.Output(),
        };
        held.SetAction((parsed, ct) =>
        {
            AlertStatus? status = null;
            if (parsed.GetValue(heldStatus) is { } text)
            {
                if (!MarkingText.TryParse<AlertStatus>(text, out var s))
                    return Task.FromResult(NodeCommandLine.Fail(ExitCode.InvalidInput, $"--status \"{text}\": use active, retracted, expired or purged"));
                status = s;
            }
            return NodeCommandLine.RunAsync(parsed, async (services, node, token) =>
                await services.GetRequiredService<PartnerService>().HeldAsync(parsed.GetValue(heldAgency)!, status, Math.Max(1, parsed.GetValue(heldPage)), 200,
                        Caller.Operator(node.Agency), token) is { } page
                    ? Listing.Write(parsed, page.Items, ["Alert", "Originator", "Version", "Status", "Received", "Retain until"],
                        c => [c.AlertId.ToString(), c.Originator, Count(c.Version), MarkingText.Of(c.Status), Time(c.ReceivedAt), Time(c.RetainUntil)])
                    : NodeCommandLine.Fail(ExitCode.NotFound, $"no partner \"{parsed.GetValue(heldAgency)}\": see perimeter partners list"), ct, reads: true);
        });
        var retryAgency = new Argument<string>("agency") { Description = "The partner's agency id" };
        var retry = new Command("retry", "End a partner's back-off: deliver to it at the next round (a running node's within a second)") { retryAgency };
        retry.SetAction((parsed, ct) => NodeCommandLine.RunAsync(parsed, async (services, node, token) =>
            await services.GetRequiredService<PartnerService>().RetryAsync(parsed.GetValue(retryAgency)!, Caller.Operator(node.Agency), token)
                ? NodeCommandLine.Report($"{parsed.GetValue(retryAgency)}: delivery is retried at the next round")
                : NodeCommandLine.Fail(ExitCode.NotFound, $"no partner \"{parsed.GetValue(retryAgency)}\": see perimeter partners list"), ct, reads: true));
        var testAgency = new Argument<string>("agency") { Description = "The partner's agency id" };
        var test = new Command("test", "Check the link with a partner both ways: reachable, pins on both sides, clocks, agreements on both sides")
        {
            testAgency, Listing.Output(),
        };
        test.SetAction((parsed, ct) => NodeCommandLine.RunAsync(parsed, async (services, node, token) =>
        {
            if (await services.GetRequiredService<PartnerLinkTest>().RunAsync(parsed.GetValue(testAgency)!, Caller.Operator(node.Agency), token) is not { } report)
                return NodeCommandLine.Fail(ExitCode.NotFound, $"no partner \"{parsed.GetValue(testAgency)}\": see perimeter partners list");
            if (parsed.GetValue<string>("--output") == "json")
                Console.WriteLine(PerimeterJson.Serialize(report));
            else if (report.Ok)
                Console.WriteLine($"{report.Agency} at {report.Url}: ok — mutual TLS both ways, agreements here: {string.Join(", ", report.OurAgreements)}; there: {string.Join(", ", report.TheirAgreements ?? [])}");
            else
                Console.Error.WriteLine($"{report.Agency} at {report.Url}: " + string.Join("; ", report.Problems));
            return report.Ok ? ExitCode.Ok : ExitCode.Failed;
        }, ct, reads: true));
        return new Command("partners", "Partner nodes this node trusts") { add, list, status, held, test, retry };
    }

    public static Command Agreements()
    {
        var partner = new Option<string>("--partner") { Description = "The partner's agency id", Required = true };
        var mode = new Option<string>("--mode") { Description = "replicate or query", DefaultValueFactory = _ => "replicate" };
        var kinds = new Option<string>("--kinds") { Description = "Comma-separated alert kinds, or *", Required = true };
        var categories = new Option<string>("--categories") { Description = "Comma-separated alert categories, or *", Required = true };
        var purposes = new Option<string>("--purposes") { Description = "Comma-separated purposes, such as counter-narcotics,migration, or * for every purpose", Required = true };
        var tlp = new Option<string>("--highest-tlp") { Description = "CLEAR, GREEN, AMBER, AMBER+STRICT", DefaultValueFactory = _ => "AMBER" };
        var retention = new Option<int>("--retention-days") { Description = "How long copies may be kept", DefaultValueFactory = _ => 365 };
        var hits = new Option<string>("--hit-reporting") { Description = "on or off", DefaultValueFactory = _ => "off" };
        var until = new Option<DateOnly?>("--valid-until") { Description = "Last day the agreement holds (yyyy-mm-dd)" };
        var urgent = new Option<int>("--urgent-hours") { Description = "Deadline of an urgent request for details", DefaultValueFactory = _ => 1 };
        var routine = new Option<int>("--routine-hours") { Description = "Deadline of a routine request for details", DefaultValueFactory = _ => 12 };
        var add = new Command("add", "Add an agreement with a partner") { partner, mode, kinds, categories, purposes, tlp, retention, hits, until, urgent, routine };
        add.SetAction((parsed, ct) =>
        {
            var errors = new FieldErrors();
            if (!MarkingText.TryParse<AgreementMode>(parsed.GetValue(mode), out var parsedMode))
                errors.Add("--mode", "InvalidValue", parsed.GetValue(mode));
            if (!MarkingText.TryParseTlp(parsed.GetValue(tlp), out var parsedTlp))
                errors.Add("--highest-tlp", "InvalidValue", parsed.GetValue(tlp));
            var parsedPurposes = Purposes.None;
            foreach (var word in Split(parsed.GetValue(purposes)))
            {
                if (word == Agreement.Any)
                    parsedPurposes |= MarkingText.EveryPurpose;
                else if (MarkingText.TryParsePurpose(word, out var one))
                    parsedPurposes |= one;
                else
                    errors.Add("--purposes", "InvalidValue", word);
            }
            if (parsed.GetValue(hits) is not ("on" or "off"))
                errors.Add("--hit-reporting", "InvalidValue", parsed.GetValue(hits));
            if (errors.Count > 0)
                return Task.FromResult(NodeCommandLine.Fail(ExitCode.InvalidInput, $"agreement not added: {errors}"));
            return NodeCommandLine.RunAsync(parsed, async (services, node, token) =>
            {
                var (agreement, problems) = await services.GetRequiredService<AgreementService>().AddAsync(new NewAgreement
                {
                    Partner = parsed.GetValue(partner)!,
                    Mode = parsedMode,
                    Kinds = Split(parsed.GetValue(kinds)),
                    Categories = Split(parsed.GetValue(categories)),
                    Purposes = parsedPurposes,
                    HighestTlp = parsedTlp,
                    RetentionDays = parsed.GetValue(retention),
                    HitReporting = parsed.GetValue(hits) == "on",
                    ValidUntil = parsed.GetValue(until),
                    UrgentHours = parsed.GetValue(urgent),
                    RoutineHours = parsed.GetValue(routine),
                }, Caller.Operator(node.Agency), token);
                if (agreement is null)
                    return NodeCommandLine.Fail(ExitCode.InvalidInput, $"agreement not added: {problems}");
                Console.WriteLine($"agreement {agreement.Id} with {agreement.Partner}: {MarkingText.Of(agreement.Mode)}");
                return ExitCode.Ok;
            }, ct);
        });
        var list = new Command("list", "List agreements") { Listing.Output() };
        list.SetAction((parsed, ct) => NodeCommandLine.RunAsync(parsed, async (services, _, token) =>
            Listing.Write(parsed, await services.GetRequiredService<AgreementService>().ListAsync(token),
                ["Id", "Partner", "Mode", "Kinds", "Categories", "Purposes", "Highest TLP", "Retention", "Hits", "Status", "Valid until"],
                a => [a.Id.ToString(), a.Partner, MarkingText.Of(a.Mode), string.Join(',', a.Kinds), string.Join(',', a.Categories),
                    string.Join(',', MarkingText.Of(a.Purposes)), MarkingText.Of(a.HighestTlp), $"{a.RetentionDays} d", a.HitReporting ? "on" : "off",
                    MarkingText.Of(a.Status), a.ValidUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]), ct, reads: true));
        var id = new Argument<Guid>("id") { Description = "The agreement's id, from agreements list" };
        var suspend = new Command("suspend", "Suspend an agreement: nothing more flows under it") { id };
        suspend.SetAction((parsed, ct) => NodeCommandLine.RunAsync(parsed, async (services, node, token) =>
        {
            var suspended = await services.GetRequiredService<AgreementService>().SuspendAsync(parsed.GetValue(id), Caller.Operator(node.Agency), token);
            if (suspended is null)
                return NodeCommandLine.Fail(ExitCode.NotFound, $"no agreement {parsed.GetValue(id)}");
            Console.WriteLine($"agreement {suspended.Id} with {suspended.Partner} suspended");
            return ExitCode.Ok;
        }, ct));
        return new Command("agreements", "Agreements with partners") { add, list, suspend };
    }

    private static string[] Split(string? text) => (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Time(DateTimeOffset? at) => at?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private static string Count(int count) => count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
