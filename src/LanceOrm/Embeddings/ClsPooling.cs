using System.Numerics.Tensors;

namespace LanceOrm.Embeddings;

/// <summary>
/// sentence-transformers' CLS pooling: the hidden state of the first token ([CLS]), then L2 normalisation (divided by
/// max(norm, 1e-12)).
/// </summary>
internal static class ClsPooling
{
    /// <param name="hidden">One row of <c>last_hidden_state</c> (at least <c>destination.Length</c> floats; the first token comes first).</param>
    /// <param name="destination">The sentence vector (its length is the hidden size).</param>
    public static void PoolAndNormalize(ReadOnlySpan<float> hidden, Span<float> destination)
    {
        hidden[..destination.Length].CopyTo(destination);
        var norm = TensorPrimitives.Norm(destination);
        TensorPrimitives.Divide(destination, MathF.Max(norm, 1e-12f), destination);
    }
}
