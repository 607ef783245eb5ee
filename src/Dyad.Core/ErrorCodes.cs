namespace Dyad;

/// <summary>
/// The one catalog of Dyad's stable diagnostic codes. Ranges: DY1xxx reading input, DY2xxx language processing,
/// DY3xxx dictionaries and event coding, DY4xxx articles, dates and places, DY5xxx storage and export,
/// DY6xxx the HTTP service. A code, once published, keeps its meaning; a test checks every code here is documented.
/// </summary>
public static class ErrorCodes
{
    /// <summary>Input bytes are not valid UTF-8; the bad bytes were replaced with U+FFFD.</summary>
    public const string InvalidUtf8 = "DY1001";

    /// <summary>An input file or directory does not exist or cannot be read.</summary>
    public const string InputUnreadable = "DY1002";

    /// <summary>A CoNLL-U line is malformed.</summary>
    public const string ConlluMalformed = "DY1003";

    /// <summary>The input holds NUL or other control characters that suggest binary data; they were treated as spaces.</summary>
    public const string BinaryContent = "DY1004";

    /// <summary>Input with a UTF-16 byte order mark holds unpaired surrogates or an odd final byte; they were replaced with U+FFFD.</summary>
    public const string InvalidUtf16 = "DY1005";

    /// <summary>A sentence was longer than the parser's limit and was parsed in pieces.</summary>
    public const string SentenceTooLong = "DY2001";

    /// <summary>A model file is missing, truncated or of an unknown version.</summary>
    public const string ModelUnreadable = "DY2002";

    /// <summary>A stage ran before the stage whose output it needs.</summary>
    public const string StageOrder = "DY2003";

    /// <summary>A training or evaluation file holds no usable sentence.</summary>
    public const string NoTrainingData = "DY2004";

    /// <summary>Every code with a one-line explanation: what went wrong and what to do. Printed by the README and checked by a test.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [InvalidUtf8] = "Input is not valid UTF-8. The bad bytes were replaced with U+FFFD and processing went on; re-encode the file as UTF-8 to keep the original characters.",
        [InputUnreadable] = "An input path does not exist or cannot be read. Check the path and its permissions.",
        [ConlluMalformed] = "A CoNLL-U line does not have ten tab-separated fields, or a field holds a value of the wrong kind. The sentence is skipped; fix the line.",
        [BinaryContent] = "The input holds NUL or other control characters, as binary files do. They were read as spaces; check that the file is text.",
        [InvalidUtf16] = "Input read as UTF-16 holds unpaired surrogates or ends in half a character. The bad units were replaced with U+FFFD and processing went on; check the file's encoding.",
        [SentenceTooLong] = "A sentence had more tokens than the parser's limit and was parsed in pieces joined under the first piece's root. Check that the text has sentence punctuation.",
        [ModelUnreadable] = "A model file is missing, truncated or written by another version. Rebuild it with './dyad train' or restore it from the repository.",
        [StageOrder] = "A stage needs annotations that an earlier stage makes (for example the parser needs tags). Run the stages in the pipeline's order.",
        [NoTrainingData] = "A training or evaluation file holds no sentence that could be read. Check that it is CoNLL-U.",
    };
}
