using Dyad.Analysis.Validation;
using Dyad.Coding.Dictionaries;

namespace Dyad.Analysis.Tests;

/// <summary>Reads the real PETRARCH validation suite from ../shared/data/petrarch; skipped when that folder is absent.</summary>
public sealed class ValidationSuiteRealFileTests
{
    [Fact]
    public void RealSuite_ValidationSuiteReadsItsRecordsWithGoldCodings()
    {
        // Given the validation suite
        TestData.RequireSuite();

        // When
        var result = ValidationSuiteReader.Read(Path.Combine(TestData.SuiteFolder, "PETR_Validate_records_2_02.xml"));

        // Then about 275 records, each with text, a 10-field parse and gold codings
        var records = result.Value.Records;
        Assert.InRange(records.Length, 265, 285);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.All(records, r =>
        {
            Assert.NotEmpty(r.Id);
            Assert.NotEmpty(r.Text);
            Assert.NotNull(r.Date);
            Assert.NotEmpty(r.Codings);
        });
        var parseProblems = new List<Diagnostic>();
        Assert.All(records, r => Assert.NotEmpty(r.ParseRows(parseProblems)));
        Assert.Empty(parseProblems);
        var events = records.SelectMany(r => r.Events).ToList();
        Assert.InRange(events.Count, 300, 360);
        Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.SourceCode) || string.IsNullOrEmpty(e.TargetCode)));
        Assert.Contains(records, r => r.ExpectsNoEvents);
        Assert.Contains(records, r => r.ExpectedError is not null);
        Assert.Contains(records, r => !r.Options.IsEmpty);
    }

    [Fact]
    public void RealSuite_DatedRolesAgreeWithTheSuitesGoldSources()
    {
        // Given the suite's DATE records, whose sentences start with a dated actor, and the suite's actor dictionary
        TestData.RequireSuite();
        var suite = ValidationSuiteReader.Read(Path.Combine(TestData.SuiteFolder, "PETR_Validate_records_2_02.xml")).Value;
        var actors = DictionarySet.Load(suite.DictionaryFiles).Actors;
        var checkedRecords = 0;

        foreach (var record in suite.Records.Where(r => r.Category == "DATE" && r.Events.Any()))
        {
            var words = record.Text.ToUpperInvariant().Split(' ').Select(w => w.Trim(',', '.', '\'')).ToArray();
            var phrase = actors.FindPhrases(words[0]).FirstOrDefault(p => p.Words.Length <= words.Length && p.Words.SequenceEqual(words.Take(p.Words.Length)));
            if (phrase is null)
            {
                continue;
            }

            // When the role is resolved on the story's date
            var code = phrase.Entry.CodeOn(record.Date!.Value);

            // Then it is the gold source code (range ends inclusive, narrower ranges first)
            Assert.Contains(code, record.Events.Select(e => e.SourceCode));
            checkedRecords++;
        }

        Assert.True(checkedRecords >= 15, $"only {checkedRecords} DATE records could be checked");
    }

    [Fact]
    public void RealSuite_ValidationEnvironmentLoadsItsDictionaries()
    {
        // Given the suite's <Environment>
        TestData.RequireSuite();
        var suite = ValidationSuiteReader.Read(Path.Combine(TestData.SuiteFolder, "PETR_Validate_records_2_02.xml")).Value;

        // When
        var set = DictionarySet.Load(suite.DictionaryFiles);

        // Then every named file was found and read
        Assert.DoesNotContain(set.Diagnostics, d => d.Code == ErrorCodes.InputUnreadable);
        Assert.InRange(set.Verbs.Blocks.Length, 50, 100);
        Assert.InRange(set.Verbs.PatternCount, 300, 400);
        Assert.InRange(set.Actors.Entries.Length, 100, 200);
        Assert.InRange(set.Agents.Phrases.Length, 100, 300);
        Assert.InRange(set.Discards.Phrases.Length, 5, 15);
        Assert.InRange(set.Ontology.Entries.Length, 250, 300);
        Assert.True(suite.Environment.Include.Length > 0);
    }
}
