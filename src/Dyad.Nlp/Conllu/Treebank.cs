namespace Dyad.Nlp.Conllu;

/// <summary>Loads a CoNLL-U treebank file as one gold document.</summary>
public static class Treebank
{
    /// <summary>Reads <paramref name="path"/>; problems go to <paramref name="log"/>, one line each.</summary>
    /// <exception cref="InvalidDataException">The file holds no readable sentence (<see cref="ErrorCodes.NoTrainingData"/>).</exception>
    public static Document Load(string path, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var diagnostics = new List<Diagnostic>();
        var sentences = ConlluReader.ReadFile(path, diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            log.WriteLine(diagnostic);
        }

        if (sentences.Count == 0)
        {
            throw new InvalidDataException($"{ErrorCodes.NoTrainingData}: {path} holds no readable CoNLL-U sentence.");
        }

        return ConlluDocuments.ToDocument(Path.GetFileNameWithoutExtension(path), sentences);
    }
}
