using Dyad.Nlp.Tokenization;

namespace Dyad.Nlp.Tests.Tokenization;

public sealed class TokenizerTests
{
    private static string Tokens(string text) => TokenRendering.Render(text, Tokenizer.Tokenize(text));

    [Theory]
    [InlineData("I don't know.", "I do~n't know .")]
    [InlineData("I'm here", "I~'m here")]
    [InlineData("They can't and won't.", "They ca~n't and wo~n't .")]
    [InlineData("We cannot go", "We can~not go")]
    [InlineData("You're gonna love it", "You~'re gon~na love it")]
    [InlineData("She'll say she'd have done it; they've seen it", "She~'ll say she~'d have done it ; they~'ve seen it")]
    [InlineData("Bush's plan and China's army", "Bush~'s plan and China~'s army")]
    [InlineData("It’s Iran’s turn", "It~’s Iran~’s turn")]
    [InlineData("I dont know, it wont work", "I do~nt know , it wo~nt work")]
    [InlineData("DON'T SHOUT", "DO~N'T SHOUT")]
    [InlineData("the voters' choice", "the voters~' choice")]
    [InlineData("I wanna go, I dunno", "I wan~na go , I du~n~no")]
    [InlineData("O'Neill met d'Estaing", "O'Neill met d'Estaing")]
    [InlineData("the 1990's boom", "the 1990's boom")]
    public void Tokenizer_SplitsContractionsAsMultiwordTokens(string text, string expected)
    {
        // Given a sentence with clitics
        // When it is tokenized
        var actual = Tokens(text);

        // Then each clitic is a part of its surface word, as in EWT
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("a well-known and long-term plan", "a well - known and long - term plan")]
    [InlineData("a pro-Kremlin e-mail about non-stop anti-war co-operation", "a pro-Kremlin e-mail about non-stop anti-war co-operation")]
    [InlineData("the so-called U.S.-led coalition", "the so - called U.S. - led coalition")]
    [InlineData("behind-the-scenes talks", "behind - the - scenes talks")]
    [InlineData("call 713-853-1696 or 555-1234", "call 713-853-1696 or 555-1234")]
    [InlineData("on 2015-11-12 for 5-10 days in 1969-1970", "on 2015-11-12 for 5 - 10 days in 1969 - 1970")]
    [InlineData("a mid-October cease-fire", "a mid-October cease - fire")]
    public void Tokenizer_SplitsHyphensAsEwtDoes(string text, string expected)
    {
        // Given hyphenated words
        // When / Then: prefixes and numbers keep their hyphen, other compounds are split around it
        Assert.Equal(expected, Tokens(text));
    }

    [Theory]
    [InlineData("Gen. Smith met Dr. Jones in Sept. 2015", "Gen. Smith met Dr. Jones in Sept. 2015")]
    [InlineData("U.S. officials, e.g. those in Washington, D.C., agreed", "U.S. officials , e.g. those in Washington , D.C. , agreed")]
    [InlineData("J. R. R. Tolkien wrote it", "J. R. R. Tolkien wrote it")]
    [InlineData("Acme Inc. and Foo Corp. merged", "Acme Inc. and Foo Corp. merged")]
    [InlineData("It ended in Iraq. Then", "It ended in Iraq . Then")]
    [InlineData("at 5 p.m. today", "at 5 p.m. today")]
    public void Tokenizer_KeepsAbbreviationPeriods(string text, string expected)
    {
        // Given abbreviations and initials
        // When / Then: their periods stay, a sentence's period does not
        Assert.Equal(expected, Tokens(text));
    }

    [Theory]
    [InlineData("It cost $5 or 1,000.50 euros, 3.5% more", "It cost $ 5 or 1,000.50 euros , 3.5 % more")]
    [InlineData("at 12:30 on 9/11 and 11/01/01", "at 12:30 on 9/11 and 11/01/01")]
    [InlineData("half is 1/2", "half is 1 / 2")]
    [InlineData("a 5kg bag at 11:30am", "a 5 kg bag at 11:30 am")]
    [InlineData("the 1960s and the 21st century", "the 1960s and the 21st century")]
    [InlineData("US$5m in aid", "US$ 5 m in aid")]
    [InlineData("call +44 20 7946 0958", "call +44 20 7946 0958")]
    [InlineData("and/or he/she", "and / or he / she")]
    public void Tokenizer_HandlesNumbersAndSlashes(string text, string expected)
    {
        // Given numbers, currencies, percentages, times, dates and fractions
        // When / Then
        Assert.Equal(expected, Tokens(text));
    }

