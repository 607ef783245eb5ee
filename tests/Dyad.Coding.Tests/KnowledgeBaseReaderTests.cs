using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.Tests;

/// <summary>Dyad's knowledge-base format (data/kb/README.md) read into the coder's dictionaries, file kind by file kind.</summary>
public sealed class KnowledgeBaseReaderTests : IDisposable
{
    private readonly KnowledgeBaseFolder _kb = new();

    public void Dispose() => _kb.Dispose();

    private static string? CodeOf(DictionarySet set, string phrase, DateOnly? date = null)
    {
        var words = phrase.ToUpperInvariant().Split(' ');
        var found = set.Actors.FindPhrases(words[0]).FirstOrDefault(p => p.Words.SequenceEqual(words));
        return found is null ? null : date is { } d ? found.Entry.CodeOn(d) : found.Entry.DefaultCode;
    }

    [Theory]
    [InlineData("Iraq", "IRQ")]
    [InlineData("Republic of Iraq", "IRQ")]
    [InlineData("iraqis", "IRQ")]
    [InlineData("Baghdad", "IRQ")]
    [InlineData("Mosul", "IRQ")]
    [InlineData("Kremlin", "RUSGOV")]
    [InlineData("Singapore", "SGP")]
    public void Countries_NamesAdjectivesCapitalsAndCitiesCodeAsTheCountry_SeatsAsItsGovernment(string phrase, string code)
    {
        // Given
        _kb.Write("countries.txt",
            "# code | iso | names | adjectives | capitals | seats | cities",
            "IRQ | IQ | Iraq, Republic of Iraq | Iraqi, Iraqis | Baghdad | | Mosul, Basra",
            "RUS | RU | Russia | Russian | Moscow | the Kremlin |",
            "SGP | SG | Singapore | Singaporean | Singapore | |");

        // When
        var set = DictionarySet.LoadKnowledgeBase(_kb.Path);

        // Then
        Assert.Empty(set.Diagnostics);
        Assert.Equal(code, CodeOf(set, phrase));
        Assert.All(set.Actors.Entries.SelectMany(e => e.Phrases), p => Assert.False(p.EndsOpen));
        Assert.Single(set.Actors.FindPhrases("SINGAPORE"));
    }

