using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Matching.Evidence;
using Perimeter.Matching.Screening;
using Perimeter.Storage;

namespace Perimeter.Features.Deconfliction;

/// <summary>
/// Deconfliction between the agencies of this node: an agency registers the targets and planned events of its open
/// operations, and a registration that meets another agency's tells both sides only that they met and whom to call —
/// never the other's operation, case or identifiers. Every registration, conflict and read is audited.
/// </summary>
public sealed class DeconflictionService(PerimeterDb db, AuditLog audit, MatchingTables tables, PartnerDeconfliction partners, TimeProvider time)
{
    public const int MinRadiusMeters = 250;
    public const int MaxRadiusMeters = 5000;
    private const int MaxTargetDays = 366;
    private const int DefaultTargetDays = 90;
    private static readonly TimeSpan MaxEventWindow = TimeSpan.FromDays(31);
    private const double EarthRadiusMeters = 6_371_008.8;

    public async Task<(Registered? Registered, FieldErrors Errors)> RegisterTargetAsync(NewTarget request, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var kind = errors.Optional<TargetKind>("kind", request.Kind);
        if (kind is null && request.Kind is null)
            errors.Add("kind", "Required");
        Contacts(request.Operation, request.Contact, errors);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var expiresOn = request.ExpiresOn ?? today.AddDays(DefaultTargetDays);
        if (expiresOn <= today || expiresOn > today.AddDays(MaxTargetDays))
            errors.Add("expiresOn", "OutOfRange");
        var key = kind switch
        {
            null => null,
            TargetKind.Person => TargetKeys.OfPerson(request.GivenNames, request.Surnames, request.DateOfBirth, errors),
            { } identifier => TargetKeys.Of(identifier, request.Value, request.Issuer, caller.Country, errors),
        };
        if (errors.Count > 0)
            return (null, errors);

        var target = new DeconflictionTarget
        {
            Id = Guid.NewGuid(),
            Agency = caller.Agency,
            Kind = kind!.Value,
            Key = key!,
            GivenNames = request.GivenNames?.Trim(),
            Surnames = request.Surnames?.Trim(),
            DateOfBirth = request.DateOfBirth,
            Operation = request.Operation!.Trim(),
            Contact = request.Contact!.Trim(),
            RegisteredBy = caller.ActorId,
            RegisteredAt = time.GetUtcNow(),
            ExpiresOn = expiresOn,
        };
        var keys = await partners.KeysInForceAsync(caller.Agency, ct);
        // Looked up inside the write, which the node serialises: two agencies registering the same at once still meet.
        var registered = await db.WriteAsync(async token =>
        {
            var others = await db.DeconflictionTargets.AsNoTracking()
                .Where(t => t.Kind == kind && t.Agency != caller.Agency && t.WithdrawnAt == null && t.ExpiresOn >= today
                    && (kind == TargetKind.Person ? t.DateOfBirth == request.DateOfBirth : t.Key == key))
                .ToListAsync(token);
            if (kind == TargetKind.Person)
                others = SamePerson(request, others);
            db.DeconflictionTargets.Add(target);
            partners.Index(target, keys);
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.DeconflictionRegistered, "deconfliction-target", [target.Id],
                Detail: $"kind={MarkingText.Of(target.Kind)} conflicts={others.Count}"), token);
            var conflicts = await RecordConflictsAsync(MarkingText.Of(target.Kind), target.Id, others.Select(o => (o.Agency, o.Id, o.Contact)), caller, token);
            return new Registered(target.Id, conflicts);
        }, ct);
        // Then partner nodes, by blind index: registered first, so that a partner asking at the same moment finds it.
        if (await partners.AskAsync(target, ct) is { Count: > 0 } remote)
        {
            var remoteConflicts = await db.WriteAsync(token => RecordConflictsAsync(MarkingText.Of(target.Kind), target.Id, remote, caller, token, fromPartnerNodes: true), ct);
            registered = registered with { Conflicts = [.. registered.Conflicts, .. remoteConflicts] };
        }
        return (registered, errors);
    }

    public async Task<(Registered? Registered, FieldErrors Errors)> RegisterEventAsync(NewOperationEvent request, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var kind = errors.Optional<OperationEventKind>("kind", request.Kind) ?? OperationEventKind.Other;
        Contacts(request.Operation, request.Contact, errors);
        if (request.Latitude is not (>= -90 and <= 90))
            errors.Add("latitude", "OutOfRange");
        if (request.Longitude is not (>= -180 and <= 180))
            errors.Add("longitude", "OutOfRange");
        if (request.RadiusMeters is not (>= MinRadiusMeters and <= MaxRadiusMeters))
            errors.Add("radiusMeters", "RadiusRange", MinRadiusMeters, MaxRadiusMeters);
        if (request.StartsAt is not { } starts || request.EndsAt is not { } ends || ends <= starts || ends - starts > MaxEventWindow)
            errors.Add("endsAt", "EventWindow", MaxEventWindow.TotalDays);
        else if (ends <= time.GetUtcNow())
            errors.Add("endsAt", "OutOfRange");
        if (errors.Count > 0)
            return (null, errors);

        var window = (Starts: request.StartsAt!.Value, Ends: request.EndsAt!.Value);
        var operationEvent = new DeconflictionEvent
        {
            Id = Guid.NewGuid(),
            Agency = caller.Agency,
            Kind = kind,
            Latitude = request.Latitude!.Value,
            Longitude = request.Longitude!.Value,
            RadiusMeters = request.RadiusMeters!.Value,
            StartsAt = window.Starts,
            EndsAt = window.Ends,
            Operation = request.Operation!.Trim(),
            Contact = request.Contact!.Trim(),
            RegisteredBy = caller.ActorId,
            RegisteredAt = time.GetUtcNow(),
        };
        var registered = await db.WriteAsync(async token =>
        {
            var overlapping = await db.DeconflictionEvents.AsNoTracking()
                .Where(e => e.Agency != caller.Agency && e.WithdrawnAt == null && e.EndsAt > window.Starts && e.StartsAt < window.Ends)
                .ToListAsync(token);
            var met = overlapping.Where(e => DistanceMeters(e.Latitude, e.Longitude, operationEvent.Latitude, operationEvent.Longitude)
                <= e.RadiusMeters + operationEvent.RadiusMeters).ToList();
            db.DeconflictionEvents.Add(operationEvent);
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.DeconflictionRegistered, "deconfliction-event", [operationEvent.Id],
                Detail: $"kind={MarkingText.Of(kind)} conflicts={met.Count}"), token);
            var conflicts = await RecordConflictsAsync("event", operationEvent.Id, met.Select(e => (e.Agency, e.Id, e.Contact)), caller, token);
            return new Registered(operationEvent.Id, conflicts);
        }, ct);
        return (registered, errors);
    }

    /// <summary>The caller's agency's registrations in force, targets and events, as it registered them; audited.</summary>
    public async Task<Registrations> ListAsync(Caller caller, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var now = time.GetUtcNow();
        var targets = await db.DeconflictionTargets.AsNoTracking()
            .Where(t => t.Agency == caller.Agency && t.WithdrawnAt == null && t.ExpiresOn >= today)
            .OrderByDescending(t => t.RegisteredAt).ToListAsync(ct);
        var events = await db.DeconflictionEvents.AsNoTracking()
            .Where(e => e.Agency == caller.Agency && e.WithdrawnAt == null && e.EndsAt > now)
            .OrderBy(e => e.StartsAt).ToListAsync(ct);
        await audit.RecordAsync(caller, new AuditEntry(AuditAction.Read, "deconfliction-registration",
            [.. targets.Select(t => (object)t.Id), .. events.Select(e => (object)e.Id)]), ct);
        return new Registrations(
            [.. targets.Select(t => new TargetView(t.Id, MarkingText.Of(t.Kind), Display(t), t.Operation, t.Contact, t.RegisteredAt, t.ExpiresOn))],
            [.. events.Select(e => new EventView(e.Id, MarkingText.Of(e.Kind), e.Latitude, e.Longitude, e.RadiusMeters, e.StartsAt, e.EndsAt, e.Operation, e.Contact, e.RegisteredAt))]);
    }

    /// <summary>Conflicts involving the caller's agency: which registration of its own, which agency, whom to call; audited.</summary>
    public async Task<IReadOnlyList<ConflictView>> ConflictsAsync(Caller caller, CancellationToken ct)
    {
        var agency = caller.Agency;
        var conflicts = await db.DeconflictionConflicts.AsNoTracking()
            .Where(c => c.FirstAgency == agency || c.SecondAgency == agency)
            .OrderByDescending(c => c.DetectedAt).Take(500).ToListAsync(ct);
        var theirs = conflicts.Select(c => c.FirstAgency == agency ? c.SecondRegistration : c.FirstRegistration).ToList();
        var contacts = (await db.DeconflictionTargets.AsNoTracking().Where(t => theirs.Contains(t.Id)).Select(t => new { t.Id, t.Contact }).ToListAsync(ct))
            .Concat(await db.DeconflictionEvents.AsNoTracking().Where(e => theirs.Contains(e.Id)).Select(e => new { e.Id, e.Contact }).ToListAsync(ct))
            .ToDictionary(r => r.Id, r => r.Contact);
        await audit.RecordAsync(caller, new AuditEntry(AuditAction.Read, "deconfliction-conflict", conflicts.Select(c => (object)c.Id)), ct);
        return [.. conflicts.Select(c =>
        {
            var first = c.FirstAgency == agency;
            var other = first ? c.SecondRegistration : c.FirstRegistration;
            return new ConflictView(c.Id, c.Subject, first ? c.FirstRegistration : c.SecondRegistration, first ? c.SecondAgency : c.FirstAgency,
                contacts.GetValueOrDefault(other) ?? c.RemoteContact ?? "", c.DetectedAt);
        })];
    }

    /// <summary>Withdraws one of the caller's agency's registrations at once; false when it has none by that id.</summary>
    public async Task<bool> WithdrawAsync(Guid id, Caller caller, CancellationToken ct) =>
        await db.WriteAsync(async token =>
        {
            var target = await db.DeconflictionTargets.SingleOrDefaultAsync(t => t.Id == id && t.Agency == caller.Agency && t.WithdrawnAt == null, token);
            var operationEvent = target is null
                ? await db.DeconflictionEvents.SingleOrDefaultAsync(e => e.Id == id && e.Agency == caller.Agency && e.WithdrawnAt == null, token)
                : null;
            if (target is null && operationEvent is null)
                return false;
            if (target is not null)
                target.WithdrawnAt = time.GetUtcNow();
            if (operationEvent is not null)
                operationEvent.WithdrawnAt = time.GetUtcNow();
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.DeconflictionWithdrawn, target is null ? "deconfliction-event" : "deconfliction-target", [id]), token);
            return true;
        }, ct);

    /// <summary>Records each meeting and audits it for both agencies, naming both; returns what the registering side is told.</summary>
    private async Task<IReadOnlyList<ConflictView>> RecordConflictsAsync(
        string subject, Guid registration, IEnumerable<(string Agency, Guid Id, string Contact)> others, Caller caller, CancellationToken ct,
        bool fromPartnerNodes = false)
    {
        var told = new List<ConflictView>();
        foreach (var other in others)
        {
            var conflict = new DeconflictionConflict
            {
                Id = Guid.NewGuid(),
                Subject = subject,
                FirstAgency = other.Agency,
                FirstRegistration = other.Id,
                SecondAgency = caller.Agency,
                SecondRegistration = registration,
                // A partner node's registration is not here to look its contact up in: keep the contact it sent.
                RemoteContact = fromPartnerNodes ? other.Contact : null,
                DetectedAt = time.GetUtcNow(),
            };
            db.DeconflictionConflicts.Add(conflict);
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.DeconflictionConflict, "deconfliction-conflict", [conflict.Id, other.Id, registration],
                Detail: $"{subject}: {other.Agency} and {caller.Agency}" + (fromPartnerNodes ? " (partner node)" : "")), ct);
            told.Add(new ConflictView(conflict.Id, subject, registration, other.Agency, other.Contact, conflict.DetectedAt));
        }
        return told;
    }

    /// <summary>Other agencies' person targets born the same day whose names the screening engine takes for the same person.</summary>
    private List<DeconflictionTarget> SamePerson(NewTarget request, List<DeconflictionTarget> bornTheSameDay)
    {
        if (bornTheSameDay.Count == 0)
            return bornTheSameDay;
        var list = Watchlist.Build(bornTheSameDay.Select(t => (t.Id, PersonOf(t.GivenNames, t.Surnames, t.DateOfBirth))), tables);
        var matches = list.Screen(PersonOf(request.GivenNames, request.Surnames, request.DateOfBirth), ScreeningOptions.Default with { Kind = SubjectKind.Person });
        var met = matches.Where(m => m.Band >= Band.Possible).Select(m => m.Id).ToHashSet();
        return [.. bornTheSameDay.Where(t => met.Contains(t.Id))];
    }

    private static Subject PersonOf(string? givenNames, string? surnames, DateOnly? dateOfBirth) => new()
    {
        Kind = SubjectKind.Person,
        Names = [SubjectName.Structured(givenNames, surnames)],
        DatesOfBirth = dateOfBirth is { } d ? [new PartialDate(d.Year, d.Month, d.Day)] : [],
    };

    private static void Contacts(string? operation, string? contact, FieldErrors errors)
    {
        errors.Required("operation", operation);
        errors.FreeText("operation", operation, 200);
        errors.Required("contact", contact);
        errors.FreeText("contact", contact, 200);
    }

    private static string Display(DeconflictionTarget t) =>
        t.Kind == TargetKind.Person ? $"{t.GivenNames} {t.Surnames}, {t.DateOfBirth:yyyy-MM-dd}" : t.Key;

    /// <summary>Great-circle distance (haversine): two circles on the ground overlap when their centres are closer than the radii together.</summary>
    public static double DistanceMeters(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(latitude2 - latitude1);
        var dLon = Radians(longitude2 - longitude1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(latitude1)) * Math.Cos(Radians(latitude2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

/// <summary>A target to register: <c>kind</c> and <c>value</c> (with <c>issuer</c> for a plate's state or a document's country), or for a person names and date of birth.</summary>
public sealed record NewTarget(
    string? Kind, string? Value = null, string? Issuer = null, string? GivenNames = null, string? Surnames = null, DateOnly? DateOfBirth = null,
    string? Operation = null, string? Contact = null, DateOnly? ExpiresOn = null);

/// <summary>A planned event to register: where (a circle of 250 to 5,000 m) and when (at most 31 days).</summary>
public sealed record NewOperationEvent(
    string? Kind, double? Latitude, double? Longitude, int? RadiusMeters, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt,
    string? Operation = null, string? Contact = null);

/// <summary>The registration made, and the conflicts it met: each the other agency and its contact, nothing else.</summary>
public sealed record Registered(Guid Id, IReadOnlyList<ConflictView> Conflicts);

public sealed record ConflictView(Guid Id, string Subject, Guid YourRegistration, string OtherAgency, string Contact, DateTimeOffset DetectedAt);

public sealed record Registrations(IReadOnlyList<TargetView> Targets, IReadOnlyList<EventView> Events);

public sealed record TargetView(Guid Id, string Kind, string Value, string Operation, string Contact, DateTimeOffset RegisteredAt, DateOnly ExpiresOn);

public sealed record EventView(Guid Id, string Kind, double Latitude, double Longitude, int RadiusMeters, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string Operation, string Contact, DateTimeOffset RegisteredAt);
