using LanceOrm.Diagnostics;
using LanceOrm.Embeddings.Onnx;
using System.Buffers;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace LanceOrm.Embeddings;

/// <summary>
/// A loaded BERT-style sentence encoder: tokenizer + one thread-safe <see cref="OnnxModelSession"/> (CPU or CUDA, with
/// the CPU as fallback). Texts are tokenized, sorted by length, cut into batches of similar length (minimal padding), run
/// with pooled input/output buffers, pooled (attention-masked mean, or [CLS]) and L2-normalised straight into the
/// caller's buffer.
/// </summary>
internal sealed class TextEncoderEngine : IDisposable
{
    public const string InputIds = "input_ids";
    public const string AttentionMask = "attention_mask";
    public const string TokenTypeIds = "token_type_ids";
    public const string LastHiddenState = "last_hidden_state";
    private const string TokenEmbeddings = "token_embeddings";

    private const int ParallelTokenizationThreshold = 256;

    private readonly OnnxModelSession _session;
    private readonly WordPieceTokenizer _tokenizer;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly bool _feedsTokenTypes;
    private readonly int _maxBatchSize;
    private readonly string _modelName;
    private readonly TextPooling _pooling;

    public TextEncoderEngine(ModelFiles files, TextModelOptions options, ILogger logger, IOnnxSessionFactory? sessionFactory = null)
    {
        Files = files;
        _tokenizer = WordPieceTokenizer.FromVocabulary(files.VocabularyPath, options.MaxTokens);
        _maxBatchSize = options.MaxBatchSize;
        _modelName = options.Manifest.Name;
        _pooling = options.Manifest.Pooling;
        _session = OnnxModelSession.Open(files.ModelPath, options.ExecutionProvider, options.FallbackToCpu, options.IntraOpThreads, _modelName, logger, sessionFactory);
        Log.Loaded(logger, _modelName, files.ModelPath, _session.Provider);
        try
        {
            var inputs = _session.InputMetadata;
            foreach (var required in new[] { InputIds, AttentionMask })
            {
                if (!inputs.ContainsKey(required))
                {
                    throw new InvalidDataException($"The model {files.ModelPath} has no input '{required}'; its inputs are: {string.Join(", ", inputs.Keys)}.");
                }
            }

            _feedsTokenTypes = inputs.ContainsKey(TokenTypeIds);
            _inputNames = _feedsTokenTypes ? [InputIds, AttentionMask, TokenTypeIds] : [InputIds, AttentionMask];
            var outputs = _session.OutputMetadata;
            var output = outputs.ContainsKey(LastHiddenState) ? LastHiddenState
                : outputs.ContainsKey(TokenEmbeddings) ? TokenEmbeddings
                : throw new InvalidDataException($"The model {files.ModelPath} has no output '{LastHiddenState}'; its outputs are: {string.Join(", ", outputs.Keys)}.");
            _outputNames = [output];
            var shape = outputs[output].Dimensions;
            if (shape.Length != 3)
            {
                throw new InvalidDataException($"The model output '{output}' has rank {shape.Length}; [batch, sequence, hidden] was expected.");
            }

            Dimensions = shape[2] > 0 ? shape[2] : ProbeHiddenSize();
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    public ModelFiles Files { get; }

    /// <summary>Where the model runs now: <c>CPU</c> or <c>CUDA:n</c>.</summary>
    public string Provider => _session.Provider;

    public int Dimensions { get; }

    public WordPieceTokenizer Tokenizer => _tokenizer;

    /// <summary>Embeds <paramref name="texts"/> into <paramref name="destination"/> (row-major, <see cref="Dimensions"/> per text).</summary>
    /// <returns>The number of real word pieces fed to the model, and how many texts were cut to the word-piece limit.</returns>
    public (long Tokens, int Truncated) Embed(IReadOnlyList<string> texts, Span<float> destination, TextModelStatistics statistics, CancellationToken cancellationToken)
    {
        TextInput.ThrowIfAnyNull(texts, nameof(texts));
        if (destination.Length < texts.Count * Dimensions)
        {
            throw new InvalidOperationException($"The model produces {Dimensions}-dimensional vectors; the destination holds {destination.Length} floats for {texts.Count} texts.");
        }

        var encoded = new int[texts.Count][];
        var lengths = new int[texts.Count];
        var truncated = 0;
        var tokenizing = System.Diagnostics.Stopwatch.GetTimestamp();
        if (texts.Count >= ParallelTokenizationThreshold)
        {
            // Tokenization runs while no inference does, so spreading it over the cores shortens the whole call.
            Parallel.For(0, texts.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            {
                if (Tokenize(texts, i, encoded, lengths, statistics))
                {
                    Interlocked.Increment(ref truncated);
                }
            });
        }
        else
        {
            for (var i = 0; i < texts.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                truncated += Tokenize(texts, i, encoded, lengths, statistics) ? 1 : 0;
            }
        }

        statistics.Tokenized(System.Diagnostics.Stopwatch.GetElapsedTime(tokenizing));

        // Length buckets: sorted by token count, consecutive texts share a batch, so each batch pads to nearly nothing.
        var order = new int[texts.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(lengths, order);
        long tokens = 0;
        for (var start = 0; start < order.Length; start += _maxBatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = order.AsSpan(start, Math.Min(_maxBatchSize, order.Length - start));
            tokens += RunBatch(rows, encoded, destination, statistics, cancellationToken);
        }

        statistics.Texts(texts.Count);
        LanceOrmTelemetry.RecordModelTexts(_modelName, texts.Count);
        return (tokens, truncated);
    }

    /// <summary>Tokenizes text <paramref name="i"/>; returns whether it was cut to the word-piece limit.</summary>
    private bool Tokenize(IReadOnlyList<string> texts, int i, int[][] encoded, int[] lengths, TextModelStatistics statistics)
    {
        encoded[i] = _tokenizer.Encode(texts[i], out var truncated);
        lengths[i] = encoded[i].Length;
        if (truncated)
        {
            statistics.Truncated();
            LanceOrmTelemetry.RecordTruncation(_modelName);
        }

        return truncated;
    }

    private long RunBatch(ReadOnlySpan<int> rows, int[][] encoded, Span<float> destination, TextModelStatistics statistics, CancellationToken cancellationToken)
    {
        var batch = rows.Length;
        var sequence = 0;
        long tokens = 0;
        foreach (var row in rows)
        {
            sequence = Math.Max(sequence, encoded[row].Length);
            tokens += encoded[row].Length;
        }

        var cells = batch * sequence;
        var hiddenCells = cells * Dimensions;
        var ids = ArrayPool<long>.Shared.Rent(cells);
        var mask = ArrayPool<long>.Shared.Rent(cells);
        var types = ArrayPool<long>.Shared.Rent(cells);
        var hidden = ArrayPool<float>.Shared.Rent(hiddenCells);
        try
        {
            Array.Clear(types, 0, cells);
            long pad = _tokenizer.PaddingId;
            for (var r = 0; r < batch; r++)
            {
                var pieces = encoded[rows[r]];
                var offset = r * sequence;
                for (var t = 0; t < sequence; t++)
                {
                    var real = t < pieces.Length;
                    ids[offset + t] = real ? pieces[t] : pad;
                    mask[offset + t] = real ? 1 : 0;
                }
            }

            long[] inputShape = [batch, sequence];
            var memory = OrtMemoryInfo.DefaultInstance;
            using var idsValue = OrtValue.CreateTensorValueFromMemory(memory, ids.AsMemory(0, cells), inputShape);
            using var maskValue = OrtValue.CreateTensorValueFromMemory(memory, mask.AsMemory(0, cells), inputShape);
            using var typesValue = OrtValue.CreateTensorValueFromMemory(memory, types.AsMemory(0, cells), inputShape);
            using var hiddenValue = OrtValue.CreateTensorValueFromMemory(memory, hidden.AsMemory(0, hiddenCells), [batch, sequence, Dimensions]);
            OrtValue[] inputs = _feedsTokenTypes ? [idsValue, maskValue, typesValue] : [idsValue, maskValue];
            var inferring = System.Diagnostics.Stopwatch.GetTimestamp();
            Run(inputs, [hiddenValue], cancellationToken);
            statistics.Inferred(System.Diagnostics.Stopwatch.GetElapsedTime(inferring));

            for (var r = 0; r < batch; r++)
            {
                var states = hidden.AsSpan(r * sequence * Dimensions, sequence * Dimensions);
                var vector = destination.Slice(rows[r] * Dimensions, Dimensions);
                if (_pooling == TextPooling.Cls)
                {
                    ClsPooling.PoolAndNormalize(states, vector);
                }
                else
                {
                    MeanPooling.PoolAndNormalize(states, mask.AsSpan(r * sequence, sequence), vector);
                }
            }

            statistics.Batch(tokens, cells - tokens);
            LanceOrmTelemetry.RecordModelBatch(_modelName);
            return tokens;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ids);
            ArrayPool<long>.Shared.Return(mask);
            ArrayPool<long>.Shared.Return(types);
            ArrayPool<float>.Shared.Return(hidden);
        }
    }

    private void Run(OrtValue[] inputs, OrtValue[] outputs, CancellationToken cancellationToken) =>
        _session.Run(_inputNames, inputs, _outputNames, outputs, cancellationToken);

    private int ProbeHiddenSize()
    {
        long[] ids = [_tokenizer.SeparatorId, _tokenizer.SeparatorId];
        long[] ones = [1, 1];
        long[] zeros = [0, 0];
        long[] shape = [1, 2];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(ones, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(zeros, shape);
        OrtValue[] inputs = _feedsTokenTypes ? [idsValue, maskValue, typesValue] : [idsValue, maskValue];
        using var runOptions = new RunOptions();
        using var results = _session.Run(runOptions, _inputNames, inputs, _outputNames);
        var hidden = results[0].GetTensorTypeAndShape().Shape[2];
        Debug.Assert(hidden > 0);
        return checked((int)hidden);
    }

    public void Dispose() => _session.Dispose();
}
