using System.Globalization;
using Dyad.Nlp.Text;

namespace Dyad.Cli;

/// <summary>One input read for a command: its name, its decoded text, and what went wrong reading it.</summary>
internal sealed record InputText(string Name, string Text, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Reads the files named on a command line (<c>-</c> or none for standard input), decoding bytes with <see cref="TextDecoder"/>.</summary>
internal static class InputFiles
{
    /// <summary>Reads every path; an unreadable path gives an input with no text and a <see cref="ErrorCodes.InputUnreadable"/> diagnostic.</summary>
    public static IEnumerable<InputText> Read(IReadOnlyList<string> paths, Stream standardInput)
    {
        if (paths.Count == 0)
        {
            paths = ["-"];
        }

        foreach (var path in paths)
        {
            yield return ReadOne(path, standardInput);
        }
    }

    private static InputText ReadOne(string path, Stream standardInput)
    {
        var name = path == "-" ? "stdin" : path;
        byte[] bytes;
        try
        {
            if (path == "-")
            {
                using var buffer = new MemoryStream();
                standardInput.CopyTo(buffer);
                bytes = buffer.ToArray();
            }
            else
            {
                bytes = File.ReadAllBytes(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var problem = new Diagnostic(ErrorCodes.InputUnreadable, Severity.Error, string.Create(CultureInfo.InvariantCulture, $"cannot read it: {e.Message}"), name, string.Empty);
            return new InputText(name, string.Empty, [problem]);
        }

        var decoded = TextDecoder.Decode(bytes, name);
        return new InputText(name, decoded.Text, decoded.Diagnostics);
    }
}
