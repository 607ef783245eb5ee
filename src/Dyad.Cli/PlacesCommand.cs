using System.CommandLine;
using Dyad.Geo;
using Dyad.Ingest;
using Dyad.Places;

namespace Dyad.Cli;

/// <summary><c>dyad places [FILE...|-] [--format jsonl]</c>: every place name found in the articles, resolved against the gazetteer.</summary>
internal static class PlacesCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Articles: text, HTML, RSS/Atom or JSON Lines files, or folders; '-' or none reads standard input.", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format") { Description = "jsonl (one place name per line).", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl");
        var dictionaries = CliDictionaries.Option();
        var date = CliArticles.DateOption();
        var models = CliPipeline.ModelsOption();
        var beam = CliPipeline.BeamOption();
        var fast = CliPipeline.FastOption();
        var noParse = NoParseOption();
        var command = new Command("places", "List every place name in the articles with its resolved place (JSON Lines: doc, text, start, end, name, country, adm1, lat, lon, geonames_id, feature, kind: place, demonym or modifier, signals: what decided the place).") { files, format, dictionaries, date, models, beam, fast, noParse };
        command.SetAction(parsed =>
        {
            var output = parsed.InvocationConfiguration.Output;
            var error = parsed.InvocationConfiguration.Error;
            if (!CliArticles.TryReadDate(parsed, date, error, out var day))
            {
                return ExitCodes.Usage;
            }

            var findPlaces = PlaceFinder(parsed, noParse, dictionaries, models, beam, fast, error);
            if (findPlaces is null)
            {
                return ExitCodes.InputProblem;
            }

            var exit = ExitCodes.Ok;
            var count = 0;
            foreach (var article in CliArticles.Accepted(CliArticles.Read(parsed.GetValue(files) ?? [], day), error, () => exit = ExitCodes.InputProblem))
            {
                foreach (var t in findPlaces(article))
                {
                    count++;
                    Json.WriteRecord(output, new PlaceLine(article.Id, t.Text, t.Start, t.End, t.Name, t.Country, t.Adm1, t.Latitude, t.Longitude, t.GeoNamesId, t.Feature, t.KindName, t.Signals));
                }
            }

            return exit == ExitCodes.Ok && count == 0 ? ExitCodes.NothingFound : exit;
        });
        return command;
    }

    /// <summary><c>--no-parse</c>: the geocoder alone, on its own tokenizer.</summary>
    public static Option<bool> NoParseOption() => new("--no-parse") { Description = "Find places without the language pipeline or the event coder (no part-of-speech tags, no actors' countries as context): about 50 times faster, nearly as accurate." };

    /// <summary>
    /// What finds an article's places: the whole analysis (parse, events, then places with the actors' countries as
    /// context), or with <c>--no-parse</c> the geocoder alone; null, with a message, when no gazetteer is found for it.
    /// </summary>
    public static Func<Article, IReadOnlyList<Toponym>>? PlaceFinder(ParseResult parsed, Option<bool> noParse, Option<DirectoryInfo?> dictionaries, Option<DirectoryInfo?> models, Option<int?> beam, Option<bool> fast, TextWriter error)
    {
        if (!parsed.GetValue(noParse))
        {
            var analyzer = CliArticles.LoadAnalyzer(parsed, dictionaries, models, beam, fast, error);
            return article => analyzer.Analyze(article).Places;
        }

        var geocoder = CliArticles.LoadGeocoder(error);
        return geocoder is null ? null : article => geocoder.Geocode(article.Text);
    }

    private sealed record PlaceLine(string Doc, string Text, int Start, int End, string? Name, string? Country, string? Adm1, double? Lat, double? Lon, long? GeonamesId, string? Feature, string Kind, string Signals);
}
