namespace LanceOrm.Embeddings;

/// <summary>Counters of one <see cref="MiniLmEmbeddingGenerator"/> (also published on the <c>LanceOrm</c> meter). Thread-safe.</summary>
public sealed class TextModelStatistics
{
    private long _texts;
    private long _truncations;
    private long _batches;
    private long _tokens;
    private long _paddedTokens;
    private long _tokenizationTicks;
    private long _inferenceTicks;

    /// <summary>Texts run through the model.</summary>
    public long TextsEmbedded => Interlocked.Read(ref _texts);

    /// <summary>Texts cut to the word-piece limit.</summary>
    public long Truncations => Interlocked.Read(ref _truncations);

    /// <summary>Inference batches run.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Real word pieces fed to the model, [CLS]/[SEP] included.</summary>
    public long Tokens => Interlocked.Read(ref _tokens);

    /// <summary>Pad positions fed to the model (what length bucketing keeps small).</summary>
    public long PaddedTokens => Interlocked.Read(ref _paddedTokens);

    /// <summary>Time spent tokenizing (wall time of the tokenization step of each call, summed).</summary>
    public TimeSpan TokenizationTime => TimeSpan.FromTicks(Interlocked.Read(ref _tokenizationTicks));

    /// <summary>Time spent in ONNX Runtime inference (summed over batches; pooling and normalisation excluded).</summary>
    public TimeSpan InferenceTime => TimeSpan.FromTicks(Interlocked.Read(ref _inferenceTicks));

    internal void Tokenized(TimeSpan elapsed) => Interlocked.Add(ref _tokenizationTicks, elapsed.Ticks);

    internal void Inferred(TimeSpan elapsed) => Interlocked.Add(ref _inferenceTicks, elapsed.Ticks);

    internal void Texts(long count) => Interlocked.Add(ref _texts, count);

    internal void Truncated() => Interlocked.Increment(ref _truncations);

    internal void Batch(long tokens, long padded)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _tokens, tokens);
        Interlocked.Add(ref _paddedTokens, padded);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"texts {TextsEmbedded}, truncated {Truncations}, batches {Batches}, tokens {Tokens}, padding {PaddedTokens}, tokenization {TokenizationTime.TotalMilliseconds:F0} ms, inference {InferenceTime.TotalMilliseconds:F0} ms";
}
