namespace LanceOrm.Embeddings.Quantization;

/// <summary>
/// A [K, N] float weight matrix quantized symmetrically to int8 (zero point 0, values in [-L, L] with L = 127, or 63 for
/// the reduced range):
/// <c>w[k, n] ≈ Values[k, n] × Scales[n]</c> (per column) or <c>× Scales[0]</c> (per tensor).
/// </summary>
internal sealed class QuantizedWeight
{
    private QuantizedWeight(sbyte[] values, float[] scales)
    {
        Values = values;
        Scales = scales;
    }

    /// <summary>The int8 values, row-major [K, N].</summary>
    public sbyte[] Values { get; }

    /// <summary>One scale (per tensor) or N scales (per column).</summary>
    public float[] Scales { get; }

    /// <summary>Quantizes the row-major [<paramref name="rows"/>, <paramref name="columns"/>] matrix <paramref name="weights"/>.</summary>
    public static QuantizedWeight Quantize(ReadOnlySpan<float> weights, int rows, int columns, WeightGranularity granularity, bool reducedRange)
    {
        var levels = reducedRange ? 63f : 127f;
        var scales = new float[granularity == WeightGranularity.PerColumn ? columns : 1];
        var maxima = new float[scales.Length];
        for (var k = 0; k < rows; k++)
        {
            var row = weights.Slice(k * columns, columns);
            for (var n = 0; n < columns; n++)
            {
                ref var max = ref maxima[scales.Length == 1 ? 0 : n];
                max = MathF.Max(max, MathF.Abs(row[n]));
            }
        }

        for (var i = 0; i < scales.Length; i++)
        {
            scales[i] = maxima[i] > 0 ? maxima[i] / levels : 1f;
        }

        var values = new sbyte[rows * columns];
        for (var k = 0; k < rows; k++)
        {
            for (var n = 0; n < columns; n++)
            {
                var scale = scales[scales.Length == 1 ? 0 : n];
                values[k * columns + n] = (sbyte)Math.Clamp(MathF.Round(weights[k * columns + n] / scale, MidpointRounding.ToEven), -levels, levels);
            }
        }

        return new QuantizedWeight(values, scales);
    }
}
