namespace LanceOrm.Embeddings.Tests;

internal static class VectorAssert
{
    public static void Close(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, float tolerance = 1e-5f)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (MathF.Abs(expected[i] - actual[i]) > tolerance)
            {
                Assert.Fail($"Element {i}: expected {expected[i]}, got {actual[i]} (tolerance {tolerance}).");
            }
        }
    }

    public static void UnitLength(ReadOnlySpan<float> vector)
    {
        var sum = 0d;
        foreach (var v in vector)
        {
            Assert.True(float.IsFinite(v), $"Non-finite value {v}.");
            sum += v * v;
        }

        Assert.InRange(Math.Sqrt(sum), 0.9999, 1.0001);
    }
}
