namespace LanceOrm.Embeddings;

/// <summary>Counters of one <see cref="MiniLmEmbeddingGenerator"/> (also published on the <c>LanceOrm</c> meter). Thread-safe.</summary>
public sealed class MiniLmStatistics
{
    private long _texts;
    private long _truncations;
    private long _batches;
    private long _tokens;
    private long _paddedTokens;

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
        $"texts {TextsEmbedded}, truncated {Truncations}, batches {Batches}, tokens {Tokens}, padding {PaddedTokens}";
}
