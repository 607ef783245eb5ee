using System.CommandLine;

namespace Dyad.Cli;

/// <summary>Builds Dyad's command tree and runs it. Data goes to <c>output</c>, diagnostics to <c>error</c>.</summary>
public static class DyadCommand
{
    /// <summary>Parses <paramref name="args"/>, runs the chosen verb and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = new RootCommand("Dyad turns news text into political event data: who did what to whom, when and where.")
        {
            TrainCommand.Create(),
        };
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        var parsed = root.Parse(args);
        return parsed.Invoke(configuration);
    }
}

/// <summary>The process exit codes every verb uses.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The run succeeded but found nothing (no events, no places).</summary>
    public const int NothingFound = 1;

    /// <summary>Some input could not be used and was reported (and, where there is a store, quarantined).</summary>
    public const int InputProblem = 2;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 64;
}
