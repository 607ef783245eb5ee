using System.Diagnostics;
using System.Globalization;
using Dyad.Documents;
using Dyad.Store;
using Dyad.Store.Writer;

// Writes SyntheticCorpus documents into a store, a batch per transaction, printing "stored N" after each batch:
// the child process of the store's crash test and its benchmark.
//   Dyad.Store.Writer --store PATH|postgres://... --documents N [--batch B]
string? location = null;
int documents = 10_000, batch = 100;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--store": location = args[i + 1]; break;
        case "--documents": documents = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--batch": batch = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 64;
    }
}

if (location is null)
{
    Console.Error.WriteLine("usage: Dyad.Store.Writer --store PATH|postgres://... --documents N [--batch B]");
    return 64;
}

var store = await EventStore.OpenAsync(location);
await using (store.ConfigureAwait(false))
{
    var clock = Stopwatch.StartNew();
    var counts = IngestCounts.Zero;
    for (var start = 0; start < documents; start += batch)
    {
        var items = Enumerable.Range(start, Math.Min(batch, documents - start)).Select(SyntheticCorpus.Document).ToList();
        counts = counts.Add(await store.StoreAsync(items, "synthetic-1", CancellationToken.None));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stored {counts.DocumentsStored} skipped {counts.DocumentsSkipped}"));
    }

    var seconds = clock.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"done documents={counts.DocumentsStored} skipped={counts.DocumentsSkipped} events={counts.EventsStored} seconds={seconds:0.00} documents_per_second={counts.DocumentsStored / seconds:0} events_per_second={counts.EventsStored / seconds:0}"));
}

return 0;
