namespace Dyad.Ingest.Tests;

public sealed class PublicationDateFinderTests
{
    [Theory]
    [InlineData("Güncelleme Tarihi: 12 Kasım 2015, 16:01", "2015-11-12T16:01", DateLabelKind.Updated)]
    [InlineData("Yayınlanma Tarihi: 11 Kasım 2015 Çarşamba 09:15", "2015-11-11", DateLabelKind.Published)]
    [InlineData("Yayınlanma: 12/11/2015", "2015-11-12", DateLabelKind.Published)]
    [InlineData("Mis à jour le 3 mars 2016", "2016-03-03", DateLabelKind.Updated)]
    [InlineData("Publié le jeudi 3 mars 2016 à 09h30", "2016-03-03T09:30", DateLabelKind.Published)]
    [InlineData("Aktualisiert am 05.04.2017", "2017-04-05", DateLabelKind.Updated)]
    [InlineData("Veröffentlicht am 5. April 2017, 14:20 Uhr", "2017-04-05T14:20", DateLabelKind.Published)]
    [InlineData("Updated: Nov. 12, 2015 4:01 p.m.", "2015-11-12T16:01", DateLabelKind.Updated)]
    [InlineData("Updated 4:01 p.m. ET Nov. 12, 2015", "2015-11-12", DateLabelKind.Updated)]
    [InlineData("Published on November 12, 2015 at 9:05 am", "2015-11-12T09:05", DateLabelKind.Published)]
    [InlineData("Published 2015-11-12", "2015-11-12", DateLabelKind.Published)]
    [InlineData("Publicado el 12 de noviembre de 2015", "2015-11-12", DateLabelKind.Published)]
    [InlineData("Pubblicato il 12 novembre 2015", "2015-11-12", DateLabelKind.Published)]
    [InlineData("Atualizado em 12/11/2015 16h01", "2015-11-12T16:01", DateLabelKind.Updated)]
    [InlineData("Bijgewerkt op 12 november 2015", "2015-11-12", DateLabelKind.Updated)]
    [InlineData("Опубликовано: 12 ноября 2015 г.", "2015-11-12", DateLabelKind.Published)]
    [InlineData("تاريخ النشر: 12 نوفمبر 2015", "2015-11-12", DateLabelKind.Published)]
    [InlineData("Updated: 12 Nov 2015 14:05 GMT+3", "2015-11-12T14:05+03:00", DateLabelKind.Updated)]
    public void Find_ReadsLabelledDates(string line, string expected, DateLabelKind label)
    {
        // Given a line an article states its date with
        var text = "Some headline\n\n" + line + "\n\nThe story begins here and goes on.";

        // When the finder looks for the publication date
        var found = PublicationDateFinder.Find(text);

        // Then it reads the date (and time where it is given), the label's kind and the exact words
        Assert.NotNull(found);
        Assert.StartsWith(expected, found.Date.ToString(), StringComparison.Ordinal);
        Assert.Equal(label, found.Label);
        Assert.Equal(found.Words, text[found.Range.Start..found.Range.End]);
        Assert.StartsWith(line[..4], found.Words, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Date: 12/11/2015", NumericDateOrder.Auto, "2015-12-11", true)]
    [InlineData("Date: 12/11/2015", NumericDateOrder.DayFirst, "2015-11-12", false)]
    [InlineData("Güncelleme Tarihi: 12/11/2015", NumericDateOrder.Auto, "2015-11-12", false)]
    [InlineData("Aktualisiert am 05.04.2017", NumericDateOrder.MonthFirst, "2017-05-04", true)]
    [InlineData("Date: 25/11/2015", NumericDateOrder.Auto, "2015-11-25", false)]
    public void Find_DecidesNumericOrder(string line, NumericDateOrder order, string expected, bool monthFirst)
    {
        // Given an all-numeric date
        // When it is read with an order rule
        var found = PublicationDateFinder.Find(line, order);

        // Then the rule decides unless a number over 12 does, and an open choice is flagged
        Assert.NotNull(found);
        Assert.Equal(expected, found.Date.ToString());
        Assert.Equal(monthFirst, found.MonthFirst);
        Assert.Equal(!expected.EndsWith("-25", StringComparison.Ordinal), found.Ambiguous);
    }

    [Theory]
    [InlineData("Thursday, 12 November 2015\n\nMOSCOW (Reuters) - Talks went on.", "2015-11-12")]
    [InlineData("Headline here\n12.11.2015\n\nThe talks went on.", "2015-11-12")]
    public void Find_TakesDateAloneOnHeaderLine(string text, string expected)
    {
        // Given a date standing alone near the top
        // When searched
        var found = PublicationDateFinder.Find(text);

        // Then it counts, without a label
        Assert.NotNull(found);
        Assert.Equal(expected, found.Date.ToString());
        Assert.Equal(DateLabelKind.None, found.Label);
    }

    [Theory]
    [InlineData("The ceasefire signed on 3 March 2016 held for a week.")]
    [InlineData("Officials said the 2015-11-12 deadline would slip, according to three people.")]
    [InlineData("No date at all in this text.")]
    [InlineData("")]
    public void Find_IgnoresDatesInsideSentences(string text)
    {
        // Given a text whose only dates are part of its sentences
        // When searched
        var found = PublicationDateFinder.Find(text);

        // Then there is no publication date
        Assert.Null(found);
    }

    [Theory]
    [InlineData("Updated: 13 Nov 2015\nPublished: 12 Nov 2015\n\nBody text.", "2015-11-12")]
    [InlineData("12 November 2015\nUpdated: 13 Nov 2015\n\nBody text.", "2015-11-13")]
    public void Find_PrefersPublicationOverUpdateOverUnlabelled(string text, string expected)
    {
        // Given several candidate dates
        // When searched
        var found = PublicationDateFinder.Find(text);

        // Then a publication label beats an update label, which beats a bare date
        Assert.NotNull(found);
        Assert.Equal(expected, found.Date.ToString());
    }

    [Theory]
    [InlineData("2015-11-12T16:01:00+02:00", "2015-11-12T16:01+02:00")]
    [InlineData("2015-11-12", "2015-11-12")]
    [InlineData("Thu, 12 Nov 2015 16:01:00 GMT", "2015-11-12T16:01Z")]
    [InlineData("Thu, 12 Nov 2015 16:01:00 EST", "2015-11-12T16:01-05:00")]
    [InlineData("12 Kasım 2015", "2015-11-12")]
    [InlineData("20151112", "2015-11-12")]
    public void ParseValue_ReadsMachineAndHumanDates(string value, string expected)
    {
        // Given a date as metadata gives it
        // When read as a value
        var date = PublicationDateFinder.ParseValue(value);

        // Then it is the stated date, time and offset
        Assert.NotNull(date);
        Assert.Equal(expected, date.ToString());
    }

    [Theory]
    [InlineData("2015-02-30")]
    [InlineData("yesterday")]
    [InlineData("")]
    [InlineData(null)]
    public void ParseValue_RefusesNonDates(string? value)
    {
        // Given a value that is no calendar date
        // When read
        // Then nothing is returned
        Assert.Null(PublicationDateFinder.ParseValue(value));
    }
}