    [Theory]
    [InlineData("See http://example.com/a-b?c=1&d=2.", "See http://example.com/a-b?c=1&d=2 .")]
    [InlineData("(see www.un.org/en)", "( see www.un.org/en )")]
    [InlineData("Mail jane.doe@example.co.uk now", "Mail jane.doe@example.co.uk now")]
    [InlineData("Follow @UN_News and #Ukraine!", "Follow @UN_News and #Ukraine !")]
    [InlineData("visit Reuters.com today", "visit Reuters.com today")]
    public void Tokenizer_KeepsUrlWhole(string text, string expected)
    {
        // Given URLs, e-mail addresses, handles and hashtags
        // When / Then: each is one token, trailing sentence punctuation is not part of it
        Assert.Equal(expected, Tokens(text));
    }

    [Theory]
    [InlineData("Great :) see you :-( bye ;)", "Great :) see you :-( bye ;)")]
    [InlineData("fine:)", "fine :)")]
    [InlineData("I ❤️ it 👍🏽 👨‍👩‍👧 🇺🇦!", "I ❤️ it 👍🏽 👨‍👩‍👧 🇺🇦 !")]
    [InlineData("wait... what?! no!!!", "wait ... what ?! no !!!")]
    [InlineData("war -- or peace — now–then", "war -- or peace — now – then")]
    public void Tokenizer_KeepsEmoticonsEmojiAndPunctuationRuns(string text, string expected)
    {
        // Given emoticons, emoji sequences and repeated punctuation
        // When / Then
        Assert.Equal(expected, Tokens(text));
    }

    [Theory]
    [InlineData("He said \"no\" and 'yes'.", "He said \" no \" and ' yes ' .")]
    [InlineData("“Peace,” he said.", "“ Peace , ” he said .")]
    [InlineData("``quoted''", "`` quoted ''")]
    [InlineData("(Reuters) [sic] {x}", "( Reuters ) [ sic ] { x }")]
    [InlineData("'Tis the '90s, rock 'em", "'Tis the '90s , rock 'em")]
    public void Tokenizer_SplitsQuotesAndBrackets(string text, string expected)
    {
        // Given straight and curly quotes and brackets
        // When / Then
        Assert.Equal(expected, Tokens(text));
    }

    [Theory]
    [InlineData("a\u00A0b\u2009c\u3000d\u200Be", "a b c d e")]
    [InlineData("Москва заявила", "Москва заявила")]
    [InlineData("قال الرئيس", "قال الرئيس")]
    [InlineData("北京。东京", "北京 。 东京")]
    [InlineData("cafe\u0301 naïve", "cafe\u0301 naïve")]
    public void Tokenizer_TreatsUnicodeSpacesAsSpacesAndPassesOtherScriptsThrough(string text, string expected)
    {
        // Given Unicode spaces and non-Latin scripts
        // When / Then: the spaces separate, the words stay whole
        Assert.Equal(expected, Tokens(text));
    }

    [Fact]
    public void Tokenizer_MarksMultiwordPartsWithTheSurfaceEnd()
    {
        // Given "don't"
        var tokens = Tokenizer.Tokenize("don't");

        // Then do [0,2) and n't [2,5) both end their surface word at 5
        Assert.Equal([new Token(new TextRange(0, 2), 5), new Token(new TextRange(2, 5), 5)], tokens);
    }

    [Fact]
    public void Tokenizer_ProcessSetsTokensAndSentences()
    {
        // Given a document of two sentences
        var document = new Document("d", "MOSCOW (Reuters) - Russia said on Monday it was ready. It blamed the U.S.");

        // When the stage runs
        var result = new Tokenizer().Process(document, TestContext.Current.CancellationToken);

        // Then both annotations are set and the final abbreviation's period is its own token
        Assert.Equal(
            ["MOSCOW (Reuters) - Russia said on Monday it was ready.", "It blamed the U.S."],
            TokenRendering.Sentences(result));
        Assert.Equal("U.S", result.Form(result.Tokens.Length - 2));
        Assert.Equal(".", result.Form(result.Tokens.Length - 1));
        Assert.Equal("tokenizer.v1", new Tokenizer().Name);
    }
}
