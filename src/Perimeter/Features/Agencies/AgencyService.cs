using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Storage;

namespace Perimeter.Features.Agencies;

public sealed class AgencyService(PerimeterDb db, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<AgencyView>> ListAsync(CancellationToken ct) =>
        await db.Agencies.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new AgencyView(a.Id, a.Country, a.Name, a.NodeUrl, a.IsThisNode))
            .ToListAsync(ct);

    public async Task<(AgencyView? Agency, FieldErrors Errors)> AddAsync(NewAgency request, Caller caller, CancellationToken ct)
    {
        var errors = Validate(request);
        if (errors.Count == 0 && await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.Id, ct) is { } known)
            errors.Add("id", known.IsThisNode ? "AgencyIsThisNode" : known.Certificate is not null ? "AgencyIsPartner" : "AlreadyExists", request.Id);
        if (errors.Count > 0)
            return (null, errors);
        var agency = await db.WriteAsync(async token =>
        {
            var added = Create(request, isThisNode: false);
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.AgencyAdded, "agency", [added.Id]), token);
            return added;
        }, ct);
        return (AgencyView.Of(agency), errors);
    }

    /// <summary>Makes sure the node's own agency is on record; run at every start.</summary>
    /// <summary>The agency this database was made for, if it was made yet.</summary>
    public Task<string?> ThisNodeAsync(CancellationToken ct) =>
        db.Agencies.AsNoTracking().Where(a => a.IsThisNode).Select(a => a.Id).FirstOrDefaultAsync(ct);

    public async Task EnsureThisNodeAsync(string id, string name, CancellationToken ct)
    {
        if (await db.Agencies.AnyAsync(a => a.Id == id, ct))
            return;
        await db.WriteAsync(async token =>
        {
            Create(new NewAgency(id, name), isThisNode: true);
            await audit.AppendAsync(Caller.System(id), new AuditEntry(AuditAction.AgencyAdded, "agency", [id], Detail: "this-node"), token);
        }, ct);
    }

    private Agency Create(NewAgency request, bool isThisNode)
    {
        var agency = new Agency
        {
            Id = request.Id,
            Country = AgencyId.CountryOf(request.Id),
            Name = request.Name.Trim(),
            NodeUrl = request.NodeUrl,
            IsThisNode = isThisNode,
            CreatedAt = time.GetUtcNow(),
        };
        db.Agencies.Add(agency);
        return agency;
    }

    private static FieldErrors Validate(NewAgency request)
    {
        var errors = new FieldErrors();
        if (!AgencyId.IsValid(request.Id))
            errors.Add("id", "InvalidAgencyId");
        errors.Required("name", request.Name);
        errors.FreeText("name", request.Name, 200);
        if (request.NodeUrl is not null && !Uri.TryCreate(request.NodeUrl, UriKind.Absolute, out _))
            errors.Add("nodeUrl", "InvalidValue", request.NodeUrl);
        return errors;
    }
}

public sealed record NewAgency(string Id, string Name, string? NodeUrl = null);

public sealed record AgencyView(string Id, string Country, string Name, string? NodeUrl, bool IsThisNode)
{
    public static AgencyView Of(Agency a) => new(a.Id, a.Country, a.Name, a.NodeUrl, a.IsThisNode);
}
