using System.Collections.Immutable;
using System.Text;

namespace Dyad.Nlp.Tests.Tokenization;

/// <summary>Writes tokens the way the tests spell their expectations: forms separated by spaces, parts of one multiword token joined by '~'.</summary>
internal static class TokenRendering
{
    public static string Render(string text, ImmutableArray<Token> tokens)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (i > 0)
            {
                var joined = tokens[i - 1].IsPartOfWord && tokens[i - 1].SurfaceEnd == tokens[i].SurfaceEnd;
                builder.Append(joined ? '~' : ' ');
            }

            builder.Append(text, tokens[i].Start, tokens[i].Range.Length);
        }

        return builder.ToString();
    }

    public static string[] Sentences(Document document) =>
        [.. document.Sentences.Select(document.SentenceText)];
}
