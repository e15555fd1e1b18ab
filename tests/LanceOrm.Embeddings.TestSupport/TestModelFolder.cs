using System.Text;

namespace LanceOrm.Embeddings.TestSupport;

/// <summary>
/// Writes a model folder laid out like the hub repository: <c>vocab.txt</c>, <c>onnx/model.onnx</c>, <c>config.json</c>,
/// <c>tokenizer_config.json</c>, <c>special_tokens_map.json</c> and (when a source is given) <c>tokenizer.json</c>, so that
/// both <c>MiniLmEmbeddingGenerator</c> and transformers.js can load it.
/// </summary>
public static class TestModelFolder
{
    /// <summary>
    /// A small WordPiece vocabulary: [PAD]=0, [UNK]=1, [CLS]=2, [SEP]=3, [MASK]=4, some whole words, the letters a–z
    /// and their ##continuations, so any ASCII word tokenizes (other characters become [UNK]).
    /// </summary>
    public static IReadOnlyList<string> SmallVocabulary { get; } = BuildSmallVocabulary();

    /// <summary>Writes the folder; <paramref name="vocabulary"/> must have at least <c>model.VocabularySize</c> lines.</summary>
    public static string Write(string directory, BertShapedTestModel model, IReadOnlyList<string> vocabulary, string? tokenizerJsonSource = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (vocabulary.Count > model.VocabularySize)
        {
            throw new ArgumentException($"The vocabulary has {vocabulary.Count} entries; the model's word table has {model.VocabularySize} rows.", nameof(vocabulary));
        }

        Directory.CreateDirectory(Path.Combine(directory, "onnx"));
        File.WriteAllText(Path.Combine(directory, "vocab.txt"), string.Join("\n", vocabulary) + "\n", new UTF8Encoding(false));
        File.WriteAllBytes(Path.Combine(directory, "onnx", "model.onnx"), model.ToOnnx());
        File.WriteAllText(Path.Combine(directory, "config.json"), $$"""
            {
              "architectures": ["BertModel"],
              "model_type": "bert",
              "hidden_size": {{model.HiddenSize}},
              "vocab_size": {{model.VocabularySize}},
              "max_position_embeddings": {{model.MaxPositions}},
              "type_vocab_size": 2,
              "num_hidden_layers": {{Math.Max(model.Layers, 1)}},
              "num_attention_heads": 1,
              "pad_token_id": 0
            }
            """);
        File.WriteAllText(Path.Combine(directory, "tokenizer_config.json"), """
            {"do_lower_case": true, "unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]", "cls_token": "[CLS]", "mask_token": "[MASK]", "tokenize_chinese_chars": true, "strip_accents": null, "tokenizer_class": "BertTokenizer", "model_max_length": 512}
            """);
        File.WriteAllText(Path.Combine(directory, "special_tokens_map.json"), """
            {"unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]", "cls_token": "[CLS]", "mask_token": "[MASK]"}
            """);
        if (tokenizerJsonSource is not null)
        {
            File.Copy(tokenizerJsonSource, Path.Combine(directory, "tokenizer.json"), overwrite: true);
        }

        return directory;
    }

    private static List<string> BuildSmallVocabulary()
    {
        var vocabulary = new List<string> { "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", ",", "!", "?" };
        vocabulary.AddRange(["the", "cat", "sits", "outside", "a", "man", "is", "playing", "guitar", "love", "pasta", "movie", "new", "hello", "world"]);
        for (var c = 'a'; c <= 'z'; c++)
        {
            if (!vocabulary.Contains(c.ToString()))
            {
                vocabulary.Add(c.ToString());
            }
        }

        for (var c = 'a'; c <= 'z'; c++)
        {
            vocabulary.Add("##" + c);
        }

        return vocabulary;
    }
}
