using Dyad.Coding.Coding;
using Dyad.Coding.Dictionaries;
using Dyad.Nlp.Conllu;

namespace Dyad.Coding.Tests;

/// <summary>The event coder on hand-written parses with invented dictionaries (Arnor, Gondor and friends).</summary>
public sealed partial class EventCoderTests : IDisposable
{
    private static readonly string[] Verbs =
    [
        "&PACT",
        "+TREATY",
        "+ACCORD",
        "--- MEET [040:040] ---",
        "MEET {MET MEETING MEETS}",
        "--- ATTACK [190] ---",
        "ATTACK",
        "--- SIGN [057] ---",
        "SIGN",
        "- * (WITH +) [0571]",
        "- * &PACT [0572]",
        "- * {ARMS DEAL} [0573]",
        "--- PRAISE [051] ---",
        "PRAISE",
        "- LOUDLY * [0512]",
        "- ELDERS * [0513]",
        "- NEITHER * [0514]",
        "--- SAY [---] ---",
        "SAY {SAID SAYS SAYING}",
        "--- URGE [023] ---",
        "URGE",
        "--- VOW [030] ---",
        "VOW",
        "- * WAR [190]",
        "--- SCOLD [110] ---",
        "SCOLD",
        "--- STATE [010] ---",
        "STATE",
        "--- FORGE [050] ---",
        "FORGE",
        "- * {NEW TIES} [051]",
        "--- EXPEL [174] ---",
        "EXPEL",
    ];

    private static readonly string[] Ontology = ["051:0x0080#Praise", "110:0xFFFF+0x0080#Scold"];

    private static readonly string[] Actors =
    [
        "ARNOR_ [ARN]",
        "GONDOR_ [GON]",
        "+MINAS_TIRITH",
        "ROHAN_ [ROH]",
        "THEODEN_",
        "\t[ROHGOV 20100101-20121231]",
        "\t[ROHREB >20130101]",
    ];

