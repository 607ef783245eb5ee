using Dyad.Coding.KnowledgeBase;

namespace Dyad.Coding.Tests;

/// <summary>Each kind of lint finding fires on a knowledge base that has it, and a clean one gives none.</summary>
public sealed class KnowledgeBaseLintTests : IDisposable
{
    private static readonly string[] Countries =
    [
        "IRQ | IQ | Iraq | Iraqi, Iraqis | Baghdad | | Mosul",
        "RUS | RU | Russia | Russian | Moscow | Kremlin |",
        "SGP | SG | Singapore | Singaporean | Singapore | |",
    ];

    private static readonly string[] Agents = ["MIL | army, troops", "GOV | government", "FRM | foreign ministry"];

    private readonly KnowledgeBaseFolder _kb = new();

    public void Dispose() => _kb.Dispose();

    /// <summary>A clean knowledge base; a test then overwrites one file with its bad version.</summary>
    private KnowledgeBaseFolder Clean() => _kb
        .Write("countries.txt", Countries)
        .Write("agents.txt", Agents)
        .Write("organisations.txt", "IGOUNO | United Nations, UN")
        .Write("people.txt", "Vladimir Putin, Putin", "  RUSGOV | 2000-05-07..2008-05-07 | president", "  RUSGOV | 2008-05-08..2012-05-06 | prime minister")
        .Write("discards.txt", "sentence | football match", "story | horoscope")
        .Write("verbs/04-consult.txt", "set &TALKS = talks, {peace talks}", "verb visit, tour = 042", "  * +        = 042", "  * (to +)   = 042:043", "verb hold = ---", "  * &TALKS (with +) = 040");

    [Fact]
    public void Lint_CleanKnowledgeBase_HasNoFindingsAndCountsWhatItHolds()
    {
        // Given
        Clean();

        // When
        var report = KnowledgeBaseLint.Check(_kb.Path);

        // Then
        Assert.Empty(report.Findings);
        Assert.False(report.HasErrors);
        Assert.Equal(new KnowledgeBaseStats(Countries: 3, Agents: 3, Organisations: 1, People: 1, PersonRoles: 2, Verbs: 3, VerbPatterns: 3, SynonymSets: 1, Discards: 2, CameoCodesCovered: 3), report.Stats);
    }

    [Theory]
    [InlineData("verbs/04-consult.txt", "verb visit = 042\n  * + = 0999", ErrorCodes.EventCodeUnknown, 2)]
    [InlineData("verbs/04-consult.txt", "verb visit = 042\n  * + = 042:9999", ErrorCodes.EventCodeUnknown, 2)]
    [InlineData("verbs/04-consult.txt", "verb visit = 998\n  * + = 042", ErrorCodes.EventCodeUnknown, 1)]
    [InlineData("people.txt", "Ann Example\n  XYZGOV | 2000-01-01.. | minister", ErrorCodes.ActorCodeUnknown, 2)]
    [InlineData("people.txt", "Ann Example\n  IRQPOL | 2000-01-01.. | police chief", ErrorCodes.ActorCodeUnknown, 2)]
    [InlineData("people.txt", "Ann Example\n  IRQgov | 2000-01-01.. | minister", ErrorCodes.ActorCodeUnknown, 2)]
    [InlineData("agents.txt", "MIL | army\nGO | government", ErrorCodes.ActorCodeUnknown, 2)]
    [InlineData("organisations.txt", "IGOUN0 | United Nations", ErrorCodes.ActorCodeUnknown, 1)]
    [InlineData("countries.txt", "IRQ | IQ | Iraq | Iraqi | Baghdad | | Mosul\nSYR | SY | Syria | Syrian | Damascus | | Mosul\nRUS | RU | Russia | Russian | Moscow | Kremlin |", ErrorCodes.PhraseConflict, 2)]
    [InlineData("countries.txt", "IRQ | IQ | Iraq | Iraqi | Baghdad | Baghdad |\nRUS | RU | Russia | Russian | Moscow | Kremlin |", ErrorCodes.PhraseConflict, 1)]
    [InlineData("organisations.txt", "IGOUNO | United Nations, Russia", ErrorCodes.PhraseConflict, 1)]
    [InlineData("people.txt", "Old Smith, Smith\n  RUSGOV | 1990-01-01..1999-12-31\nNew Smith, Smith\n  IRQGOV | 1999-06-01..2004-12-31", ErrorCodes.PhraseConflict, 3)]
    [InlineData("people.txt", "Moscow\n  RUSGOV | 1990-01-01..1999-12-31", ErrorCodes.PhraseConflict, 1)]
    [InlineData("agents.txt", "MIL | army, troops\nGOV | government, troops", ErrorCodes.PhraseConflict, 2)]
    [InlineData("people.txt", "Ann Example\n  IRQGOV | 2005-01-01..2000-12-31", ErrorCodes.DateRangeInvalid, 2)]
    [InlineData("verbs/04-consult.txt", "verb visit = 042\n  + = 042", ErrorCodes.PatternUnmatchable, 2)]
    [InlineData("verbs/04-consult.txt", "verb visit = 042\n  * &NOWHERE = 042", ErrorCodes.SynonymSetUndefined, 2)]
    [InlineData("verbs/04-consult.txt", "verb visit = 042\n  * {+ aid} = 042", ErrorCodes.PatternUnmatchable, 2)]
    [InlineData("verbs/04-consult.txt", "verb visit = 042\n  * + (to +) = 042", ErrorCodes.PatternUnmatchable, 2)]
    [InlineData("verbs/04-consult.txt", "verb visit = ---", ErrorCodes.VerbCodesNothing, 1)]
    [InlineData("verbs/04-consult.txt", "verb visit = 042\n  * (to +) = 042\n  * (to +)   = 043", ErrorCodes.DictionaryDuplicate, 3)]
    [InlineData("verbs/04-consult.txt", "verb visit = 042\n  * + = 042\n  *   + = 042", ErrorCodes.DictionaryDuplicate, 3)]
    [InlineData("countries.txt", "IRQ | IQ | Iraq | Iraqi | Baghdad | Green Zone\nRUS | RU | Russia | Russian | Moscow | Kremlin |", ErrorCodes.KnowledgeBaseLineSkipped, 1)]
    public void Lint_EachKindOfError_IsFoundAtItsLine(string file, string content, string code, int line)
    {
        // Given a clean knowledge base with one file replaced by a bad version
        Clean().Write(file, content.Split('\n'));

        // When
        var report = KnowledgeBaseLint.Check(_kb.Path);

        // Then
        Assert.True(report.HasErrors, string.Join('\n', report.Findings));
        Assert.Contains(report.Findings, f => f.Code == code && f.File == file && f.Line == line && f.Severity == Severity.Error);
    }

