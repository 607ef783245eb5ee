using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.Tests;

/// <summary>Reads the real PETRARCH files from ../shared/data/petrarch; skipped when that folder is absent.</summary>
public sealed class RealFileTests
{
    private static readonly Lazy<DictionarySet> Phoenix = new(() => DictionarySet.Load(DictionaryFiles.Phoenix(TestData.PhoenixFolder)));

    [Fact]
    public void RealFiles_PhoenixDictionariesLoadWithPlausibleCounts()
    {
        // Given the Phoenix dictionaries
        TestData.RequireSharedData();

        // When
        var set = Phoenix.Value;

        // Then every component holds about what the files hold
        Assert.InRange(set.Verbs.Blocks.Length, 350, 450);
        Assert.InRange(set.Verbs.Blocks.Sum(b => b.Verbs.Length), 1500, 2500);
        Assert.InRange(set.Verbs.PatternCount, 4000, 5000);
        Assert.InRange(set.Verbs.SynonymSets.Length, 30, 60);
        Assert.InRange(set.Verbs.Transformations.Length, 5, 20);
        Assert.InRange(set.Actors.Entries.Length, 20_000, 35_000);
        Assert.InRange(set.Actors.RoleCount, 30_000, 45_000);
        Assert.InRange(set.Agents.Phrases.Length, 3_000, 8_000);
        Assert.InRange(set.Discards.Phrases.Length, 400, 600);
        Assert.InRange(set.Discards.StoryDiscardCount, 50, 400);
        Assert.InRange(set.Issues.Rules.Length, 2_500, 4_000);
        Assert.InRange(set.Issues.Categories.Length, 40, 70);
        Assert.InRange(set.Ontology.Entries.Length, 250, 300);
        Assert.DoesNotContain(set.Diagnostics, d => d.Code == ErrorCodes.InputUnreadable);
    }

    [Fact]
    public void RealFiles_EveryDiagnosticNamesAFileAndLine()
    {
        // Given the Phoenix dictionaries
        TestData.RequireSharedData();

        // When
        var diagnostics = Phoenix.Value.Diagnostics;

        // Then
        Assert.All(diagnostics, d =>
        {
            Assert.EndsWith(".txt", d.Source, StringComparison.Ordinal);
            Assert.Matches("^line [1-9][0-9]*$", d.Location);
            Assert.StartsWith("Expected", d.Message, StringComparison.Ordinal);
            Assert.True(ErrorCodes.Descriptions.ContainsKey(d.Code), d.Code);
        });
    }

    [Fact]
    public void RealFiles_VerbIndexReachesEveryFormAndPatternsKeepTheirLines()
    {
        // Given the CAMEO verb dictionary
        TestData.RequireSharedData();
        var verbs = Phoenix.Value.Verbs;

        // When / Then every form is found by its verb word, and every pattern cites a line of CAMEO.2.0.txt
        foreach (var form in verbs.Blocks.SelectMany(b => b.Verbs).SelectMany(v => v.Forms))
        {
            Assert.Contains(form, verbs.FindForms(form.Word));
        }

        Assert.All(verbs.Blocks.SelectMany(b => b.Patterns), p => Assert.Equal("CAMEO.2.0.txt", p.Source.File));
        Assert.Equal(verbs.PatternCount, verbs.Blocks.SelectMany(b => b.Patterns).Select(p => p.Source.Line).Distinct().Count());
    }

    [Fact]
    public void RealFiles_DatedRolesResolveToTheMostSpecificHoldingRole()
    {
        // Given every actor with dated roles
        TestData.RequireSharedData();
        var entries = Phoenix.Value.Actors.Entries.Where(e => e.Roles.Any(r => !r.Range.IsUndated));

        foreach (var entry in entries)
        {
            foreach (var day in entry.Roles.SelectMany(r => new[] { r.Range.From, r.Range.To }).OfType<DateOnly>())
            {
                // When
                var role = entry.RoleOn(day);

                // Then a role holds on each range end, and no holding role is more specific
                Assert.NotNull(role);
                Assert.True(role.Range.Contains(day));
                Assert.DoesNotContain(entry.Roles, r => r.Range.Contains(day) && r.Range.Specificity > role.Range.Specificity);
            }
        }
    }
}
