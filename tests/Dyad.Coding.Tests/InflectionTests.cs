using Dyad.Coding.Dictionaries;

namespace Dyad.Coding.Tests;

public sealed class InflectionTests
{
    [Theory]
    [InlineData("STOP", "STOPS", "STOPPED", "STOPPING")]
    [InlineData("PLAN", "PLANS", "PLANNED", "PLANNING")]
    [InlineData("HURRY", "HURRIES", "HURRIED", "HURRYING")]
    [InlineData("DELAY", "DELAYS", "DELAYED", "DELAYING")]
    [InlineData("REACH", "REACHES", "REACHED", "REACHING")]
    [InlineData("FIX", "FIXES", "FIXED", "FIXING")]
    [InlineData("PASS", "PASSES", "PASSED", "PASSING")]
    [InlineData("AGREE", "AGREES", "AGREED", "AGREEING")]
    [InlineData("ARRANGE", "ARRANGES", "ARRANGED", "ARRANGING")]
    [InlineData("DIE", "DIES", "DIED", "DYING")]
    [InlineData("ECHO", "ECHOES", "ECHOED", "ECHOING")]
    [InlineData("OPEN", "OPENS", "OPENED", "OPENING")]
    [InlineData("VISIT", "VISITS", "VISITED", "VISITING")]
    [InlineData("SNOW", "SNOWS", "SNOWED", "SNOWING")]
    public void Inflection_EnglishRulesMakeRegularVerbForms(string stem, string third, string past, string gerund)
    {
        // Given a regular verb stem
        // When
        var forms = Inflection.RegularVerbForms(stem, InflectionStyle.English);

        // Then
        Assert.Equal(new VerbInflections(third, past, gerund), forms);
    }

    [Theory]
    [InlineData("STOP", "STOPS", "STOPED", "STOPING")]
    [InlineData("HURRY", "HURRIES", "HURRYED", "HURRYING")]
    [InlineData("DELAY", "DELAIES", "DELAYED", "DELAYING")]
    [InlineData("PASS", "PASSES", "PASSED", "PASSING")]
    [InlineData("AGREE", "AGREES", "AGREED", "AGREEING")]
    [InlineData("ARRANGE", "ARRANGES", "ARRANGED", "ARRANGING")]
    [InlineData("REACH", "REACHS", "REACHED", "REACHING")]
    public void Inflection_PetrarchRulesCopyPetrarch2(string stem, string third, string past, string gerund)
    {
        // Given a verb stem and PETRARCH2's rules
        // When
        var forms = Inflection.RegularVerbForms(stem, InflectionStyle.Petrarch);

        // Then
        Assert.Equal(new VerbInflections(third, past, gerund), forms);
    }

    [Theory]
    [InlineData("MINISTRY", InflectionStyle.English, "MINISTRIES")]
    [InlineData("ATTORNEY", InflectionStyle.English, "ATTORNEYS")]
    [InlineData("BOSS", InflectionStyle.English, "BOSSES")]
    [InlineData("CHURCH", InflectionStyle.English, "CHURCHES")]
    [InlineData("TROOP", InflectionStyle.English, "TROOPS")]
    [InlineData("ATTORNEY", InflectionStyle.Petrarch, "ATTORNEIES")]
    [InlineData("CONGRESS", InflectionStyle.Petrarch, "CONGRESSES")]
    [InlineData("CHURCH", InflectionStyle.Petrarch, "CHURCHS")]
    [InlineData("", InflectionStyle.English, "S")]
    public void Inflection_MakesRegularPlurals(string noun, InflectionStyle style, string expected)
    {
        // Given a singular noun
        // When
        var plural = Inflection.Plural(noun, style);

        // Then
        Assert.Equal(expected, plural);
    }

    [FsCheck.Xunit.Property]
    public bool Inflection_NeverThrowsAndKeepsTheStemsStart(string stem)
    {
        // Given any string (FsCheck also gives null and odd characters)
        stem ??= string.Empty;

        // When
        var english = Inflection.RegularVerbForms(stem);
        var petrarch = Inflection.RegularVerbForms(stem, InflectionStyle.Petrarch);
        var plural = Inflection.Plural(stem);

        // Then every form begins with all but the last two characters of the stem
        var start = stem.Length > 2 ? stem[..^2] : string.Empty;
        return new[] { english.ThirdPerson, english.Past, english.Gerund, petrarch.ThirdPerson, petrarch.Past, petrarch.Gerund, plural }
            .All(f => f.StartsWith(start, StringComparison.Ordinal));
    }
}
