namespace Perimeter.Tests.Infrastructure;

/// <summary>
/// One node per database, shared by the tests of a class: for tests that only ask and compare before
/// with after, where a node of their own would only cost start-up time. xUnit runs a class's tests one
/// at a time, so no test sees another's requests in flight.
/// </summary>
public sealed class NodePerDatabase : IAsyncDisposable
{
    private readonly Dictionary<Database, TestNode> _nodes = [];

    public async Task<TestNode> StartedAsync(Database database, CancellationToken ct)
    {
        if (!_nodes.TryGetValue(database, out var node))
            _nodes[database] = node = await TestNode.StartAsync(database, ct);
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes.Values)
            await node.DisposeAsync();
    }
}