    [Theory]
    [InlineData("IRQ | IQ | Iraq | Iraqi | Baghdad |", 2, "7 fields")]
    [InlineData(" | IQ | Iraq | Iraqi | Baghdad | |", 2, "no code")]
    [InlineData("IRQ | IQ | | Iraqi | Baghdad | |", 2, "no name")]
    public void Countries_MalformedLine_IsReportedWithFileAndLineAndReadingGoesOn(string bad, int line, string reason)
    {
        // Given a bad line between two good ones
        _kb.Write("countries.txt", "USA | US | United States | American | Washington | White House |", bad, "RUS | RU | Russia | Russian | Moscow | | ");

        // When
        var set = DictionarySet.LoadKnowledgeBase(_kb.Path);

        // Then
        var diagnostic = Assert.Single(set.Diagnostics);
        Assert.Equal((ErrorCodes.KnowledgeBaseLineSkipped, Severity.Error, "countries.txt", "line " + line), (diagnostic.Code, diagnostic.Severity, diagnostic.Source, diagnostic.Location));
        Assert.Contains(reason, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("USAGOV", CodeOf(set, "White House"));
        Assert.Equal("RUS", CodeOf(set, "Russia"));
    }

    [Fact]
    public void Agents_EachPhraseGetsItsLineCode_TildeAfterMakesAPrefix()
    {
        // Given
        _kb.Write("agents.txt", "MIL | army, armies, armed forces", "GOVMIL | defence ministry", "IGO~ | intergovernmental body", "bad line without a bar", "MIL |");

        // When
        var set = DictionarySet.LoadKnowledgeBase(_kb.Path);

        // Then
        Assert.Equal(["ARMY", "ARMIES", "ARMED FORCES", "DEFENCE MINISTRY", "INTERGOVERNMENTAL BODY"], set.Agents.Phrases.Select(p => string.Join(' ', p.Words)));
        Assert.Equal("IRQMIL", set.Agents.FindPhrases("armed").Single().Apply("IRQ"));
        Assert.Equal("RUSGOVMIL", set.Agents.FindPhrases("DEFENCE").Single().Apply("RUS"));
        Assert.Equal("IGOUNO", set.Agents.FindPhrases("intergovernmental").Single().Apply("UNO"));
        Assert.Equal(["line 4", "line 5"], set.Diagnostics.Select(d => d.Location));
        Assert.All(set.Diagnostics, d => Assert.Equal("agents.txt", d.Source));
    }

    [Fact]
    public void Organisations_EveryAliasCodesTheLine()
    {
        // Given
        _kb.Write("organisations.txt", "IGOUNO | United Nations, UN, U.N.", "IGOWSTNAT | NATO, North Atlantic Treaty Organization");

        // When
        var set = DictionarySet.LoadKnowledgeBase(_kb.Path);

        // Then
        Assert.Empty(set.Diagnostics);
        Assert.Equal("IGOUNO", CodeOf(set, "U.N."));
        Assert.Equal("IGOWSTNAT", CodeOf(set, "north atlantic treaty organization"));
    }

    [Theory]
    [InlineData("1999-12-31", null)]
    [InlineData("2000-01-01", "AAAGOV")]
    [InlineData("2004-12-30", "AAAGOV")]
    [InlineData("2004-12-31", "AAAMIL")]
    [InlineData("2005-01-01", "AAAMIL")]
    [InlineData("2006-01-01", "AAAGOVFRM")]
    [InlineData("2006-06-30", "AAAGOVFRM")]
    [InlineData("2006-07-01", "AAAMIL")]
    [InlineData("2008-12-31", "AAAMIL")]
    [InlineData("2009-01-01", null)]
    [InlineData("2012-05-07", "AAAOPP")]
    [InlineData("2040-01-01", "AAAOPP")]
    public void People_TheRoleHoldingOnTheDayWins_TheShorterWhenSeveralHold(string day, string? code)
    {
        // Given a person whose terms share a handover day (both hold; the shorter wins), with a role nested in another
        _kb.Write("people.txt",
            "Ann Example, Example",
            "  AAAGOV | 2000-01-01..2004-12-31 | minister",
            "  AAAMIL | 2004-12-31..2008-12-31 | general",
            "\tAAAGOVFRM | 2006-01-01..2006-06-30 | acting foreign minister",
            "  AAAOPP | 2012-05-07.. | opposition leader");

        // When
        var set = DictionarySet.LoadKnowledgeBase(_kb.Path);

        // Then
        Assert.Empty(set.Diagnostics);
        var date = DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(code, CodeOf(set, "Ann Example", date));
        Assert.Equal(code, CodeOf(set, "Example", date));
        Assert.Null(CodeOf(set, "Example"));
    }

    [Fact]
    public void People_TwoPeopleSharingASurname_EachCodesInTheirOwnYears()
    {
        // Given
        _kb.Write("people.txt", "Old Smith, Smith", "  AAAGOV | 1990-01-01..1995-12-31 | president", "New Smith, Smith", "  BBBGOV | 2001-01-01..2009-12-31 | president");

        // When
        var set = DictionarySet.LoadKnowledgeBase(_kb.Path);
        string? On(int year) => set.Actors.FindPhrases("SMITH").Select(p => p.Entry.CodeOn(new DateOnly(year, 6, 1))).FirstOrDefault(c => c is not null);

        // Then
        Assert.Equal(("AAAGOV", "BBBGOV", (string?)null), (On(1992), On(2005), On(1998)));
    }

    [Theory]
    [InlineData("  AAAGOV | 2000-01-01..1999-01-01 | reversed", ErrorCodes.DateRangeInvalid, 2)]
    [InlineData("  AAAGOV | 2000-02-30.. | no such day", ErrorCodes.DateRangeInvalid, 2)]
    [InlineData("  AAAGOV | 2000-01-01 | no dots", ErrorCodes.DateRangeInvalid, 2)]
    [InlineData("  AAAGOV", ErrorCodes.KnowledgeBaseLineSkipped, 2)]
    [InlineData("AAAGOV | 2000-01-01.. | not indented", ErrorCodes.KnowledgeBaseLineSkipped, 2)]
    public void People_BadRoleLine_IsReportedAndTheOtherRolesAreRead(string bad, string code, int line)
    {
        // Given
        _kb.Write("people.txt", "Ann Example", bad, "  AAAMIL | 2001-01-01..2002-01-01 | general", "Bob Example", "  BBBGOV | .. | always");

        // When
        var set = DictionarySet.LoadKnowledgeBase(_kb.Path);

        // Then
        var diagnostic = Assert.Single(set.Diagnostics);
        Assert.Equal((code, "people.txt", "line " + line), (diagnostic.Code, diagnostic.Source, diagnostic.Location));
        Assert.Equal("BBBGOV", CodeOf(set, "Bob Example"));
        if (bad.StartsWith(' '))
        {
            Assert.Equal("AAAMIL", CodeOf(set, "Ann Example", new DateOnly(2001, 6, 1)));
        }
    }

    [Fact]
    public void People_RoleLineBeforeAnyName_IsSkipped()
    {
        // Given
        _kb.Write("people.txt", "  AAAGOV | 2000-01-01.. | orphan", "Ann Example", "  AAAGOV | 2000-01-01.. | minister");

        // When
        var set = DictionarySet.LoadKnowledgeBase(_kb.Path);

        // Then
        Assert.Equal("line 1", Assert.Single(set.Diagnostics).Location);
        Assert.Single(Assert.Single(set.Actors.Entries).Roles);
    }

    [Fact]
    public void Discards_SentenceAndStoryPhrasesMatchWholeWords()
    {
        // Given
        _kb.Write("discards.txt", "sentence | football match", "story | horoscope", "Story | Box Scores", "banana | split", "sentence |");

        // When
        var set = DictionarySet.LoadKnowledgeBase(_kb.Path);

        // Then
        Assert.Equal(["FOOTBALL MATCH", "+HOROSCOPE", "+BOX SCORES"], set.Discards.Phrases.Select(p => p.ToString()));
        Assert.All(set.Discards.Phrases, p => Assert.True(p.LastWordWhole));
        Assert.Equal(["line 4", "line 5"], set.Diagnostics.Select(d => d.Location));
    }

    [Fact]
    public void Verbs_LemmasGetRegularFormsAndBracedPastForms_PatternsGetTheirCodes()
    {
        // Given
        _kb.Write("verbs/04-consult.txt",
            "verb visit, tour = 042",
            "  * +                  = 042",
            "  * (to +)             = 042:043   # passive code after the colon",
            "verb pay {paid paid} = ---",
            "  * visit (to +)       = 042",
            "verb call for = 040",
            "  * &TALKS             = 040");
        _kb.Write("verbs/05-cooperate.txt",
            "set &TALKS = talks, negotiations, {peace talks}",
            "verb pay = ---",
            "  * tribute (to +)     = 051");

        // When
        var set = DictionarySet.LoadKnowledgeBase(_kb.Path);

        // Then
        Assert.Empty(set.Diagnostics);
        var verbs = set.Verbs;
        Assert.Equal(["VISIT", "VISITS", "VISITING", "VISITED"], verbs.FindForms("VISITED").Single().Entry.Forms.Select(f => f.Word));
        Assert.Equal(["PAY", "PAYS", "PAYING", "PAID"], verbs.FindForms("PAID").Single().Entry.Forms.Select(f => f.Word));
        Assert.Empty(verbs.FindForms("PAYED"));
        Assert.Equal(["FOR"], verbs.FindForms("CALLED").Single().After);
        var visit = verbs.FindForms("TOURING").Single().Entry.Block;
        Assert.Equal(new VerbCode("042", null), visit.Code);
        Assert.Equal(["- * + [042]", "- * (TO +) [042:043]"], visit.Patterns.Select(p => p.ToString()));
        Assert.Equal("passive code after the colon", visit.Patterns[1].Comment);
        Assert.Equal(("verbs/04-consult.txt", 3), (visit.Patterns[1].Source.File, visit.Patterns[1].Source.Line));

        // the verb of two files gets the patterns of both
        var pay = verbs.FindForms("PAYS").Single().Entry.Block;
        Assert.Equal(["- * VISIT (TO +) [042]", "- * TRIBUTE (TO +) [051]"], pay.Patterns.Select(p => p.ToString()));
        Assert.True(pay.Code.IsNull);

        var talks = verbs.FindSynonymSet("&TALKS");
        Assert.NotNull(talks);
        Assert.Equal(["talks", "negotiations", "{peace talks}"], talks.Members.Select(m => m.Text));
        Assert.Equal(["NEGOTIATIONS"], talks.Members[1].Words);
        Assert.Empty(talks.Members[2].Words);
        Assert.All(verbs.Blocks.SelectMany(b => b.Patterns), p => Assert.True(p.IsUsable));
    }

    [Theory]
    [InlineData("  * + = 042", ErrorCodes.KnowledgeBaseLineSkipped, "under a 'verb")]
    [InlineData("visit + = 042", ErrorCodes.KnowledgeBaseLineSkipped, "Expected 'verb")]
    [InlineData("verb = 042", ErrorCodes.KnowledgeBaseLineSkipped, "lemma")]
    [InlineData("verb go {went went gone} = 042", ErrorCodes.KnowledgeBaseLineSkipped, "braces hold 3")]
    [InlineData("set WEAPONS = arms", ErrorCodes.KnowledgeBaseLineSkipped, "set &NAME")]
    public void Verbs_MalformedLine_IsReportedAndTheNextVerbIsRead(string bad, string code, string reason)
    {
        // Given
        _kb.Write("verbs/04-consult.txt", bad, "verb visit = 042", "  * + = 042");

        // When
        var set = DictionarySet.LoadKnowledgeBase(_kb.Path);

        // Then
        var diagnostic = Assert.Single(set.Diagnostics);
        Assert.Equal((code, "verbs/04-consult.txt", "line 1"), (diagnostic.Code, diagnostic.Source, diagnostic.Location));
        Assert.Contains(reason, diagnostic.Message, StringComparison.Ordinal);
        Assert.Single(set.Verbs.FindForms("VISITS").Single().Entry.Block.Patterns);
    }

    [Theory]
    [InlineData("  + + = 042", ErrorCodes.PatternUnmatchable, false)]
    [InlineData("  * * + = 042", ErrorCodes.PatternUnmatchable, false)]
    [InlineData("  * + + = 042", ErrorCodes.PatternUnmatchable, true)]
    [InlineData("  * {+ aid} = 042", ErrorCodes.PatternUnmatchable, true)]
    [InlineData("  * &NOWHERE = 042", ErrorCodes.SynonymSetUndefined, true)]
    [InlineData("  * (to + = 042", ErrorCodes.KnowledgeBaseLineSkipped, false)]
    [InlineData("  * + = 42x", ErrorCodes.KnowledgeBaseLineSkipped, false)]
    [InlineData("  * +", ErrorCodes.KnowledgeBaseLineSkipped, false)]
    [InlineData("  * + = 195 ~m1", ErrorCodes.KnowledgeBaseLineSkipped, false)]
    public void Verbs_PatternThatCannotMatch_IsReportedAndKeptUnusableOrSkipped(string bad, string code, bool kept)
    {
        // Given
        _kb.Write("verbs/04-consult.txt", "verb visit = 042", "  * (to +) = 042", bad);

        // When
        var set = DictionarySet.LoadKnowledgeBase(_kb.Path);

        // Then
        var diagnostic = Assert.Single(set.Diagnostics);
        Assert.Equal((code, "line 3"), (diagnostic.Code, diagnostic.Location));
        var patterns = set.Verbs.FindForms("VISIT").Single().Entry.Block.Patterns;
        Assert.Equal(kept ? 2 : 1, patterns.Length);
        Assert.True(patterns[0].IsUsable);
        Assert.All(patterns.Skip(1), p => Assert.False(p.IsUsable));
    }

    [Fact]
    public void Verbs_ImpliedSourceAgent_IsReadFromTheCodeField()
    {
        // Given a pattern that says only armed forces do this
        _kb.Write("verbs/19-fight.txt", "verb bomb = 195", "  * + = 195 ~MIL", "  * (near +) = 195");

        // When
        var set = DictionarySet.LoadKnowledgeBase(_kb.Path);

        // Then the first pattern carries the agent, the second none
        Assert.Empty(set.Diagnostics);
        var patterns = set.Verbs.FindForms("BOMB").Single().Entry.Block.Patterns;
        Assert.Equal(["MIL", null], patterns.Select(p => p.SourceAgent));
        Assert.Equal("195", patterns[0].Code.Active);
    }

    [Fact]
    public void Load_MissingFilesAreEmpty_MissingFolderIsOneDiagnostic()
    {
        // Given an empty knowledge base, and a folder that does not exist
        var missing = Path.Combine(_kb.Path, "nothing-here");

        // When
        var empty = DictionarySet.LoadKnowledgeBase(_kb.Path);
        var none = DictionarySet.LoadKnowledgeBase(missing);

        // Then
        Assert.Empty(empty.Diagnostics);
        Assert.Empty(empty.Actors.Entries);
        Assert.Equal(ErrorCodes.InputUnreadable, Assert.Single(none.Diagnostics).Code);
        Assert.Empty(none.Verbs.Blocks);
        Assert.Throws<ArgumentNullException>(() => DictionarySet.LoadKnowledgeBase(null!));
    }

    [Fact]
    public void Load_InvalidUtf8AndCommentsAndBlankLines_AreHandled()
    {
        // Given a file with a comment after content, blank lines and a bad byte
        File.WriteAllBytes(Path.Combine(_kb.Path, "organisations.txt"), [.. "# orgs\n\nIGOUNO | United Nations # the UN\nNGOHRW | Human Rights Watch, HR\u00e9W\n"u8, 0xFF, (byte)'\n']);

        // When
        var set = DictionarySet.LoadKnowledgeBase(_kb.Path);

        // Then
        Assert.Equal("IGOUNO", CodeOf(set, "united nations"));
        Assert.Equal("NGOHRW", CodeOf(set, "HRéW"));
        Assert.Contains(set.Diagnostics, d => d.Code == ErrorCodes.InvalidUtf8);
    }
}
