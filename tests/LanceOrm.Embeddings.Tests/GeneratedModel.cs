using LanceOrm.Embeddings.TestSupport;

namespace LanceOrm.Embeddings.Tests;

/// <summary>
/// The BERT-shaped model the tests generate once per run: 384 wide like all-MiniLM-L6-v2, the small test vocabulary,
/// 512 positions and one residual MatMul+Tanh layer, written as a real model folder under the temp directory.
/// </summary>
internal static class GeneratedModel
{
    public static BertShapedTestModel Model { get; } =
        BertShapedTestModel.Create(TestModelFolder.SmallVocabulary.Count, hiddenSize: 384, maxPositions: 512, layers: 1);

    private static readonly Lazy<string> LazyDirectory = new(() =>
        TestModelFolder.Write(TempDirectory.Create("generated-model"), Model, TestModelFolder.SmallVocabulary));

    public static string Directory => LazyDirectory.Value;

    public static string VocabularyPath => Path.Combine(Directory, "vocab.txt");

    public static MiniLmOptions Options(int maxBatchSize = 32) => new()
    {
        ModelDirectory = Directory,
        AllowDownload = false,
        MaxBatchSize = maxBatchSize,
        IntraOpThreads = 1,
    };

    public static MiniLmEmbeddingGenerator CreateGenerator(int maxBatchSize = 32) => new(Options(maxBatchSize));

    /// <summary>The hand computation: mean of the model's token vectors over the real tokens, then L2 normalisation.</summary>
    public static float[] HandPooledVector(IReadOnlyList<int> ids)
    {
        var size = Model.HiddenSize;
        var sum = new double[size];
        for (var t = 0; t < ids.Count; t++)
        {
            var h = Model.HiddenState(ids[t], tokenType: 0, position: t);
            for (var i = 0; i < size; i++)
            {
                sum[i] += h[i];
            }
        }

        var norm = Math.Sqrt(sum.Sum(v => (v / ids.Count) * (v / ids.Count)));
        return sum.Select(v => (float)(v / ids.Count / norm)).ToArray();
    }
}