    [Theory]
    [InlineData("countries.txt", "SGP | SG | Singapore | Singaporean | Singapore | |\nRUS | RU | Russia | Russian | Moscow | Kremlin |", null)]
    [InlineData("people.txt", "Old Smith, Smith\n  RUSGOV | 1990-01-01..1999-12-31\nNew Smith, Smith\n  IRQGOV | 1999-12-31..2004-12-31", null)]
    [InlineData("people.txt", "Ann Example\n  IRQGOV | 2000-01-01..2008-12-31\n  IRQMIL | 2004-01-01..2005-12-31\n  IRQFRM | 2008-12-31..", null)]
    [InlineData("people.txt", "Ann Example\n  IRQGOV | 2000-01-01..2005-12-31\n  IRQGOV | 2004-01-01..2008-12-31", null)]
    [InlineData("people.txt", "Ann Example", ErrorCodes.ActorCodeMissing)]
    [InlineData("people.txt", "Ann Example\n  IRQGOV | 2000-01-01..2005-12-31\n  IRQMIL | 2004-01-01..2008-12-31", ErrorCodes.RoleOverlap)]
    [InlineData("verbs/04-consult.txt", "set &UNUSED = nothing\nverb visit = 042", ErrorCodes.SynonymSetUnused)]
    [InlineData("discards.txt", "sentence | football match\nstory | Football  Match", ErrorCodes.DictionaryDuplicate)]
    [InlineData("organisations.txt", "IGOUNO | United Nations\nIGOUNO | united nations", ErrorCodes.DictionaryDuplicate)]
    public void Lint_AllowedCasesAndWarnings_GiveNoError(string file, string content, string? warning)
    {
        // Given a name that is also the capital, a shared surname whose roles only meet on a handover day, nested or
        // same-code roles; or a warning case
        Clean().Write(file, content.Split('\n'));

        // When
        var report = KnowledgeBaseLint.Check(_kb.Path);

        // Then
        Assert.False(report.HasErrors, string.Join('\n', report.Findings));
        Assert.Equal(warning is null ? [] : [warning], report.Findings.Select(f => f.Code));
    }

    [Fact]
    public void Lint_SeatsNeedAGovernmentAgent_AndFindingsPrintLikeACompiler()
    {
        // Given seats but no GOV in agents.txt
        Clean().Write("agents.txt", "MIL | army");

        // When
        var report = KnowledgeBaseLint.Check(_kb.Path);

        // Then the seat line and Putin's two RUSGOV roles are reported
        Assert.Equal([("countries.txt", 2), ("people.txt", 2), ("people.txt", 3)], report.Findings.Select(f => (f.File, f.Line)));
        Assert.All(report.Findings, f => Assert.Equal(ErrorCodes.ActorCodeUnknown, f.Code));
        var finding = report.Findings[0];
        Assert.StartsWith("countries.txt:2: error: Expected agents.txt to define GOV", finding.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("[DY3012]", finding.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_OneVerbInTwoFiles_PatternOrCodeConflictsAreErrors()
    {
        // Given "pay" in two files with the same pattern coded differently, and "visit" with two codes
        Clean()
            .Write("verbs/04-consult.txt", "verb pay {paid paid} = ---", "  * visit (to +) = 042", "verb visit = 042", "  * + = 042")
            .Write("verbs/05-cooperate.txt", "verb pay = ---", "  * visit (to +) = 051", "  * tribute (to +) = 051", "verb visit = 040", "  * (with +) = 040");

        // When
        var report = KnowledgeBaseLint.Check(_kb.Path);

        // Then
        Assert.Equal([("verbs/05-cooperate.txt", 2), ("verbs/05-cooperate.txt", 4)], report.Findings.Select(f => (f.File, f.Line)));
        Assert.All(report.Findings, f => Assert.Equal((Severity.Error, ErrorCodes.DictionaryDuplicate), (f.Severity, f.Code)));
    }

    [Fact]
    public void Lint_MissingFolder_IsOneError()
    {
        // When
        var report = KnowledgeBaseLint.Check(Path.Combine(_kb.Path, "none"));

        // Then
        Assert.Equal(ErrorCodes.InputUnreadable, Assert.Single(report.Findings).Code);
        Assert.Throws<ArgumentNullException>(() => KnowledgeBaseLint.Check(null!));
    }
}
