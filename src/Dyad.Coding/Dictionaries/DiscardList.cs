using System.Collections.Immutable;

namespace Dyad.Coding.Dictionaries;

/// <summary>
/// One discard phrase. When it occurs in a sentence (case-insensitive, as a phrase of whole words) the sentence is not
/// coded; when <see cref="DiscardsStory"/> is set (the line starts with <c>+</c>) the whole story is not coded.
/// </summary>
public sealed class DiscardPhrase
{
    internal DiscardPhrase(ImmutableArray<string> words, bool discardsStory, string text, SourceLine source, bool? lastWordWhole = null)
    {
        Words = words;
        DiscardsStory = discardsStory;
        Text = text;
        Source = source;
        LastWordWhole = lastWordWhole ?? text.EndsWith('_');
    }

    /// <summary>The words, upper case.</summary>
    public ImmutableArray<string> Words { get; }

    /// <summary>True when a match discards the whole story (<c>+</c> lines); false when only the sentence.</summary>
    public bool DiscardsStory { get; }

    /// <summary>
    /// True when the last word must match whole (be followed by a blank or punctuation): in PETRARCH lists when the
    /// phrase ends with <c>_</c>, otherwise the last word is a stem (BASEBALL also matches BASEBALLS). Always true for
    /// Dyad's knowledge base.
    /// </summary>
    public bool LastWordWhole { get; }

    /// <summary>The phrase as written, without <c>+</c>.</summary>
    public string Text { get; }

    /// <summary>File and line of the phrase.</summary>
    public SourceLine Source { get; }

    /// <summary>The words joined by spaces, with <c>+</c> in front for story discards.</summary>
    public override string ToString() => (DiscardsStory ? "+" : string.Empty) + string.Join(' ', Words);
}

/// <summary>A PETRARCH discard list (Phoenix.discards.txt) with an index from each first word to its phrases, longest first.</summary>
/// <remarks>Immutable after reading and safe to share between threads.</remarks>
public sealed class DiscardList
{
    private readonly Dictionary<string, ImmutableArray<DiscardPhrase>>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    internal DiscardList(ImmutableArray<DiscardPhrase> phrases)
    {
        Phrases = phrases;
        _lookup = PhraseIndex.Build(phrases, p => p.Words).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>An empty list.</summary>
    public static DiscardList Empty { get; } = new([]);

    /// <summary>All phrases in file order.</summary>
    public ImmutableArray<DiscardPhrase> Phrases { get; }

    /// <summary>Number of phrases that discard only the sentence.</summary>
    public int SentenceDiscardCount => Phrases.Count(p => !p.DiscardsStory);

    /// <summary>Number of phrases that discard the whole story.</summary>
    public int StoryDiscardCount => Phrases.Count(p => p.DiscardsStory);

    /// <summary>The phrases whose first word is <paramref name="firstWord"/> (case-insensitive), longest first; empty when none. Does not allocate.</summary>
    public ImmutableArray<DiscardPhrase> FindPhrases(ReadOnlySpan<char> firstWord) => _lookup.TryGetValue(firstWord, out var phrases) ? phrases : [];
}

/// <summary>Reads PETRARCH discard lists: one phrase a line, <c>+</c> in front for a whole-story discard, <c>#</c> comments.</summary>
public static class DiscardListReader
{
    /// <summary>Reads the discard list at <paramref name="path"/>. A file that cannot be read gives an empty list and a <see cref="ErrorCodes.InputUnreadable"/> diagnostic.</summary>
    /// <param name="path">Path of the file; diagnostics name its file name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static ReadResult<DiscardList> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag(Path.GetFileName(path));
        var text = DictionaryText.ReadFile(path, bag);
        if (text is null)
        {
            return new ReadResult<DiscardList>(DiscardList.Empty, bag.ToImmutable());
        }

        using var reader = new StringReader(text);
        return Parse(reader, bag);
    }

    /// <summary>Reads a discard list from <paramref name="reader"/>; never throws for any content.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="sourceName">Name used as <see cref="Diagnostic.Source"/> and in <see cref="SourceLine.File"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ReadResult<DiscardList> Parse(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Parse(reader, new DiagnosticBag(sourceName));
    }

    private static ReadResult<DiscardList> Parse(TextReader reader, DiagnosticBag bag)
    {
        var phrases = ImmutableArray.CreateBuilder<DiscardPhrase>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in DictionaryText.Lines(reader, bag, new LineOptions(SemicolonComments: false)))
        {
            var story = line.Text.StartsWith('+');
            var text = story ? line.Text[1..].Trim() : line.Text;
            var words = ImmutableArray.Create(text.ToUpperInvariant().Split([' ', '_', '\t'], StringSplitOptions.RemoveEmptyEntries));
            if (words.IsEmpty)
            {
                bag.Error(ErrorCodes.DictionaryLineSkipped, line.Number, $"Expected a phrase after '+', but '{DictionaryText.Shorten(line.Text)}' has none. The line was skipped.");
                continue;
            }

            var phrase = new DiscardPhrase(words, story, text, new SourceLine(bag.Source, line.Number));
            var key = phrase.ToString();
            if (seen.TryGetValue(key, out var first))
            {
                bag.Warn(ErrorCodes.DictionaryDuplicate, line.Number, $"Expected each discard phrase once, but '{key}' repeats line {first.ToString(System.Globalization.CultureInfo.InvariantCulture)}. The repeat was skipped; delete it.");
                continue;
            }

            seen[key] = line.Number;
            phrases.Add(phrase);
        }

        return new ReadResult<DiscardList>(new DiscardList(phrases.ToImmutable()), bag.ToImmutable());
    }
}
