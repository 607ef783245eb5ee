using System.Collections.Immutable;

namespace Dyad.Coding.Dictionaries;

/// <summary>Paths of the dictionary files of one coding environment; a null or empty entry means "none".</summary>
public sealed record DictionaryFiles
{
    /// <summary>The verb dictionary, such as CAMEO.2.0.txt.</summary>
    public string? Verbs { get; init; }

    /// <summary>The actor dictionaries, read in this order (earlier files' phrases come first among equal lengths).</summary>
    public ImmutableArray<string> Actors { get; init; } = [];

    /// <summary>The agent dictionaries, read in this order.</summary>
    public ImmutableArray<string> Agents { get; init; } = [];

    /// <summary>The discard list.</summary>
    public string? Discards { get; init; }

    /// <summary>The issues file.</summary>
    public string? Issues { get; init; }

    /// <summary>The internal coding ontology (PICO) file.</summary>
    public string? Ontology { get; init; }

    /// <summary>The Phoenix dictionaries under <paramref name="directory"/>, by their usual file names.</summary>
    /// <param name="directory">The folder holding CAMEO.2.0.txt, the three Phoenix.*.actors.txt files and the others.</param>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    public static DictionaryFiles Phoenix(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return new DictionaryFiles
        {
            Verbs = Path.Combine(directory, "CAMEO.2.0.txt"),
            Actors = [Path.Combine(directory, "Phoenix.Countries.actors.txt"), Path.Combine(directory, "Phoenix.International.actors.txt"), Path.Combine(directory, "Phoenix.MilNonState.actors.txt")],
            Agents = [Path.Combine(directory, "Phoenix.agents.txt")],
            Discards = Path.Combine(directory, "Phoenix.discards.txt"),
            Issues = Path.Combine(directory, "Phoenix.IssueCoding.txt"),
            Ontology = Path.Combine(directory, "PETR.Internal.Coding.Ontology.txt"),
        };
    }
}

/// <summary>Every dictionary of a coding environment, loaded together, with all their diagnostics.</summary>
/// <remarks>Immutable and safe to share between threads. A missing file gives an empty component and a diagnostic.</remarks>
public sealed class DictionarySet
{
    internal DictionarySet(VerbDictionary verbs, ActorDictionary actors, AgentDictionary agents, DiscardList discards, IssueDictionary issues, CodingOntology ontology, ImmutableArray<Diagnostic> diagnostics)
    {
        Verbs = verbs;
        Actors = actors;
        Agents = agents;
        Discards = discards;
        Issues = issues;
        Ontology = ontology;
        Diagnostics = diagnostics;
    }

    /// <summary>The verb dictionary (empty when none was given).</summary>
    public VerbDictionary Verbs { get; }

    /// <summary>All actor dictionaries combined, in file order.</summary>
    public ActorDictionary Actors { get; }

    /// <summary>All agent dictionaries combined, in file order.</summary>
    public AgentDictionary Agents { get; }

    /// <summary>The discard list.</summary>
    public DiscardList Discards { get; }

    /// <summary>The issues.</summary>
    public IssueDictionary Issues { get; }

    /// <summary>The internal coding ontology.</summary>
    public CodingOntology Ontology { get; }

    /// <summary>The diagnostics of all files: verbs, actors, agents, discards, issues, ontology, each in file order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Reads every file of <paramref name="files"/>, in parallel; never throws for file content.</summary>
    /// <param name="files">The paths.</param>
    /// <param name="style">Rules for generated verb forms and plurals.</param>
    /// <exception cref="ArgumentNullException"><paramref name="files"/> is null.</exception>
    public static DictionarySet Load(DictionaryFiles files, InflectionStyle style = InflectionStyle.English)
    {
        ArgumentNullException.ThrowIfNull(files);
        var verbs = Task.Run(() => string.IsNullOrEmpty(files.Verbs) ? Empty(VerbDictionary.Empty) : VerbDictionaryReader.Read(files.Verbs, style));
        var actors = files.Actors.Where(p => !string.IsNullOrEmpty(p)).Select(p => Task.Run(() => ActorDictionaryReader.Read(p))).ToList();
        var others = Task.Run(() => (
            Agents: files.Agents.Where(p => !string.IsNullOrEmpty(p)).Select(p => AgentDictionaryReader.Read(p, style)).ToList(),
            Discards: string.IsNullOrEmpty(files.Discards) ? Empty(DiscardList.Empty) : DiscardListReader.Read(files.Discards),
            Issues: string.IsNullOrEmpty(files.Issues) ? Empty(IssueDictionary.Empty) : IssueDictionaryReader.Read(files.Issues, style),
            Ontology: string.IsNullOrEmpty(files.Ontology) ? Empty(CodingOntology.Empty) : CodingOntologyReader.Read(files.Ontology)));
        Task.WaitAll([verbs, others, .. actors]);

        var rest = others.Result;
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        diagnostics.AddRange(verbs.Result.Diagnostics);
        diagnostics.AddRange(actors.SelectMany(a => a.Result.Diagnostics));
        diagnostics.AddRange(rest.Agents.SelectMany(a => a.Diagnostics));
        diagnostics.AddRange(rest.Discards.Diagnostics);
        diagnostics.AddRange(rest.Issues.Diagnostics);
        diagnostics.AddRange(rest.Ontology.Diagnostics);
        return new DictionarySet(
            verbs.Result.Value,
            ActorDictionary.Combine(actors.Select(a => a.Result.Value)),
            AgentDictionary.Combine(rest.Agents.Select(a => a.Value)),
            rest.Discards.Value,
            rest.Issues.Value,
            rest.Ontology.Value,
            diagnostics.ToImmutable());
    }

    /// <summary>
    /// Reads Dyad's own knowledge base (the format of <c>data/kb/README.md</c>: countries.txt, agents.txt,
    /// organisations.txt, people.txt, discards.txt and verbs/*.txt), one task per file, into the same structures
    /// <see cref="Load"/> makes; the issues and the ontology are empty. Never throws for file content: every line that
    /// cannot be read gives a diagnostic with its file (relative to <paramref name="directory"/>) and line, and is
    /// skipped. A missing file counts as empty; a missing folder gives an empty set and a
    /// <see cref="ErrorCodes.InputUnreadable"/> diagnostic. <c>KnowledgeBaseLint</c> checks more.
    /// </summary>
    /// <param name="directory">The knowledge-base folder, such as <c>data/kb</c>.</param>
    /// <param name="style">Rules for the generated verb forms.</param>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    public static DictionarySet LoadKnowledgeBase(string directory, InflectionStyle style = InflectionStyle.English)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var (model, diagnostics) = KnowledgeBase.KnowledgeBaseReader.Read(directory);
        return KnowledgeBase.KnowledgeBaseBuilder.Build(model, diagnostics, style);
    }

    private static ReadResult<T> Empty<T>(T value) => new(value, []);
}
