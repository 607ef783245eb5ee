using Dyad.Analysis;
using Dyad.Coding.Coding;
using Dyad.Coding.Dictionaries;
using Dyad.Geo;
using Dyad.Nlp;

namespace Dyad.Cli.Tests;

/// <summary>One analyzer for the tests that drive the analysis directly: the committed models, Dyad's knowledge base and its gazetteer.</summary>
internal static class TestAnalyzer
{
    /// <summary>The analyzer, loaded once for the test run.</summary>
    public static Lazy<ArticleAnalyzer> Shared { get; } = new(() =>
    {
        var root = RepositoryRoot;
        var gazetteer = Gazetteer.FindDefaultPath(root);
        return new ArticleAnalyzer(
            Pipeline.Load(Path.Combine(root, "models", "en")),
            new EventCoder(DictionarySet.LoadKnowledgeBase(Path.Combine(root, "data", "kb"))),
            gazetteer is null ? null : new Geocoder(Gazetteer.Load(gazetteer)));
    });

    /// <summary>The repository's root (the folder of Dyad.slnx).</summary>
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dyad.slnx")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Dyad.slnx not found");
        }
    }
}
