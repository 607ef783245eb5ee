namespace Dyad.Nlp;

/// <summary>The files of a model directory (by default models/en in the repository).</summary>
public static class ModelDirectory
{
    /// <summary>The tagger's file name.</summary>
    public const string TaggerFile = "tagger.model";

    /// <summary>The lemmatizer's file name.</summary>
    public const string LemmatizerFile = "lemmatizer.model";

    /// <summary>The accurate parser's file name: trained with a beam, slower.</summary>
    public const string ParserFile = "parser.model";

    /// <summary>The fast parser's file name: greedy, trained with the dynamic oracle.</summary>
    public const string FastParserFile = "parser-fast.model";

    /// <summary>The learned sentence splitter's file name; optional: without it sentences are split by rules alone.</summary>
    public const string SentencesFile = "sentences.model";
}
