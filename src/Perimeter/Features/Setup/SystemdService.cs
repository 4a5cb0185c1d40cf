using System.Text;
using Perimeter.Features.Federation;

namespace Perimeter.Features.Setup;

/// <summary>
/// <c>perimeter init --systemd</c>: a unit that runs the node as its own system user, confined to its data folder, and the
/// environment file it reads (owner-only: secrets such as the key passphrase go there, never on a command line).
/// </summary>
internal static class SystemdService
{
    public const string UnitFile = "perimeter.service";
    public const string EnvironmentFile = "perimeter.env";

    public static void Write(string data, NodeFolder node, string user)
    {
        var unit = Path.Combine(data, UnitFile);
        var environment = Path.Combine(data, EnvironmentFile);
        // The same program and runtime that made the folder; the unit names them by absolute path.
        var program = typeof(SystemdService).Assembly.Location;
        var host = Environment.ProcessPath ?? "/usr/bin/dotnet";
        File.WriteAllText(unit, $"""
            [Unit]
            Description=Perimeter node {node.Agency} ({node.Name})
            After=network-online.target
            Wants=network-online.target

            [Service]
            Type=simple
            User={user}
            Group={user}
            EnvironmentFile={environment}
            # --urls: where the node listens; https:// with its certificate anywhere but loopback (docs/operations.md).
            ExecStart={host} {program} serve --data {data} --urls http://127.0.0.1:5080
            Restart=on-failure
            RestartSec=5
            UMask=0077
            NoNewPrivileges=true
            ProtectSystem=strict
            ProtectHome=true
            PrivateTmp=true
            PrivateDevices=true
            ReadWritePaths={data}
            CapabilityBoundingSet=
            LockPersonality=true
            RestrictSUIDSGID=true

            [Install]
            WantedBy=multi-user.target

            """, Encoding.ASCII);
        NodeIdentity.WriteOwnerOnly(environment, Encoding.UTF8.GetBytes($"""
            # Settings of the node {node.Agency}, read by {UnitFile}; one NAME=value per line, never on a command line.
            # PERIMETER_Node__Federation__KeyPassphrase=
            # PERIMETER_Node__Database=Postgres
            # PERIMETER_Node__ConnectionString=Host=…;Database=perimeter;Username=perimeter;Password=…

            """));
        Console.WriteLine($"service: {unit} and {environment}; to install it, as root:");
        Console.WriteLine($"  useradd --system --home-dir {data} --shell /usr/sbin/nologin {user}");
        Console.WriteLine($"  chown -R {user}:{user} {data}");
        Console.WriteLine($"  cp {unit} /etc/systemd/system/ && systemctl daemon-reload && systemctl enable --now perimeter");
    }
}
