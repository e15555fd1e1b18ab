using System.Security.Cryptography;
using LanceOrm.Embeddings.Quantization;
using LanceOrm.Embeddings.TestSupport;
using Microsoft.ML.OnnxRuntime;

namespace LanceOrm.Embeddings.Tests;

/// <summary>
/// <see cref="Int8ModelCache"/>: the int8 model is produced once from the real fp32 model, with its checksum beside it,
/// reused while it matches, replaced when it does not; a fp32 file that is not a model is refused by name.
/// </summary>
public sealed class Int8ModelCacheSpecification
{
    [Fact]
    public async Task The_int8_model_is_produced_once_with_its_checksum_and_reused_unchanged_by_later_calls()
    {
        var fp32 = RealModelPathOrSkip();
        var cache = TempDirectory.Create("int8-cache");
        var cancellationToken = TestContext.Current.CancellationToken;

        var first = await Int8ModelCache.GetOrCreateAsync(fp32, cache, cancellationToken);
        var producedAt = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(first, producedAt);
        var second = await Int8ModelCache.GetOrCreateAsync(fp32, cache, cancellationToken);

        Assert.Equal(first, second);
        Assert.Equal(producedAt, File.GetLastWriteTimeUtc(second));
        Assert.Contains(Sha256(fp32), Path.GetFileName(first), StringComparison.Ordinal);
        Assert.EndsWith($".{Int8ModelCache.QuantizerVersion}.onnx", first, StringComparison.Ordinal);
        Assert.Equal(Sha256(first), File.ReadAllText(first + ".sha256"));
        Assert.Equal([Path.GetFileName(first), Path.GetFileName(first) + ".sha256"], Directory.GetFiles(cache).Select(Path.GetFileName).Order());
        Assert.InRange(new FileInfo(first).Length, 1, new FileInfo(fp32).Length * 3 / 4);
    }

    [Fact]
    public async Task A_corrupted_cached_model_is_detected_and_replaced_by_a_fresh_one()
    {
        var fp32 = RealModelPathOrSkip();
        var cache = TempDirectory.Create("int8-cache");
        var cancellationToken = TestContext.Current.CancellationToken;
        var path = await Int8ModelCache.GetOrCreateAsync(fp32, cache, cancellationToken);
        var good = File.ReadAllBytes(path);
        var corrupted = (byte[])good.Clone();
        corrupted[good.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, corrupted);

        var again = await Int8ModelCache.GetOrCreateAsync(fp32, cache, cancellationToken);

        Assert.Equal(path, again);
        Assert.Equal(good, File.ReadAllBytes(again));
        Assert.Equal(Sha256(again), File.ReadAllText(again + ".sha256"));
        using var session = new InferenceSession(again);
        Assert.Equal(384, session.OutputMetadata["last_hidden_state"].Dimensions[2]);
    }

    [Fact]
    public async Task A_fp32_file_that_is_not_an_onnx_model_gives_InvalidDataException_naming_it_and_leaves_the_cache_empty()
    {
        var folder = TempDirectory.Create("int8-bad");
        var notAModel = Path.Combine(folder, "model.onnx");
        File.WriteAllText(notAModel, "<html>404 not found</html>");
        var cache = Path.Combine(folder, "cache");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Int8ModelCache.GetOrCreateAsync(notAModel, cache, TestContext.Current.CancellationToken));

        Assert.Contains(notAModel, error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(cache));
    }

    [Fact]
    public async Task A_missing_fp32_file_gives_FileNotFoundException_naming_it()
    {
        var missing = Path.Combine(TempDirectory.Create("int8-missing"), "model.onnx");

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => Int8ModelCache.GetOrCreateAsync(missing, missing + ".cache", TestContext.Current.CancellationToken));

        Assert.Equal(missing, error.FileName);
    }

    private static string RealModelPathOrSkip()
    {
        if (SharedModelFiles.RealModelDirectory is not { } directory)
        {
            Assert.Skip(SharedModelFiles.RealModelMissingReason);
            throw new InvalidOperationException("unreachable");
        }

        return (ModelFiles.TryFind(directory, int8: false, "test", out var problem) ?? throw new InvalidOperationException(problem)).ModelPath;
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
