namespace LanceOrm.Embeddings.Tests;

public sealed class ConcurrencySpecification
{
    [Fact]
    public async Task Thirty_two_concurrent_callers_get_exactly_the_vectors_of_serial_calls()
    {
        using var generator = GeneratedModel.CreateGenerator(maxBatchSize: 8);
        var ct = TestContext.Current.CancellationToken;
        var inputs = Enumerable.Range(0, 32)
            .Select(caller => Enumerable.Range(0, 12).Select(i => $"the cat {new string('a', 1 + ((caller + i) % 9))} sits outside {caller} {i}").ToArray())
            .ToArray();
        var serial = new List<float[][]>();
        foreach (var texts in inputs)
        {
            serial.Add((await generator.GenerateAsync(texts, cancellationToken: ct)).Select(e => e.Vector.ToArray()).ToArray());
        }

        using var start = new ManualResetEventSlim();
        var concurrent = await Task.WhenAll(inputs.Select(texts => Task.Run(
            async () =>
            {
                start.Wait(ct);
                return (await generator.GenerateAsync(texts, cancellationToken: ct)).Select(e => e.Vector.ToArray()).ToArray();
            },
            ct)).ToArray().Also(_ => start.Set()));

        for (var caller = 0; caller < inputs.Length; caller++)
        {
            for (var i = 0; i < inputs[caller].Length; i++)
            {
                Assert.Equal(serial[caller][i], concurrent[caller][i]);
            }
        }
    }
}

internal static class ObjectExtensions
{
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
