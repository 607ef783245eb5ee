namespace Dyad.Coding.Tests;

/// <summary>A knowledge-base folder in the temp directory, written file by file and deleted on disposal.</summary>
internal sealed class KnowledgeBaseFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dyad-kb-" + Guid.NewGuid().ToString("N"));

    public KnowledgeBaseFolder() => Directory.CreateDirectory(System.IO.Path.Combine(Path, "verbs"));

    /// <summary>Writes <paramref name="lines"/> (joined with '\n') to <paramref name="relative"/>, such as <c>verbs/04-consult.txt</c>.</summary>
    public KnowledgeBaseFolder Write(string relative, params string[] lines)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, relative), string.Join('\n', lines) + "\n");
        return this;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
