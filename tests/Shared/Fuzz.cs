using System.Text;

namespace Dyad.Tests;

/// <summary>What the readers' fuzz tests share: random texts from a project's syntax tokens, mutated lines, and the check on diagnostics.</summary>
internal static class Fuzz
{
    /// <summary>Up to 200 tokens drawn at random.</summary>
    public static string RandomSyntax(Random random, string[] tokens)
    {
        var text = new StringBuilder();
        var count = random.Next(0, 200);
        for (var i = 0; i < count; i++)
        {
            text.Append(tokens[random.Next(tokens.Length)]);
        }

        return text.ToString();
    }

    /// <summary>Up to 40 consecutive lines from a random start, each mutated (see <see cref="Mutate"/>).</summary>
    public static string MutatedLines(Random random, string[] lines, string[] tokens)
    {
        var start = random.Next(lines.Length);
        var text = new StringBuilder();
        for (var i = 0; i < random.Next(1, 40); i++)
        {
            text.Append(Mutate(lines[(start + i) % lines.Length], random, tokens)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Every diagnostic has a known code, a message and a source.</summary>
    public static void Check(IEnumerable<Diagnostic> diagnostics) =>
        Assert.All(diagnostics, d => Assert.True(ErrorCodes.Descriptions.ContainsKey(d.Code) && d.Message.Length > 0 && d.Source.Length > 0, d.ToString()));

    /// <summary>One to three random edits of a line: a character removed, a token inserted, a character replaced, a piece doubled, or the rest cut.</summary>
    public static string Mutate(string line, Random random, string[] tokens)
    {
        var text = new StringBuilder(line);
        for (var m = random.Next(1, 4); m > 0; m--)
        {
            var at = text.Length == 0 ? 0 : random.Next(text.Length);
            switch (random.Next(5))
            {
                case 0 when text.Length > 0:
                    text.Remove(at, 1);
                    break;
                case 1:
                    text.Insert(at, tokens[random.Next(tokens.Length)]);
                    break;
                case 2 when text.Length > 0:
                    text[at] = (char)random.Next(0, 0x3000);
                    break;
                case 3 when text.Length > 0:
                    text.Insert(at, text.ToString(at, Math.Min(text.Length - at, random.Next(1, 10))));
                    break;
                default:
                    text.Length = at;
                    break;
            }
        }

        return text.ToString();
    }
}
