using LanceOrm.Embeddings.TestSupport;

namespace LanceOrm.Tests.Support;

/// <summary>
/// A real model folder for the built-in <c>minilm</c> function: a generated 384-wide BERT-shaped ONNX model with the small
/// test vocabulary (ONNX Runtime runs it like all-MiniLM-L6-v2), written once per test run and deleted at exit.
/// </summary>
public static class GeneratedMiniLmModel
{
    private static readonly Lazy<string> LazyDirectory = new(() =>
    {
        var directory = Path.Combine(Path.GetTempPath(), "lanceorm-tests-model-" + Guid.NewGuid().ToString("N")[..8]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        var model = BertShapedTestModel.Create(TestModelFolder.SmallVocabulary.Count, hiddenSize: 384, maxPositions: 512, layers: 1);
        return TestModelFolder.Write(directory, model, TestModelFolder.SmallVocabulary);
    });

    public static string Directory => LazyDirectory.Value;
}
