using System.Diagnostics;
using Apache.Arrow;
using LanceOrm.Diagnostics;
using LanceOrm.Mapping;
using LanceOrm.Protocol;

namespace LanceOrm.Writing;

/// <summary>
/// Encodes parts of a batch as request bodies (LZ4 Arrow IPC streams, schema included) no larger than the request body
/// limit: a body over it is dropped and its part halved, again and again, until each fits; a single row over the limit
/// becomes an <see cref="EncodedPart{T}"/> without body, for the uploader to report in its place in the source order.
/// </summary>
internal sealed class PartEncoder<T>(ILanceEntityMap<T> map, IpcBodyPool bodies, long maxBytes, string table)
{
    private readonly RowValidator<T> _locator = new(map);

    /// <summary>Appends the encoded parts of <paramref name="part"/> to <paramref name="output"/>, in row order.</summary>
    public async Task EncodeAsync(WirePart<T> part, List<EncodedPart<T>> output, CancellationToken cancellationToken)
    {
        var body = bodies.Rent();
        try
        {
            var started = Stopwatch.GetTimestamp();
            using (var batch = Build(part))
            {
                var built = Stopwatch.GetTimestamp();
                LanceOrmTelemetry.RecordWriteStage(LanceOrmTelemetry.StageArrow, table, Stopwatch.GetElapsedTime(started, built));
                await ArrowIpc.WriteStreamAsync(body, map.Schema, [batch], cancellationToken).ConfigureAwait(false);
                LanceOrmTelemetry.RecordWriteStage(LanceOrmTelemetry.StageEncode, table, Stopwatch.GetElapsedTime(built));
            }
        }
        catch
        {
            bodies.Return(body);
            throw;
        }

        if (body.Length <= maxBytes)
        {
            output.Add(new EncodedPart<T>(part, body, body.Length));
            return;
        }

        var bytes = body.Length;
        bodies.Return(body);
        if (part.Rows.Count == 1)
        {
            output.Add(new EncodedPart<T>(part, null, bytes));
            return;
        }

        var (first, second) = part.Halve(map.Embeddings);
        await EncodeAsync(first, output, cancellationToken).ConfigureAwait(false);
        await EncodeAsync(second, output, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The part's Arrow record batch; a value the mapper rejects becomes an <see cref="InvalidRowException"/> naming its source row.</summary>
    private RecordBatch Build(WirePart<T> part)
    {
        try
        {
            return map.ToRecordBatch(part.Rows, part.Vectors);
        }
        catch (ArgumentException exception)
        {
            throw _locator.Locate(part.Rows, part.Offset, exception);
        }
    }
}
