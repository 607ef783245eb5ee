using System.CommandLine;
using System.Globalization;

namespace Dyad.Cli;

/// <summary><c>dyad quarantine [--store ...] [--json]</c>: the documents that failed a stage, with where they were and why.</summary>
internal static class QuarantineCommand
{
    public static Command Create()
    {
        var store = CliStore.StoreOption();
        var json = new Option<bool>("--json") { Description = "One JSON object per entry (input, place, stage, reason, at, content)." };
        var command = new Command("quarantine", "List the documents that failed to be read, analysed or stored: input, place, stage, reason and time.") { store, json };
        command.SetAction(parsed => CliStore.Run(async cancellationToken =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            var opened = await CliStore.OpenAsync(CliStore.Location(parsed, store), create: false, error, cancellationToken).ConfigureAwait(false);
            if (opened is null)
            {
                return ExitCodes.InputProblem;
            }

            await using (opened.ConfigureAwait(false))
            {
                var entries = await opened.ListQuarantineAsync(cancellationToken).ConfigureAwait(false);
                if (parsed.GetValue(json))
                {
                    foreach (var e in entries)
                    {
                        Json.WriteRecord(output, new QuarantineLine(e.Input, e.Place, e.Stage, e.Reason, e.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), e.Content));
                    }
                }
                else
                {
                    output.WriteLine("time                  stage    input  place  reason");
                    foreach (var e in entries)
                    {
                        var place = e.Place.Length == 0 ? "-" : e.Place;
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.At.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}  {e.Stage,-7}  {e.Input}  {place}  {e.Reason}"));
                    }

                    error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"quarantine: {entries.Count} entries"));
                }

                return ExitCodes.Ok;
            }
        }));
        return command;
    }

    private sealed record QuarantineLine(string Input, string Place, string Stage, string Reason, string At, string? Content);
}
