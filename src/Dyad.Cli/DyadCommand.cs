using System.CommandLine;
using Dyad.Models;

namespace Dyad.Cli;

/// <summary>Builds Dyad's command tree and runs it. Data goes to <c>output</c>, diagnostics to <c>error</c>.</summary>
public static class DyadCommand
{
    /// <summary>Parses <paramref name="args"/>, runs the chosen verb and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    /// <remarks>Never throws for bad input: a failure is reported on <paramref name="error"/> with its code and turned into an exit code.</remarks>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        var root = new RootCommand("Dyad turns news text into political event data: who did what to whom, when and where.")
        {
            ParseCommand.Create(),
            EvalCommand.Create(),
            BenchCommand.Create(),
            TrainCommand.Create(),
            ValidateCommand.Create(),
            CodeCommand.Create(),
            PlacesCommand.Create(),
            DictCommand.Create(),
            IngestCommand.Create(),
            QuarantineCommand.Create(),
            RecodeCommand.Create(),
            QueryCommand.Create(),
            StatsCommand.Create(),
            ExportCommand.Create(),
            ServeCommand.Create(),
        };
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine($"dyad: {problem.Message}");
            }

            error.WriteLine("dyad: run 'dyad --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parsed.Invoke(configuration);
        }
        catch (ModelException e)
        {
            error.WriteLine($"dyad: {e.Message}");
            return ExitCodes.InputProblem;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            error.WriteLine($"dyad: {e.Message}");
            return ExitCodes.InputProblem;
        }
    }
}

/// <summary>The process exit codes every verb uses.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The run succeeded but found nothing (no events, no places).</summary>
    public const int NothingFound = 1;

    /// <summary>Some input could not be used and was reported (and, where there is a store, quarantined); or a model or file could not be read.</summary>
    public const int InputProblem = 2;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 64;
}
