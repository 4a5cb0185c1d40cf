namespace Perimeter.Cli;

/// <summary>Exit codes of every command, so scripts can tell failures apart.</summary>
public static class ExitCode
{
    public const int Ok = 0;
    public const int Failed = 1;
    /// <summary>The command line itself is wrong: an unknown command, a missing argument or option.</summary>
    public const int Usage = 2;
    public const int InvalidInput = 3;
    public const int Tampered = 4;
    public const int NotFound = 5;
    public const int Unavailable = 6;
}
