using LanceOrm.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace LanceOrm.Embeddings.Onnx;

/// <summary>
/// A model loaded where the options' execution provider says, with the CPU as fallback:
/// <list type="bullet">
/// <item><see cref="ExecutionProviderKind.Auto"/>: CUDA when the loaded ONNX Runtime lists it, otherwise the CPU; a CUDA
/// failure always falls back.</item>
/// <item><see cref="ExecutionProviderKind.Cuda"/>: CUDA; a failure falls back when the options allow it (<c>FallbackToCpu</c>),
/// otherwise it is an <see cref="ExecutionProviderException"/>.</item>
/// <item><see cref="ExecutionProviderKind.Cpu"/>: the CPU.</item>
/// </list>
/// A fallback — at start, or when a run fails on the accelerator — logs one warning, counts
/// <see cref="LanceOrmTelemetry.ProviderFallbacks"/> and re-runs the failed batch on the CPU; the session stays on the
/// CPU from then on. Thread-safe.
/// </summary>
internal sealed class OnnxModelSession : IDisposable
{
    private readonly IOnnxSessionFactory _factory;
    private readonly string _modelPath;
    private readonly string _model;
    private readonly int _threads;
    private readonly bool _mayFallBack;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly List<IOnnxRunner> _retired = [];
    private readonly IOnnxRunner? _accelerated;
    private volatile IOnnxRunner _runner;
    private volatile string _provider;

    private OnnxModelSession(IOnnxSessionFactory factory, string modelPath, string model, int threads, bool mayFallBack, ILogger logger, IOnnxRunner runner, string provider)
    {
        _factory = factory;
        _modelPath = modelPath;
        _model = model;
        _threads = threads;
        _mayFallBack = mayFallBack;
        _logger = logger;
        _runner = runner;
        _provider = provider;
        _accelerated = provider == "CPU" ? null : runner;
    }

    /// <summary>Where the model runs now: <c>CPU</c> or <c>CUDA:n</c>.</summary>
    public string Provider => _provider;

    public IReadOnlyDictionary<string, NodeMetadata> InputMetadata => _runner.InputMetadata;

    public IReadOnlyDictionary<string, NodeMetadata> OutputMetadata => _runner.OutputMetadata;

    /// <summary>Loads <paramref name="modelPath"/> on <paramref name="requested"/>, with <paramref name="threads"/> intra-op threads.</summary>
    /// <exception cref="ExecutionProviderException">The native ONNX Runtime is missing, or the provider failed and no fallback is allowed.</exception>
    public static OnnxModelSession Open(string modelPath, OnnxExecutionProvider requested, bool fallbackToCpu, int threads, string model, ILogger logger, IOnnxSessionFactory? factory = null)
    {
        factory ??= OnnxSessionFactory.Instance;
        var mayFallBack = requested.Kind == ExecutionProviderKind.Auto || fallbackToCpu;
        var target = requested.Kind switch
        {
            ExecutionProviderKind.Cpu => OnnxExecutionProvider.Cpu,
            ExecutionProviderKind.Cuda => requested,
            _ => AvailableProviders(factory, model).Contains(OnnxSessionFactory.CudaProviderName) ? OnnxExecutionProvider.Cuda(requested.DeviceId) : OnnxExecutionProvider.Cpu,
        };

        OnnxModelSession On(IOnnxRunner runner, string provider) =>
            new(factory, modelPath, model, threads, mayFallBack, logger, runner, provider);

        if (target.Kind == ExecutionProviderKind.Cpu)
        {
            return On(CreateOnCpu(factory, modelPath, threads, model), "CPU");
        }

        IOnnxRunner accelerated;
        try
        {
            accelerated = factory.Create(modelPath, target, threads);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var provider = target.ToString();
            if (!mayFallBack)
            {
                throw new ExecutionProviderException(model, provider,
                    $"The embedding model '{model}' could not start on {provider}: {e.Message}. Reference the native package Microsoft.ML.OnnxRuntime.Gpu.Linux (or .Gpu.Windows) 1.31.0 instead of Microsoft.ML.OnnxRuntime, with CUDA 12 and cuDNN 9 on the machine, or allow the CPU to take over (FallbackToCpu = true).", e);
            }

            Log.StartFellBack(logger, model, provider, e.Message);
            LanceOrmTelemetry.RecordProviderFallback(model, provider, "start");
            return On(CreateOnCpu(factory, modelPath, threads, model), "CPU");
        }

        return On(accelerated, target.ToString());
    }

