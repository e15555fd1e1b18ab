namespace LanceOrm.Embeddings;

/// <summary>A resolved model: the ONNX file and the vocabulary, and where they were found.</summary>
/// <param name="Directory">The model folder.</param>
/// <param name="ModelPath">The ONNX file.</param>
/// <param name="VocabularyPath">The <c>vocab.txt</c> file.</param>
/// <param name="Origin">How the folder was found (option, environment variable, cache, download).</param>
/// <param name="IsInt8">Whether <paramref name="ModelPath"/> is an int8 model.</param>
internal sealed record ModelFiles(string Directory, string ModelPath, string VocabularyPath, string Origin, bool IsInt8 = false)
{
    private static readonly string[] Fp32Candidates = ["onnx/model.onnx", "model.onnx"];
    private static readonly string[] Int8Candidates =
    [
        "onnx/model_qint8_avx512.onnx", "onnx/model_qint8_arm64.onnx", "onnx/model_quint8_avx2.onnx",
        "onnx/model_quantized.onnx", "model_quantized.onnx",
    ];

    /// <summary>
    /// Finds the model files in <paramref name="directory"/>, or says what is missing. When <paramref name="int8"/> is
    /// asked for, a published int8 file is taken if there is one, else the fp32 file (to be quantized on this machine).
    /// </summary>
    internal static ModelFiles? TryFind(string directory, bool int8, string origin, out string problem)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            problem = "the folder does not exist";
            return null;
        }

        var vocabulary = Path.Combine(directory, "vocab.txt");
        var candidates = int8 ? [.. Int8Candidates, .. Fp32Candidates] : Fp32Candidates;
        var model = candidates.Select(c => Path.Combine(directory, c)).FirstOrDefault(File.Exists);
        var isInt8 = model is not null && Int8Candidates.Any(c => Path.Combine(directory, c) == model);
        if (model is null || !File.Exists(vocabulary))
        {
            var missing = new List<string>();
            if (model is null)
            {
                missing.Add(string.Join(" or ", candidates));
            }

            if (!File.Exists(vocabulary))
            {
                missing.Add("vocab.txt");
            }

            problem = "missing " + string.Join(" and ", missing);
            return null;
        }

        problem = "";
        return new ModelFiles(Path.GetFullPath(directory), Path.GetFullPath(model), Path.GetFullPath(vocabulary), origin, isInt8);
    }
}
