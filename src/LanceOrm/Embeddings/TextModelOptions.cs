namespace LanceOrm.Embeddings;

/// <summary>Settings of a built-in text model (BERT word pieces into an ONNX sentence encoder).</summary>
public abstract class TextModelOptions : OnnxModelOptions
{
    private protected TextModelOptions(ModelManifest manifest, int maxTokens)
    {
        Manifest = manifest;
        MaxTokens = maxTokens;
    }

    /// <summary>The most word pieces per text, [CLS] and [SEP] included (the model's own limit by default); longer text is truncated.</summary>
    public int MaxTokens { get; set; }

    /// <summary>What to fetch and verify (settable for tests: a loopback hub serves generated files).</summary>
    internal ModelManifest Manifest { get; set; }

    internal override void Validate()
    {
        base.Validate();
        ArgumentNullException.ThrowIfNull(Manifest, nameof(Manifest));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTokens, 3, nameof(MaxTokens));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxTokens, 512, nameof(MaxTokens));
    }
}
