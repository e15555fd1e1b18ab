namespace LanceOrm.Embeddings;

/// <summary>How a sentence encoder turns its per-token hidden states into one vector (before L2 normalisation).</summary>
internal enum TextPooling
{
    /// <summary>The mean over the real (attention-masked) tokens: all-MiniLM-L6-v2.</summary>
    Mean,

    /// <summary>The hidden state of the first token, [CLS]: snowflake-arctic-embed.</summary>
    Cls,
}
