namespace LanceOrm.Embeddings.TestSupport;

/// <summary>
/// A small BERT-shaped ONNX model with known weights: the same inputs (<c>input_ids</c>, <c>attention_mask</c>,
/// <c>token_type_ids</c>, int64 [batch, sequence]) and output (<c>last_hidden_state</c>, float [batch, sequence, hidden])
/// as the all-MiniLM-L6-v2 export. Token vector = word[id] + tokenType[type] + position[t], then <see cref="Layers"/>
/// residual blocks h = h + tanh(h · W). Every table row is non-zero, the [PAD] row (id 0) included, so a pipeline
/// that pools padding shows it. The attention mask is an input but, as in a real encoder's padded positions, it does
/// not zero the output: pooling must apply it.
/// </summary>
public sealed class BertShapedTestModel
{
    private BertShapedTestModel(int vocabularySize, int hiddenSize, int maxPositions, int layers, int seed)
    {
        VocabularySize = vocabularySize;
        HiddenSize = hiddenSize;
        MaxPositions = maxPositions;
        Layers = layers;
        var random = new Random(seed);
        WordEmbeddings = Values(random, vocabularySize * hiddenSize, 1f);
        TokenTypeEmbeddings = Values(random, 2 * hiddenSize, 0.25f);
        PositionEmbeddings = Values(random, maxPositions * hiddenSize, 0.25f);
        LayerWeights = Enumerable.Range(0, layers).Select(_ => Values(random, hiddenSize * hiddenSize, 1f / MathF.Sqrt(hiddenSize))).ToArray();
    }

    /// <summary>Rows of the word table.</summary>
    public int VocabularySize { get; }

    /// <summary>The output width (the embedding dimension).</summary>
    public int HiddenSize { get; }

    /// <summary>Rows of the position table (longest sequence).</summary>
    public int MaxPositions { get; }

    /// <summary>Residual MatMul+Tanh blocks after the embeddings (0 = embeddings only; more = more compute per token).</summary>
    public int Layers { get; }

    /// <summary>[vocabulary, hidden], row-major.</summary>
    public float[] WordEmbeddings { get; }

    /// <summary>[2, hidden], row-major.</summary>
    public float[] TokenTypeEmbeddings { get; }

    /// <summary>[positions, hidden], row-major.</summary>
    public float[] PositionEmbeddings { get; }

    /// <summary>One [hidden, hidden] matrix per layer, row-major.</summary>
    public float[][] LayerWeights { get; }

    /// <summary>Creates a model with pseudo-random (seeded, so reproducible) tables.</summary>
    public static BertShapedTestModel Create(int vocabularySize, int hiddenSize, int maxPositions = 512, int layers = 0, int seed = 7)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabularySize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPositions, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(layers);
        return new BertShapedTestModel(vocabularySize, hiddenSize, maxPositions, layers, seed);
    }

    /// <summary>The model's output at one position, computed on the CPU from the tables (no ONNX involved).</summary>
    public float[] HiddenState(int tokenId, int tokenType, int position)
    {
        var h = new float[HiddenSize];
        for (var i = 0; i < HiddenSize; i++)
        {
            h[i] = WordEmbeddings[(tokenId * HiddenSize) + i] + TokenTypeEmbeddings[(tokenType * HiddenSize) + i] + PositionEmbeddings[(position * HiddenSize) + i];
        }

        foreach (var w in LayerWeights)
        {
            var next = new float[HiddenSize];
            for (var j = 0; j < HiddenSize; j++)
            {
                var sum = 0f;
                for (var i = 0; i < HiddenSize; i++)
                {
                    sum += h[i] * w[(i * HiddenSize) + j];
                }

                next[j] = h[j] + MathF.Tanh(sum);
            }

            h = next;
        }

        return h;
    }

    /// <summary>The ONNX ModelProto bytes.</summary>
    public byte[] ToOnnx()
    {
        var g = new OnnxGraphBuilder()
            .Input("input_ids", OnnxGraphBuilder.Int64, "batch_size", "sequence_length")
            .Input("attention_mask", OnnxGraphBuilder.Int64, "batch_size", "sequence_length")
            .Input("token_type_ids", OnnxGraphBuilder.Int64, "batch_size", "sequence_length")
            .Output("last_hidden_state", OnnxGraphBuilder.Float, "batch_size", "sequence_length", HiddenSize)
            .FloatInitializer("embeddings.word_embeddings.weight", [VocabularySize, HiddenSize], WordEmbeddings)
            .FloatInitializer("embeddings.token_type_embeddings.weight", [2, HiddenSize], TokenTypeEmbeddings)
            .FloatInitializer("embeddings.position_embeddings.weight", [MaxPositions, HiddenSize], PositionEmbeddings)
            .Int64Initializer("zero", [], [0])
            .Int64Initializer("one", [], [1])
            .Node("Gather", ["embeddings.word_embeddings.weight", "input_ids"], ["words"], ("axis", 0))
            .Node("Gather", ["embeddings.token_type_embeddings.weight", "token_type_ids"], ["types"], ("axis", 0))
            .Node("Shape", ["input_ids"], ["input_shape"])
            .Node("Gather", ["input_shape", "one"], ["sequence_length"], ("axis", 0))
            .Node("Range", ["zero", "sequence_length", "one"], ["position_ids"])
            .Node("Gather", ["embeddings.position_embeddings.weight", "position_ids"], ["positions"], ("axis", 0))
            .Node("Add", ["words", "types"], ["words_types"]);
        var current = "embeddings";
        g.Node("Add", ["words_types", "positions"], [Layers == 0 ? "last_hidden_state" : current]);
        for (var l = 0; l < Layers; l++)
        {
            var output = l == Layers - 1 ? "last_hidden_state" : $"layer_{l}";
            g.FloatInitializer($"layer_{l}.weight", [HiddenSize, HiddenSize], LayerWeights[l])
                .Node("MatMul", [current, $"layer_{l}.weight"], [$"layer_{l}.matmul"])
                .Node("Tanh", [$"layer_{l}.matmul"], [$"layer_{l}.tanh"])
                .Node("Add", [current, $"layer_{l}.tanh"], [output]);
            current = output;
        }

        return g.Build();
    }

    private static float[] Values(Random random, int count, float scale)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            // Never zero: |v| >= 0.05 * scale, so pad rows always contribute if pooled.
            var v = (float)((random.NextDouble() * 1.9) + 0.1) * (random.Next(2) == 0 ? -0.5f : 0.5f);
            values[i] = v * scale;
        }

        return values;
    }
}
