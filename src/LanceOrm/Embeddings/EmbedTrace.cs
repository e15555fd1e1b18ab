using System.Diagnostics;
using LanceOrm.Diagnostics;

namespace LanceOrm.Embeddings;

/// <summary>
/// One embedding call of a function (text or image) as telemetry sees it: a <c>lanceorm.embed</c> span tagged with the
/// function, rows, table and how many vectors were computed, plus the rows and duration metrics; a failure marks the span.
/// </summary>
internal static class EmbedTrace
{
    /// <summary>Runs <paramref name="embed"/> for <paramref name="rows"/> inputs of <paramref name="function"/> inside the span.</summary>
    public static async Task<EmbeddingCounts> RunAsync<TState>(string function, int rows, string? table, TState state, Func<TState, Task<EmbeddingCounts>> embed)
    {
        using var activity = LanceOrmTelemetry.StartEmbed(function, rows, table);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var counts = await embed(state).ConfigureAwait(false);
            activity?.SetTag("lanceorm.embedding.computed", counts.Computed);
            LanceOrmTelemetry.RecordEmbedding(function, table, rows, Stopwatch.GetElapsedTime(started));
            return counts;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }
}
