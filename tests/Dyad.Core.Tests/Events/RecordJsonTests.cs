using System.Text.Json;
using System.Text.Json.Serialization;
using Dyad.Events;

namespace Dyad.Core.Tests.Events;

public sealed class RecordJsonTests
{
    [Theory]
    [InlineData(typeof(EventRecord))]
    [InlineData(typeof(EventPlace))]
    [InlineData(typeof(EventDocument))]
    [InlineData(typeof(EventEvidence))]
    [InlineData(typeof(TextSpan))]
    [InlineData(typeof(PloverFields))]
    [InlineData(typeof(ActorCode))]
    [InlineData(typeof(CameoCode))]
    public void Options_RecordTypesComeFromTheSourceGeneratedContext(Type type)
    {
        // When
        var info = RecordJson.Options.GetTypeInfo(type);

        // Then
        Assert.IsAssignableFrom<JsonSerializerContext>(info.OriginatingResolver);
    }

    [Fact]
    public void Apply_KeepsTheHostsResolverForOtherTypes()
    {
        // Given options with a resolver of their own (as ASP.NET's web defaults have)
        var options = RecordJson.Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() });

        // When
        var json = JsonSerializer.Serialize(new { SomeName = (string?)null, Code = new CameoCode("042") }, options);

        // Then
        Assert.Equal("""{"some_name":null,"code":"042"}""", json);
        Assert.IsAssignableFrom<JsonSerializerContext>(options.GetTypeInfo(typeof(EventRecord)).OriginatingResolver);
    }

    [Fact]
    public void Options_WriteAnEventInTheRecordStyle()
    {
        // Given
        var record = new EventRecord(
            new DateOnly(2015, 11, 12), "day", "Thursday", "RUSGOV", "UKR", "042", 1, 1.9, new PloverFields("CONSULT", "visit", null), null,
            new EventEvidence("d", 1, "Putin visited Kyiv – again.", 0, 27, new TextSpan("Putin", 0, 5), new TextSpan("visited", 6, 13), null),
            "rule", "file:1", null);

        // When
        var json = JsonSerializer.Serialize(record, RecordJson.Options);

        // Then
        Assert.Equal(
            """{"date":"2015-11-12","date_precision":"day","date_evidence":"Thursday","source":"RUSGOV","target":"UKR","source_country":"RUS","target_country":"UKR","source_country_from":null,"target_country_from":null,"cameo":"042","root":"04","quad_class":1,"penta_class":1,"goldstein":1.9,"plover":{"event":"CONSULT","mode":"visit","context":null},"location":null,"evidence":{"doc":"d","sentence":1,"text":"Putin visited Kyiv – again.","start":0,"end":27,"source":{"text":"Putin","start":0,"end":5},"verb":{"text":"visited","start":6,"end":13},"target":null},"rule":"rule","rule_source":"file:1","document":null}""",
            json);
    }

    [Fact]
    public void Codes_AreWrittenAsTheirStringsAndReadBack()
    {
        // Given
        var codes = new[] { new ActorCode("IRQMIL"), default };

        // When
        var json = JsonSerializer.Serialize(new { Codes = codes, Cameo = new CameoCode("0332") }, RecordJson.Options);

        // Then
        Assert.Equal("""{"codes":["IRQMIL","---"],"cameo":"0332"}""", json);
        Assert.Equal(new ActorCode("IRQMIL"), JsonSerializer.Deserialize<ActorCode>("\"IRQMIL\"", RecordJson.Options));
        Assert.Equal(new CameoCode("0332"), JsonSerializer.Deserialize<CameoCode>("\"0332\"", RecordJson.Options));
        Assert.Equal("A CAMEO code is a string.", Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CameoCode>("null", RecordJson.Options)).Message);
        Assert.Equal("An actor code is a string.", Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ActorCode>("null", RecordJson.Options)).Message);
    }
}
