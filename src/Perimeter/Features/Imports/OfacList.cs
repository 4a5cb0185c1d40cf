using Perimeter.Features.Alerts;

namespace Perimeter.Features.Imports;

/// <summary>One SDN entry as an alert; <c>Content.ExternalRef</c> is <c>ofac:&lt;ent_num&gt;</c>.</summary>
public sealed record OfacEntry(int EntNum, AlertContent Content);

/// <summary>
/// The SDN list as alerts, and what was left out to make each one valid: one line per dropped or shortened value,
/// such as <c>ofac:12345: dropped nationality "Region: Crimea" (not a country)</c>.
/// </summary>
public sealed record OfacList(IReadOnlyList<OfacEntry> Entries, IReadOnlyList<string> Warnings);
