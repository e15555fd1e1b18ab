using LanceOrm.Diagnostics;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using LanceOrm.Embeddings;

namespace LanceOrm.Benchmarks;

/// <summary>
/// Sums the write pipeline's stage timings (<see cref="LanceOrmTelemetry"/> on the <c>LanceOrm</c> meter) and splits the embed
/// stage with <see cref="TextModelStatistics"/> into tokenization, inference and the rest (cache keys and lookups, pooling).
/// </summary>
internal sealed class StageRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _seconds = new();
    private readonly TextModelStatistics? _model;
    private readonly TimeSpan _tokenizationStart;
    private readonly TimeSpan _inferenceStart;
    private long _bodyBytes;

    public StageRecorder(TextModelStatistics? model)
    {
        _model = model;
        _tokenizationStart = model?.TokenizationTime ?? TimeSpan.Zero;
        _inferenceStart = model?.InferenceTime ?? TimeSpan.Zero;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == LanceOrmTelemetry.Name && instrument.Name is LanceOrmTelemetry.WriteStageDuration or LanceOrmTelemetry.WriteBodyBytes)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "stage" && tag.Value is string stage)
                {
                    _seconds.AddOrUpdate(stage, value, (_, sum) => sum + value);
                }
            }
        });
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _bodyBytes, value));
        _listener.Start();
    }

    public long BodyBytes => Interlocked.Read(ref _bodyBytes);

    /// <summary>Stage name and summed seconds, the embed stage split when a MiniLM generator ran.</summary>
    public IReadOnlyList<(string Stage, double Seconds)> Stages()
    {
        double Get(string stage) => _seconds.TryGetValue(stage, out var value) ? value : 0;
        var list = new List<(string, double)>();
        var embed = Get(LanceOrmTelemetry.StageEmbed);
        if (_model is not null)
        {
            var tokenize = (_model.TokenizationTime - _tokenizationStart).TotalSeconds;
            var inference = (_model.InferenceTime - _inferenceStart).TotalSeconds;
            list.Add(("tokenize", tokenize));
            list.Add(("inference (ONNX Runtime)", inference));
            list.Add(("embed: cache keys/lookups, pooling, scatter", Math.Max(0, embed - tokenize - inference)));
        }
        else
        {
            list.Add(("embed (copy given vectors)", embed));
        }

        list.Add(("arrow record batch (generated mapper)", Get(LanceOrmTelemetry.StageArrow)));
        list.Add(("arrow IPC encode (LZ4)", Get(LanceOrmTelemetry.StageEncode)));
        list.Add(("HTTP merge_insert round trip", Get(LanceOrmTelemetry.StageUpload)));
        return list;
    }

    public void Print(double wallSeconds)
    {
        var stages = Stages();
        var total = stages.Sum(s => s.Seconds);
        Console.WriteLine($"  stages (busy time summed over batches; they overlap, so the sum {total:F1} s exceeds the wall time {wallSeconds:F1} s):");
        foreach (var (stage, seconds) in stages)
        {
            Console.WriteLine($"    {stage,-46} {seconds,8:F2} s  {100 * seconds / total,5:F1} % of stage time  {100 * seconds / wallSeconds,5:F1} % of wall");
        }

        var slowest = stages.MaxBy(s => s.Seconds);
        Console.WriteLine($"  slowest stage: {slowest.Stage} — {100 * slowest.Seconds / total:F1} % of stage time ({100 * slowest.Seconds / wallSeconds:F1} % of wall time)");
    }

    public void Dispose() => _listener.Dispose();
}
