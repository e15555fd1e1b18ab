using LanceOrm;
using LanceOrm.Embeddings;
using Quickstart;
using Spectre.Console;

// LanceOrm quickstart: embed a corpus locally with all-MiniLM-L6-v2, upload it to a LanceDB remote table, search it.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    await QuickstartApp.RunAsync(cancellation.Token);
    return 0;
}
catch (ModelNotFoundException e)
{
    await Console.Error.WriteLineAsync(e.Message); // lists each place looked, and LANCEORM_MODEL_DIR for offline machines
    return 2;
}
catch (Exception e) when (e is ModelIntegrityException or LanceDbException or InvalidOperationException or InvalidDataException or IOException or ArgumentException or FormatException)
{
    await Console.Error.WriteLineAsync($"{e.GetType().Name}: {e.Message}");
    return 1;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("Cancelled.");
    return 130;
}