    private static readonly string[] Agents = ["SOLDIER [~MIL]", "MINISTER [~GOV]"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dyad-coder-" + Guid.NewGuid().ToString("N"));
    private readonly EventCoder _coder;

    public EventCoderTests()
    {
        Directory.CreateDirectory(_folder);
        string Write(string name, string[] lines)
        {
            var path = Path.Combine(_folder, name);
            File.WriteAllLines(path, lines);
            return path;
        }

        var files = new DictionaryFiles
        {
            Verbs = Write("verbs.txt", Verbs),
            Actors = [Write("actors.txt", Actors)],
            Agents = [Write("agents.txt", Agents)],
            Discards = Write("discards.txt", ["FOOTBALL MATCH", "+BALROG"]),
            Ontology = Write("ontology.txt", Ontology),
        };
        _coder = new EventCoder(DictionarySet.Load(files));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Builds a document from CoNLL-U rows written with single spaces: ID FORM LEMMA UPOS HEAD DEPREL (UPOS may carry XPOS and FEATS: <c>VERB/VBD</c>, <c>VERB/_/VerbForm=Fin</c>).</summary>
    private static Document Parse(params string[] rows)
    {
        var lines = rows.Select(r =>
        {
            var f = r.Split(' ');
            var tags = f[3].Split('/');
            return string.Join('\t', f[0], f[1], f[2], tags[0], tags.Length > 1 ? tags[1] : "_", tags.Length > 2 ? tags[2] : "_", f[4], f[5], "_", "_");
        });
        var diagnostics = new List<Diagnostic>();
        var sentences = ConlluReader.Read(new StringReader(string.Join('\n', lines) + "\n\n"), "test", diagnostics);
        Assert.Empty(diagnostics);
        return ConlluDocuments.ToDocument("test", sentences);
    }

    private string[] Code(Document document, DateOnly? date = null) => [.. _coder.Code(document, date).Events.Select(e => e.ToString())];

    [Fact]
    public void Coder_SimpleSubjectVerbObject_CodesSourceTargetAndBlockCode()
    {
        // Given
        var document = Parse("1 Arnor Arnor PROPN 2 nsubj", "2 attacked attack VERB 0 root", "3 Gondor Gondor PROPN 2 obj", "4 . . PUNCT 2 punct");

        // When
        var result = _coder.Code(document, null);

        // Then
        var coded = Assert.Single(result.Events);
        Assert.Equal("190 ARN GON", coded.ToString());
        Assert.Equal(1, coded.Verb);
        Assert.Equal(new TokenSpan(0, 1), coded.Source);
        Assert.Equal(new TokenSpan(2, 3), coded.Target);
        Assert.Null(coded.PatternRule);
        Assert.Equal(7, coded.VerbRule.Line);
    }

    [Fact]
    public void Coder_ReadyToAct_CodesTheIntentToAct()
    {
        // Given "Arnor is ready to attack Gondor": attack is 190; readiness turns it into a threat of conventional attack
        var document = Parse("1 Arnor Arnor PROPN 3 nsubj", "2 is be AUX 3 cop", "3 ready ready ADJ 0 root", "4 to to PART 5 mark", "5 attack attack VERB 3 xcomp", "6 Gondor Gondor PROPN 5 obj");

        // When
        var result = _coder.Code(document, null);

        // Then
        Assert.Equal(["1384 ARN GON"], result.Events.Select(e => e.ToString()));
        Assert.StartsWith("intent 'ready'", result.Events[0].Rule, StringComparison.Ordinal);
        Assert.Contains(result.Notes, n => n.Reason.Contains("190 becomes the intent 1384", StringComparison.Ordinal));
    }

    [Fact]
    public void Coder_ReadinessOfAPronoun_TakesTheSourceFromTheClause()
    {
        // Given "Arnor expressed its readiness to meet Gondor"
        var document = Parse("1 Arnor Arnor PROPN 2 nsubj", "2 expressed express VERB 0 root", "3 its its PRON 4 nmod:poss", "4 readiness readiness NOUN 2 obj", "5 to to PART 6 mark", "6 meet meet VERB 4 acl", "7 Gondor Gondor PROPN 6 obj");

        // When / Then: intent to meet, once (the reciprocal passive code of MEET does not apply to an intent)
        Assert.Equal(["036 ARN GON"], Code(document));
    }

    [Fact]
    public void Coder_ActionWithoutIntent_KeepsItsCode()
    {
        // Given "Arnor agreed and attacked Gondor": no infinitive, so no intent
        var document = Parse("1 Arnor Arnor PROPN 2 nsubj", "2 agreed agree VERB 0 root", "3 and and CCONJ 4 cc", "4 attacked attack VERB 2 conj", "5 Gondor Gondor PROPN 4 obj");

        // When / Then
        Assert.Equal(["190 ARN GON"], Code(document));
    }

    [Fact]
    public void Coder_AgentInAnAppositive_IsNotGluedToTheActor()
    {
        // Given "Arnor, an ally of the minister, attacked Gondor": the minister belongs to the appositive, not to Arnor
        var document = Parse("1 Arnor Arnor PROPN 8 nsubj", "2 , , PUNCT 4 punct", "3 an a DET 4 det", "4 ally ally NOUN 1 appos", "5 of of ADP 7 case", "6 the the DET 7 det", "7 minister minister NOUN 4 nmod", "8 attacked attack VERB 0 root", "9 Gondor Gondor PROPN 8 obj");

        // When / Then: ARN, not ARNGOV
        Assert.Equal(["190 ARN GON"], Code(document));
    }

    [Fact]
    public void Coder_ConjoinedVerbs_ShareTheLaterVerbsObject()
    {
        // Given "Arnor praised and attacked Gondor"
        var document = Parse("1 Arnor Arnor PROPN 2 nsubj", "2 praised praise VERB 0 root", "3 and and CCONJ 4 cc", "4 attacked attack VERB 2 conj", "5 Gondor Gondor PROPN 4 obj");

        // When / Then
        Assert.Equal(["051 ARN GON", "190 ARN GON"], Code(document));
    }

    [Fact]
    public void Coder_PassiveWithByPhrase_SwapsSourceAndTarget()
    {
        // Given "Gondor was attacked by Arnor"
        var document = Parse("1 Gondor Gondor PROPN 3 nsubj:pass", "2 was be AUX 3 aux:pass", "3 attacked attack VERB 0 root", "4 by by ADP 5 case", "5 Arnor Arnor PROPN 3 obl:agent");

        // When / Then
        Assert.Equal(["190 ARN GON"], Code(document));
    }

    [Theory]
    [InlineData("not")]
    [InlineData("never")]
    public void Coder_NegatedVerb_CodesNothingAndSaysWhy(string negation)
    {
        // Given
        var document = Parse("1 Arnor Arnor PROPN 3 nsubj", "2 " + negation + " " + negation + " PART 3 advmod", "3 attacked attack VERB 0 root", "4 Gondor Gondor PROPN 3 obj");

        // When
        var result = _coder.Code(document, null);

        // Then
        Assert.Empty(result.Events);
        Assert.Contains(result.Notes, n => n.Reason.Contains("negated", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not")]
    [InlineData("n't")]
    public void Coder_NegatedVerbWithOntologyNegation_CodesTheNegatedCode(string negation)
    {
        // Given "Arnor did not scold Gondor", where the ontology writes 110 as "not 051"
        var document = Parse("1 Arnor Arnor PROPN 4 nsubj", "2 did do AUX 4 aux", "3 " + negation + " not PART 4 neg", "4 scold scold VERB 0 root", "5 Gondor Gondor PROPN 4 obj");

        // When
        var result = _coder.Code(document, null);

        // Then
        Assert.Equal(["051 ARN GON"], result.Events.Select(e => e.ToString()));
        Assert.Contains(result.Notes, n => n.Reason.Contains("not 110 is 051", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1 Arnor Arnor PROPN 4 nsubj|2 and and CCONJ 3 cc|3 Gondor Gondor PROPN 1 conj|4 met meet VERB 0 root", "040 ARN GON;040 GON ARN")]
    [InlineData("1 Arnor Arnor PROPN 6 nsubj|2 , , PUNCT 1 punct|3 Rohan Rohan PROPN 1 appos|4 and and CCONJ 5 cc|5 Gondor Gondor PROPN 3 conj|6 met meet VERB 0 root", "040 ARN ROH;040 ARN GON;040 ROH ARN;040 ROH GON;040 GON ARN;040 GON ROH")]
    public void Coder_ReciprocalCodeWithCompoundSubjectAndNoTarget_PairsTheSubjects(string rows, string expected)
    {
        // Given "Arnor and Gondor met", or a comma list read as an appositive with conjuncts, and MEET coded [040:040]
        var document = Parse(rows.Split('|'));

        // When
        var coded = Code(document);

        // Then
        Assert.Equal(expected.Split(';').Order(StringComparer.Ordinal), coded.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("1 Arnor Arnor PROPN 2 nsubj|2 attacked attack VERB 0 root|3 roads road NOUN 2 dobj|4 leading lead VERB 3 acl|5 into into ADP 6 case|6 Gondor Gondor PROPN 4 nmod", "190 ARN GON")]
    [InlineData("1 Arnor Arnor PROPN 2 nsubj|2 attacked attack VERB 0 root|3 convoys convoy NOUN 2 dobj|4 from from ADP 5 case|5 Gondor Gondor PROPN 3 nmod", "190 ARN GON")]
    [InlineData("1 Arnor Arnor PROPN 2 nsubj|2 signed sign VERB 0 root|3 to to PART 4 mark|4 attack attack VERB 2 xcomp|5 Gondor Gondor PROPN 4 dobj", "190 ARN GON")]
    [InlineData("1 Arnor Arnor PROPN 2 nsubj|2 attacked attack VERB 0 root|3 positions position NOUN 2 dobj|4 against against ADP 5 case|5 besieged besiege VERB 3 nmod|6 Gondor Gondor PROPN 5 dobj|7 near near ADP 8 case|8 Rohan Rohan PROPN 5 nmod", "190 ARN GON")]
    public void Coder_TargetInsideTheObjectOrComplement_FoundUnlessAnotherCodedVerbOwnsIt(string rows, string expected)
    {
        // Given the target inside the object's noun phrase, or down a complement whose verb codes its own event
        var document = Parse(rows.Split('|'));

        // When
        var coded = Code(document);

        // Then
        Assert.Equal(expected.Split(';'), coded);
    }

    [Theory]
    [InlineData("1 Arnor Arnor PROPN 3 nsubj|2 loudly loudly ADV 3 advmod|3 praised praise VERB 0 root|4 Gondor Gondor PROPN 3 dobj", "051 ARN GON")]
    [InlineData("1 Arnor Arnor PROPN 2 compound|2 elders elder NOUN 3 nsubj|3 praised praise VERB 0 root|4 Gondor Gondor PROPN 3 dobj", "0513 ARN GON")]
    [InlineData("1 Loudly loudly ADV 2 advmod|2 said say VERB 0 root|3 Arnor Arnor PROPN 4 nsubj|4 praised praise VERB 2 ccomp|5 Gondor Gondor PROPN 4 dobj", "051 ARN GON")]
    public void Coder_PreVerbPatternWords_MatchOnlyTheClausesOwnPhrases(string rows, string expected)
    {
        // Given pre-verb pattern words LOUDLY and ELDERS: an adverb on the verb or a word of a governing clause does not
        // match, a word of the subject's noun phrase does
        var document = Parse(rows.Split('|'));

        // When
        var coded = Code(document);

        // Then
        Assert.Equal([expected], coded);
    }

    [Theory]
    [InlineData("1 Arnor Arnor PROPN 2 nsubj|2 said say VERB 0 root|3 it it PRON 4 nsubj|4 attacked attack VERB 2 ccomp|5 Gondor Gondor PROPN 4 dobj", "190 ARN GON")]
    [InlineData("1 Arnor Arnor PROPN 2 nsubj|2 vowed vow VERB 0 root|3 to to PART 4 mark|4 wage wage VERB 2 advcl|5 war war NOUN 4 dobj|6 on on ADP 7 case|7 Gondor Gondor PROPN 4 nmod", "190 ARN GON")]
    public void Coder_PronounSubjectOrInfinitiveAdverbialClause_ReachesTheGoverningClause(string rows, string expected)
    {
        // Given "Arnor said it attacked Gondor" (the pronoun stands for Arnor), or a target down "to wage war on Gondor"
        var document = Parse(rows.Split('|'));

        // When
        var coded = Code(document);

        // Then
        Assert.Equal([expected], coded);
    }

    [Theory]
    [InlineData("xcomp", 2)]
    [InlineData("acl", 3)]
    public void Coder_ObjectControlledComplement_IsContentNotAnEvent(string relation, int head)
    {
        // Given "Arnor urged Gondor to attack Rohan", the complement parsed on the verb or on the object
        var document = Parse("1 Arnor Arnor PROPN 2 nsubj", "2 urged urge VERB 0 root", "3 Gondor Gondor PROPN 2 dobj", "4 to to PART 5 mark", $"5 attack attack VERB {head} {relation}", "6 Rohan Rohan PROPN 5 dobj");

        // When
        var result = _coder.Code(document, null);

        // Then
        Assert.Equal(["023 ARN GON"], result.Events.Select(e => e.ToString()));
        Assert.Contains(result.Notes, n => n.Reason.Contains("is the content of", StringComparison.Ordinal));
    }

    [Fact]
    public void Coder_CompoundSubjectAndObject_OneEventPerPair()
    {
        // Given "Arnor and Rohan attacked Gondor and Minas Tirith's ally" reduced to plain conjuncts
        var document = Parse(
            "1 Arnor Arnor PROPN 4 nsubj",
            "2 and and CCONJ 3 cc",
            "3 Gondor Gondor PROPN 1 conj",
            "4 praised praise VERB 0 root",
            "5 Rohan Rohan PROPN 4 obj");

        // When / Then
        Assert.Equal(["051 ARN ROH", "051 GON ROH"], Code(document));
    }

    [Fact]
    public void Coder_PairedCode_CodesBothDirections()
    {
        // Given
        var document = Parse("1 Arnor Arnor PROPN 2 nsubj", "2 met meet VERB 0 root", "3 Gondor Gondor PROPN 2 obj");

        // When / Then
        Assert.Equal(["040 ARN GON", "040 GON ARN"], Code(document));
    }

    [Theory]
    [InlineData(2011, "ROHGOV")]
    [InlineData(2014, "ROHREB")]
    public void Coder_DatedRole_ResolvedOnTheStoryDate(int year, string expected)
    {
        // Given
        var document = Parse("1 Theoden Theoden PROPN 2 nsubj", "2 attacked attack VERB 0 root", "3 Gondor Gondor PROPN 2 obj");

        // When / Then
        Assert.Equal([$"190 {expected} GON"], Code(document, new DateOnly(year, 6, 1)));
    }

    [Fact]
    public void Coder_AgentWithActor_CombinesCodes()
    {
        // Given "Arnor soldiers attacked Gondor"
        var document = Parse("1 Arnor Arnor PROPN 2 compound", "2 soldiers soldier NOUN 3 nsubj", "3 attacked attack VERB 0 root", "4 Gondor Gondor PROPN 3 obj");

        // When / Then
        Assert.Equal(["190 ARNMIL GON"], Code(document));
    }

    [Fact]
    public void Coder_PrepositionPattern_TakesTargetFromThePhrase()
    {
        // Given "Arnor signed with Gondor"
        var document = Parse("1 Arnor Arnor PROPN 2 nsubj", "2 signed sign VERB 0 root", "3 with with ADP 4 case", "4 Gondor Gondor PROPN 2 obl");

        // When
        var coded = Assert.Single(_coder.Code(document, null).Events);

        // Then
        Assert.Equal("0571 ARN GON", coded.ToString());
        Assert.Equal(10, coded.PatternRule?.Line);
    }

    [Fact]
    public void Coder_SynonymSetPattern_Matches()
    {
        // Given "Arnor signed an accord with Gondor": (WITH +) and &PACT both match; the set pattern is as specific, the first in the file wins
        var document = Parse("1 Arnor Arnor PROPN 2 nsubj", "2 signed sign VERB 0 root", "3 accord accord NOUN 2 obj", "4 Gondor Gondor PROPN 2 iobj");

        // When / Then
        Assert.Equal(["0572 ARN GON"], Code(document));
    }

    [Theory]
    [InlineData("1 Arnor Arnor PROPN 2 nsubj|2 signed sign VERB 0 root|3 an a DET 5 det|4 arms arms NOUN 5 compound|5 deal deal NOUN 2 obj|6 with with ADP 7 case|7 Gondor Gondor PROPN 2 obl", "0573 ARN GON")]
    [InlineData("1 Arnor Arnor PROPN 2 nsubj|2 signed sign VERB 0 root|3 an a DET 7 det|4 arms arms NOUN 7 compound|5 and and CCONJ 6 cc|6 oil oil NOUN 4 conj|7 deal deal NOUN 2 obj|8 with with ADP 9 case|9 Gondor Gondor PROPN 2 obl", "0573 ARN GON")]
    [InlineData("1 Arnor Arnor PROPN 2 nsubj|2 signed sign VERB 0 root|3 an a DET 6 det|4 arms arms NOUN 5 compound|5 control control NOUN 6 compound|6 deal deal NOUN 2 obj|7 with with ADP 8 case|8 Gondor Gondor PROPN 2 obl", "0571 ARN GON")]
    [InlineData("1 Arnor Arnor PROPN 2 nsubj|2 forged forge VERB 0 root|3 new new ADJ 5 amod|4 diplomatic diplomatic ADJ 5 amod|5 ties tie NOUN 2 obj|6 with with ADP 7 case|7 Gondor Gondor PROPN 5 nmod", "051 ARN GON")]
    public void Coder_BracedNounPhrasePattern_SkipsOnlyModifiersThatKeepTheNounsMeaning(string rows, string expected)
    {
        // Given {ARMS DEAL} and {NEW TIES}: "an arms and oil deal" is an arms deal and "new diplomatic ties" are new ties,
        // but "an arms control deal" is not an arms deal (the pattern fails and (WITH +) codes instead)
        var document = Parse(rows.Split('|'));

        // When
        var coded = Code(document);

        // Then
        Assert.Equal([expected], coded);
    }

    [Fact]
    public void Coder_DiscardPhrase_CodesNothing()
    {
        // Given
        var document = Parse("1 Arnor Arnor PROPN 2 nsubj", "2 attacked attack VERB 0 root", "3 Gondor Gondor PROPN 2 obj", "4 football football NOUN 5 compound", "5 match match NOUN 2 obl");

        // When
        var result = _coder.Code(document, null);

        // Then
        Assert.Empty(result.Events);
        Assert.Contains(result.Notes, n => n.Reason.Contains("discard", StringComparison.Ordinal));
    }

    [Fact]
    public void Coder_NoTarget_CodesNothingUnlessDyadNotRequired()
    {
        // Given
        var document = Parse("1 Arnor Arnor PROPN 2 nsubj", "2 attacked attack VERB 0 root");

        // When / Then
        Assert.Empty(Code(document));
        Assert.Equal(["190 ARN ---"], _coder.WithOptions(new CodingOptions { RequireDyad = false }).Code(document, null).Events.Select(e => e.ToString()));
    }

    [Fact]
    public void Coder_DyadNotRequired_PartialEventDroppedNextToAFullOne()
    {
        // Given "Arnor attacked Gondor, Rohan praised" with require_dyad off
        var document = Parse("1 Arnor Arnor PROPN 2 nsubj", "2 attacked attack VERB 0 root", "3 Gondor Gondor PROPN 2 dobj", "4 , , PUNCT 2 punct", "5 Rohan Rohan PROPN 6 nsubj", "6 praised praise VERB 2 parataxis");

        // When
        var result = _coder.WithOptions(new CodingOptions { RequireDyad = false }).Code(document, null);

        // Then
        Assert.Equal(["190 ARN GON"], result.Events.Select(e => e.ToString()));
        Assert.Contains(result.Notes, n => n.Reason.Contains("lacks an actor", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1 Arnor Arnor PROPN 3 nsubj|2 will will AUX 3 aux|3 attack attack VERB 0 root|4 , , PUNCT 3 punct|5 a a DET 7 det|6 Gondor Gondor PROPN 7 compound|7 minister minister NOUN 8 nsubj|8 stated state VERB 3 parataxis", "190 ARN ---")]
    [InlineData("1 Arnor Arnor PROPN 2 nsubj|2 stated state VERB 0 root", "010 ARN ---")]
    public void Coder_StatementWithoutTargetFramingAnotherClause_IsReportedSpeechNotAnEvent(string rows, string expected)
    {
        // Given "Arnor will attack, a Gondor minister stated" with require_dyad off: the attribution is no event; a bare
        // "Arnor stated" still is one
        var document = Parse(rows.Split('|'));

        // When
        var coded = _coder.WithOptions(CodingOptions.Petrarch with { RequireDyad = false }).Code(document, null).Events.Select(e => e.ToString());

        // Then
        Assert.Equal([expected], coded);
    }

    [Fact]
    public void Coder_VerbParsedAsConjunctOfTheObject_LendsNoActorsToIt()
    {
        // Given "Arnor praised Gondor, after Rohan crowds attacked", with "attacked" misparsed as a conjunct of "Gondor"
        var document = Parse("1 Arnor Arnor PROPN 2 nsubj", "2 praised praise VERB 0 root", "3 Gondor Gondor PROPN 2 obj", "4 , , PUNCT 3 punct", "5 after after ADP 7 case", "6 Rohan Rohan PROPN 7 compound", "7 crowds crowd NOUN 8 nmod", "8 attacked attack VERB 3 conj");

        // When / Then
        Assert.Equal(["051 ARN GON"], Code(document));
    }

    [Theory]
    [InlineData("VERB/VBD")]
    [InlineData("VERB/_/VerbForm=Fin")]
    public void Coder_AppositiveCarryingAFiniteVerb_IsThatVerbsSubjectNotPartOfThePhrase(string said)
    {
        // Given "Arnor attacked the embassy, a Gondor minister said" parsed with "minister" as an appositive of "embassy"
        // and the finite "said" as its clausal modifier (told by the Penn tag or by VerbForm=Fin)
        var document = Parse("1 Arnor Arnor PROPN 2 nsubj", "2 attacked attack VERB 0 root", "3 the the DET 4 det", "4 embassy embassy NOUN 2 obj", "5 , , PUNCT 8 punct", "6 a a DET 8 det", "7 Gondor Gondor PROPN 8 compound", "8 minister minister NOUN 4 appos", $"9 said say {said} 8 acl");

        // When / Then the embassy's phrase holds no actor, and "said" has no target
        Assert.Empty(Code(document));
    }

    [Fact]
    public void Coder_TargetInsideAParticipleModifyingAnActorlessNoun_IsTheVerbsTarget()
    {
        // Given "Arnor attacked the rally praising Gondor": "praising" has no subject but "rally", which names no actor,
        // so it makes no event of its own and its object is the target of "attacked"
        var document = Parse("1 Arnor Arnor PROPN 2 nsubj", "2 attacked attack VERB 0 root", "3 the the DET 4 det", "4 rally rally NOUN 2 obj", "5 praising praise VERB 4 acl", "6 Gondor Gondor PROPN 5 obj");

        // When / Then
        Assert.Equal(["190 ARN GON"], Code(document));
    }

    [Theory]
    [InlineData("5 cc", "051 ARN GON;051 ROH GON")]
    [InlineData("2 cc:preconj", "0514 ARN GON;0514 ROH GON")]
    public void Coder_PreVerbPatternWord_NotMatchedByACoordinatorOnTheVerb(string neither, string expected)
    {
        // Given "Neither Arnor nor Rohan praised Gondor" and the pattern "- NEITHER *": "neither" matches as a word of the
        // subject's phrase, not as a coordinator attached to the verb (which joins the verb to another clause)
        var document = Parse($"1 Neither neither CCONJ {neither}", "2 Arnor Arnor PROPN 5 nsubj", "3 nor nor CCONJ 4 cc", "4 Rohan Rohan PROPN 2 conj", "5 praised praise VERB 0 root", "6 Gondor Gondor PROPN 5 obj");

        // When / Then
        Assert.Equal(expected.Split(';'), Code(document));
    }
}
