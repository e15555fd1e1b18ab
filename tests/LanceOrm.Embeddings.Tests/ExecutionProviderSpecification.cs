using LanceOrm.Diagnostics;
using LanceOrm.Embeddings.Onnx;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.ML.OnnxRuntime;

namespace LanceOrm.Embeddings.Tests;

/// <summary>
/// Where a model runs: Auto picks CUDA only when ONNX Runtime lists it; a CUDA failure — at start or during a run —
/// moves the model to the CPU with one warning and one count on <c>lanceorm.embeddings.provider_fallbacks</c>, and the
/// vectors are the CPU's; with the fallback refused it is a typed error. The tests run on this machine's CPU-only ONNX
/// Runtime (the real CUDA start fails here) or force the failure with a session factory.
/// </summary>
public sealed class ExecutionProviderSpecification
{
    private static readonly string[] Texts = ["the cat sits outside", "a man is playing guitar", "hello"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Auto_runs_on_the_cpu_when_onnx_runtime_does_not_list_cuda_and_nothing_falls_back()
    {
        using var fallbacks = FallbackCollector();
        using var generator = Generator(OnnxExecutionProvider.Auto, fallbackToCpu: false, out _);

        await generator.GenerateAsync(Texts, cancellationToken: Ct);

        Assert.DoesNotContain(OnnxSessionFactory.CudaProviderName, OrtEnv.Instance().GetAvailableProviders());
        Assert.Equal("CPU", generator.ExecutionProvider);
        Assert.Empty(fallbacks.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task Auto_uses_cuda_when_listed_and_falls_back_to_the_cpu_when_it_fails_to_start()
    {
        using var fallbacks = FallbackCollector();
        var factory = new ScriptedFactory(listsCuda: true, startCuda: () => throw new OnnxRuntimeException_("CUDA failure 100: no CUDA-capable device is detected"));
        using var generator = Generator(OnnxExecutionProvider.Auto, fallbackToCpu: false, out var logger, factory);

        var vectors = await generator.GenerateAsync(Texts, cancellationToken: Ct);

        Assert.Equal(1, factory.CudaStarts);
        Assert.Equal("CPU", generator.ExecutionProvider);
        await AssertSameAsCpuAsync(vectors);
        var warning = Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("CUDA:0", warning.Message);
        Assert.Contains("no CUDA-capable device", warning.Message);
        var count = Assert.Single(fallbacks.GetMeasurementSnapshot());
        Assert.Equal("start", count.Tags[LanceOrmTelemetry.StageTag]);
        Assert.Equal("CUDA:0", count.Tags["provider"]);
    }

    [Fact]
    public async Task Cuda_on_an_onnx_runtime_without_cuda_falls_back_to_the_cpu_with_one_warning_and_one_count()
    {
        using var fallbacks = FallbackCollector();
        using var generator = Generator(OnnxExecutionProvider.Cuda(0), fallbackToCpu: true, out var logger); // the real factory: this CPU package has no CUDA entry point

        var vectors = await generator.GenerateAsync(Texts, cancellationToken: Ct);
        await generator.GenerateAsync(["and again"], cancellationToken: Ct);

        Assert.Equal("CPU", generator.ExecutionProvider);
        await AssertSameAsCpuAsync(vectors);
        Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Single(fallbacks.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task Cuda_without_fallback_that_cannot_start_is_a_typed_error_naming_the_provider_and_the_native_package()
    {
        using var generator = Generator(OnnxExecutionProvider.Cuda(1), fallbackToCpu: false, out _);

        var error = await Assert.ThrowsAsync<ExecutionProviderException>(() => generator.GenerateAsync(Texts, cancellationToken: Ct));

        Assert.Equal("CUDA:1", error.Provider);
        Assert.Equal("all-MiniLM-L6-v2", error.Model);
        Assert.Contains("Microsoft.ML.OnnxRuntime.Gpu.Linux", error.Message);
        Assert.Contains("FallbackToCpu", error.Message);
    }

    [Fact]
    public async Task A_run_that_fails_on_the_accelerator_is_run_again_on_the_cpu_which_serves_every_later_call()
    {
        using var fallbacks = FallbackCollector();
        var factory = new ScriptedFactory(listsCuda: true, startCuda: null, cudaRunFails: true);
        using var generator = Generator(OnnxExecutionProvider.Cuda(0), fallbackToCpu: true, out var logger, factory);

        var first = await generator.GenerateAsync(Texts, cancellationToken: Ct);
        Assert.Equal("CPU", generator.ExecutionProvider);
        var second = await generator.GenerateAsync(Texts, cancellationToken: Ct);

        Assert.Equal(1, factory.CudaRuns); // the failed one; every later batch runs on the CPU
        await AssertSameAsCpuAsync(first);
        await AssertSameAsCpuAsync(second);
        var warning = Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("illegal memory access", warning.Message);
        Assert.Equal("run", Assert.Single(fallbacks.GetMeasurementSnapshot()).Tags[LanceOrmTelemetry.StageTag]);
    }

    [Fact]
    public async Task A_run_that_fails_on_cuda_without_fallback_is_a_typed_error()
    {
        var factory = new ScriptedFactory(listsCuda: true, startCuda: null, cudaRunFails: true);
        using var generator = Generator(OnnxExecutionProvider.Cuda(0), fallbackToCpu: false, out _, factory);

        var error = await Assert.ThrowsAsync<ExecutionProviderException>(() => generator.GenerateAsync(Texts, cancellationToken: Ct));

        Assert.Equal("CUDA:0", error.Provider);
        Assert.Contains("illegal memory access", error.Message);
        Assert.Equal("CUDA:0", generator.ExecutionProvider); // nothing moved
    }

    [Fact]
    public async Task A_missing_native_onnx_runtime_is_a_typed_error_with_the_package_to_add()
    {
        var factory = new ScriptedFactory(listsCuda: false, startCuda: null) { NativeMissing = true };
        using var generator = Generator(OnnxExecutionProvider.Auto, fallbackToCpu: true, out _, factory);

        var error = await Assert.ThrowsAsync<ExecutionProviderException>(() => generator.GenerateAsync(Texts, cancellationToken: Ct));

        Assert.Contains("<PackageReference Include=\"Microsoft.ML.OnnxRuntime\" Version=\"1.31.0\" />", error.Message);
        Assert.IsType<DllNotFoundException>(error.InnerException);
    }

    private static MiniLmEmbeddingGenerator Generator(OnnxExecutionProvider provider, bool fallbackToCpu, out FakeLogger logger, IOnnxSessionFactory? factory = null)
    {
        var options = GeneratedModel.Options();
        options.ExecutionProvider = provider;
        options.FallbackToCpu = fallbackToCpu;
        var fake = new FakeLogger();
        logger = fake;
        return new MiniLmEmbeddingGenerator(options, new SingleLoggerFactory(fake), resolver: null, factory);
    }

    private static async Task AssertSameAsCpuAsync(Microsoft.Extensions.AI.GeneratedEmbeddings<Microsoft.Extensions.AI.Embedding<float>> vectors)
    {
        using var cpu = GeneratedModel.CreateGenerator();
        var expected = await cpu.GenerateAsync(vectors.Count == Texts.Length ? Texts : throw new InvalidOperationException(), cancellationToken: Ct);
        for (var i = 0; i < Texts.Length; i++)
        {
            Assert.Equal(expected[i].Vector.ToArray(), vectors[i].Vector.ToArray());
        }
    }

    private static MetricCollector<long> FallbackCollector() =>
        new(LanceOrmTelemetry.Meter, LanceOrmTelemetry.ProviderFallbacks);

    /// <summary>An exception of the kind ONNX Runtime raises (its own type's constructor is not public).</summary>
    private sealed class OnnxRuntimeException_(string message) : Exception(message);

    /// <summary>
    /// A session factory that lists CUDA or not, and whose "CUDA" session fails to start or fails every run; CPU
    /// sessions are real, on the real factory.
    /// </summary>
    private sealed class ScriptedFactory(bool listsCuda, Func<IOnnxRunner>? startCuda, bool cudaRunFails = false) : IOnnxSessionFactory
    {
        public int CudaStarts { get; private set; }

        public int CudaRuns => _runs;

        public bool NativeMissing { get; init; }

        private int _runs;

        public IReadOnlyCollection<string> AvailableProviders() =>
            NativeMissing ? throw new DllNotFoundException("Unable to load shared library 'onnxruntime'")
            : listsCuda ? [OnnxSessionFactory.CudaProviderName, "CPUExecutionProvider"] : ["CPUExecutionProvider"];

        public IOnnxRunner Create(string modelPath, OnnxExecutionProvider provider, int intraOpThreads)
        {
            if (NativeMissing)
            {
                throw new DllNotFoundException("Unable to load shared library 'onnxruntime'");
            }

            if (provider.Kind != ExecutionProviderKind.Cuda)
            {
                return OnnxSessionFactory.Instance.Create(modelPath, provider, intraOpThreads);
            }

            CudaStarts++;
            if (startCuda is not null)
            {
                return startCuda();
            }

            var inner = OnnxSessionFactory.Instance.Create(modelPath, OnnxExecutionProvider.Cpu, intraOpThreads);
            return cudaRunFails ? new FailingRunner(inner, () => Interlocked.Increment(ref _runs)) : inner;
        }
    }

    private sealed class FailingRunner(IOnnxRunner inner, Action counted) : IOnnxRunner
    {
        public IReadOnlyDictionary<string, NodeMetadata> InputMetadata => inner.InputMetadata;

        public IReadOnlyDictionary<string, NodeMetadata> OutputMetadata => inner.OutputMetadata;

        public void Run(RunOptions runOptions, IReadOnlyCollection<string> inputNames, IReadOnlyCollection<OrtValue> inputs, IReadOnlyCollection<string> outputNames, IReadOnlyCollection<OrtValue> outputs)
        {
            counted();
            throw new OnnxRuntimeException_("CUDA failure 700: an illegal memory access was encountered");
        }

        public IDisposableReadOnlyCollection<OrtValue> Run(RunOptions runOptions, IReadOnlyCollection<string> inputNames, IReadOnlyCollection<OrtValue> inputs, IReadOnlyCollection<string> outputNames) =>
            inner.Run(runOptions, inputNames, inputs, outputNames); // the dimension probe at load time

        public void Dispose() => inner.Dispose();
    }

    private sealed class SingleLoggerFactory(ILogger logger) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => logger;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }
    }
}