    /// <summary>Runs the model; a failure on an accelerator moves the session to the CPU and runs it there (when allowed).</summary>
    public void Run(RunOptions runOptions, IReadOnlyCollection<string> inputNames, IReadOnlyCollection<OrtValue> inputs, IReadOnlyCollection<string> outputNames, IReadOnlyCollection<OrtValue> outputs)
    {
        var runner = _runner;
        try
        {
            runner.Run(runOptions, inputNames, inputs, outputNames, outputs);
        }
        catch (Exception e) when (IsAcceleratorFailure(runner, e, runOptions))
        {
            FallBack(runner, e).Run(runOptions, inputNames, inputs, outputNames, outputs);
        }
    }

    /// <summary>
    /// Runs the model into <paramref name="outputs"/> (same fallback); <paramref name="cancellationToken"/> terminates the run,
    /// which then ends in <see cref="OperationCanceledException"/>.
    /// </summary>
    public void Run(IReadOnlyCollection<string> inputNames, IReadOnlyCollection<OrtValue> inputs, IReadOnlyCollection<string> outputNames, IReadOnlyCollection<OrtValue> outputs, CancellationToken cancellationToken)
    {
        using var runOptions = new RunOptions();
        using var registration = cancellationToken.Register(static state => ((RunOptions)state!).Terminate = true, runOptions);
        try
        {
            Run(runOptions, inputNames, inputs, outputNames, outputs);
        }
        catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The embedding batch was cancelled.", cancellationToken);
        }
    }

    /// <summary>Runs the model with outputs ONNX Runtime allocates (same fallback).</summary>
    public IDisposableReadOnlyCollection<OrtValue> Run(RunOptions runOptions, IReadOnlyCollection<string> inputNames, IReadOnlyCollection<OrtValue> inputs, IReadOnlyCollection<string> outputNames)
    {
        var runner = _runner;
        try
        {
            return runner.Run(runOptions, inputNames, inputs, outputNames);
        }
        catch (Exception e) when (IsAcceleratorFailure(runner, e, runOptions))
        {
            return FallBack(runner, e).Run(runOptions, inputNames, inputs, outputNames);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _runner.Dispose();
            foreach (var retired in _retired)
            {
                retired.Dispose();
            }

            _retired.Clear();
        }
    }

    /// <summary>
    /// Any failure of a run on the accelerator, other than a cancellation, is taken for a provider failure: the batch is
    /// run again on the CPU, and if the CPU fails too, that error is the one the caller sees.
    /// </summary>
    private bool IsAcceleratorFailure(IOnnxRunner failed, Exception e, RunOptions runOptions) =>
        ReferenceEquals(failed, _accelerated) && !runOptions.Terminate && e is not OperationCanceledException;

    private IOnnxRunner FallBack(IOnnxRunner failed, Exception e)
    {
        if (!_mayFallBack)
        {
            throw new ExecutionProviderException(_model, _provider,
                $"A run of the embedding model '{_model}' on {_provider} failed: {e.Message}. Nothing was embedded by this call; allow the CPU to take over with FallbackToCpu = true.", e);
        }

        lock (_gate)
        {
            if (!ReferenceEquals(failed, _runner))
            {
                return _runner; // another caller already moved the session to the CPU
            }

            var provider = _provider;
            var cpu = CreateOnCpu(_factory, _modelPath, _threads, _model);
            _retired.Add(failed); // runs still in flight on it finish (or fail over) before Dispose
            _runner = cpu;
            _provider = "CPU";
            Log.RunFellBack(_logger, _model, provider, e.Message);
            LanceOrmTelemetry.RecordProviderFallback(_model, provider, "run");
            return cpu;
        }
    }

    private static IReadOnlyCollection<string> AvailableProviders(IOnnxSessionFactory factory, string model)
    {
        try
        {
            return factory.AvailableProviders();
        }
        catch (Exception e) when (IsNativeLibraryMissing(e))
        {
            throw NativeMissing(model, e);
        }
    }

    private static IOnnxRunner CreateOnCpu(IOnnxSessionFactory factory, string modelPath, int threads, string model)
    {
        try
        {
            return factory.Create(modelPath, OnnxExecutionProvider.Cpu, threads);
        }
        catch (Exception e) when (IsNativeLibraryMissing(e))
        {
            throw NativeMissing(model, e);
        }
    }

    /// <summary>How the managed API fails when no native ONNX Runtime library (or an unusable one) is on the machine.</summary>
    private static bool IsNativeLibraryMissing(Exception e) =>
        e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or BadImageFormatException;

    private static ExecutionProviderException NativeMissing(string model, Exception e) =>
        new(model, "CPU",
            $"The native ONNX Runtime library could not be loaded for the embedding model '{model}' ({e.GetType().Name}: {e.Message}). LanceOrm uses the managed ONNX Runtime API; the application chooses the native package: add <PackageReference Include=\"Microsoft.ML.OnnxRuntime\" Version=\"1.31.0\" /> (CPU) or Microsoft.ML.OnnxRuntime.Gpu.Linux / .Gpu.Windows 1.31.0 (CUDA).",
            e);
}
