using Dyad.Nlp.Conllu;

namespace Dyad.Nlp.Tests;

/// <summary>Where tests find the repository, its models and the shared data, and a small treebank written for the tests.</summary>
internal static class TestData
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Models => Path.Combine(RepositoryRoot, "models", "en");

    public static string EwtDirectory => Path.Combine(RepositoryRoot, "..", "shared", "data", "ud", "en_ewt");

    /// <summary>Path of an EWT split, or a skip with a clear reason when ../shared is not there.</summary>
    public static string Ewt(string split)
    {
        var path = Path.Combine(EwtDirectory, $"en_ewt-ud-{split}.conllu");
        if (!File.Exists(path))
        {
            Assert.Skip($"UD English EWT is not at {path}: these tests need ../shared/data (present in CI).");
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Dyad.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Dyad.slnx) above " + AppContext.BaseDirectory);
    }

    /// <summary>A few sentences about fictional countries, annotated by hand in UD English style.</summary>
    public const string TinyTreebank = """
        # sent_id = t1
        # text = Arnor attacked Gondor.
        1	Arnor	Arnor	PROPN	NNP	Number=Sing	2	nsubj	_	Src=dyad
        2	attacked	attack	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	Src=dyad
        3	Gondor	Gondor	PROPN	NNP	Number=Sing	2	obj	_	SpaceAfter=No|Src=dyad
        4	.	.	PUNCT	.	_	2	punct	_	Src=dyad

        # sent_id = t2
        # text = The army of Gondor did not retreat.
        1	The	the	DET	DT	Definite=Def|PronType=Art	2	det	_	Src=dyad
        2	army	army	NOUN	NN	Number=Sing	6	nsubj	_	Src=dyad
        3	of	of	ADP	IN	_	4	case	_	Src=dyad
        4	Gondor	Gondor	PROPN	NNP	Number=Sing	2	nmod	_	Src=dyad
        5	did	do	AUX	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	6	aux	_	Src=dyad
        6	not	not	PART	RB	_	7	advmod	_	Src=dyad
        7	retreat	retreat	VERB	VB	VerbForm=Inf	0	root	_	SpaceAfter=No|Src=dyad
        8	.	.	PUNCT	.	_	7	punct	_	Src=dyad

        # sent_id = t3
        # text = Rohan sent troops to Arnor and promised aid.
        1	Rohan	Rohan	PROPN	NNP	Number=Sing	2	nsubj	_	Src=dyad
        2	sent	send	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	Src=dyad
        3	troops	troop	NOUN	NNS	Number=Plur	2	obj	_	Src=dyad
        4	to	to	ADP	IN	_	5	case	_	Src=dyad
        5	Arnor	Arnor	PROPN	NNP	Number=Sing	2	obl	_	Src=dyad
        6	and	and	CCONJ	CC	_	7	cc	_	Src=dyad
        7	promised	promise	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	2	conj	_	Src=dyad
        8	aid	aid	NOUN	NN	Number=Sing	7	obj	_	SpaceAfter=No|Src=dyad
        9	.	.	PUNCT	.	_	2	punct	_	Src=dyad

        # sent_id = t4
        # text = Officials in Gondor don't expect talks.
        1	Officials	official	NOUN	NNS	Number=Plur	6	nsubj	_	Src=dyad
        2	in	in	ADP	IN	_	3	case	_	Src=dyad
        3	Gondor	Gondor	PROPN	NNP	Number=Sing	1	nmod	_	Src=dyad
        4-5	don't	_	_	_	_	_	_	_	_
        4	do	do	AUX	VBP	Mood=Ind|Tense=Pres|VerbForm=Fin	6	aux	_	Src=dyad
        5	n't	not	PART	RB	_	6	advmod	_	Src=dyad
        6	expect	expect	VERB	VB	VerbForm=Inf	0	root	_	Src=dyad
        7	talks	talk	NOUN	NNS	Number=Plur	6	obj	_	SpaceAfter=No|Src=dyad
        8	.	.	PUNCT	.	_	6	punct	_	Src=dyad

        """;

    public static Document Tiny()
    {
        var diagnostics = new List<Diagnostic>();
        var sentences = ConlluReader.Read(new StringReader(TinyTreebank), "tiny", diagnostics);
        Assert.Empty(diagnostics);
        return ConlluDocuments.ToDocument("tiny", sentences);
    }
}
