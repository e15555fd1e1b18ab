using System.Runtime.CompilerServices;

namespace LanceOrm.Benchmarks;

/// <summary>A lazy, deterministic source of <see cref="StreamRow"/>s with pseudo-random unit-scale vectors (nothing materialised).</summary>
internal static class StreamRows
{
    public const int Dimensions = 384;

    public static async IAsyncEnumerable<StreamRow> GenerateAsync(long count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (long i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Make(i);
            if ((i & 0xFFF) == 0)
            {
                await Task.Yield();
            }
        }
    }

    public static IEnumerable<StreamRow> Generate(long count)
    {
        for (long i = 0; i < count; i++)
        {
            yield return Make(i);
        }
    }

    private static StreamRow Make(long id)
    {
        var vector = new float[Dimensions];
        var state = (ulong)id * 0x9E3779B97F4A7C15UL + 1;
        for (var d = 0; d < vector.Length; d++)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            vector[d] = ((state >> 40) / (float)(1UL << 24)) - 0.5f;
        }

        return new StreamRow { Id = id, Vector = vector };
    }
}
