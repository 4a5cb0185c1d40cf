using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Perimeter.Tests.Infrastructure;

/// <summary>
/// A node running as its own <c>perimeter serve</c> process, which a test can kill with SIGKILL and start
/// again on the same data folder and ports. Disposing kills whatever is left.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly ProcessStartInfo _start;
    private readonly Func<HttpClient> _healthClient;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public NodeProcess(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string healthUrl)
        : this(Cli.PerimeterProcess.StartInfo(arguments, environment), healthUrl)
    {
    }

    /// <summary>A node started by <paramref name="start"/>, ready when <paramref name="healthUrl"/> answers through <paramref name="healthClient"/>.</summary>
    public NodeProcess(ProcessStartInfo start, string healthUrl, Func<HttpClient>? healthClient = null)
    {
        _start = start;
        HealthUrl = healthUrl;
        _healthClient = healthClient ?? (() => new HttpClient());
    }

    public string HealthUrl { get; }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public async Task StartAsync(CancellationToken ct)
    {
        _process = Process.Start(_start)!;   // Start returns null only for shell-executed documents
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = _healthClient();
        http.Timeout = TimeSpan.FromSeconds(2);
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
                Assert.Fail($"the node exited with {_process.ExitCode}: {Output}");
            try
            {
                if ((await http.GetAsync(HealthUrl, ct)).IsSuccessStatusCode)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
            }
            await Task.Delay(200, ct);
        }
        Assert.Fail($"the node did not answer {HealthUrl} in 90 s: {Output}");
    }

    /// <summary>Waits for the process to end by another hand (a <c>pkill</c> an operator ran), then lets it go.</summary>
    public async Task ExitedAsync(CancellationToken ct)
    {
        if (_process is { } process)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(deadline.Token);
            process.Dispose();
        }
        _process = null;
    }

    /// <summary>SIGKILL: no shutdown, no flush, as a power cut or the OOM killer would.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    /// <summary>A port free now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
