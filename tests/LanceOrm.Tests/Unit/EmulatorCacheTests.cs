using System.Text;
using LanceOrm.Testing;

namespace LanceOrm.Tests.Unit;

/// <summary>
/// The extraction of the emulator sources embedded in LanceOrm.Testing.dll into the user cache (with a stand-in for
/// <c>npm ci</c> that only creates <c>node_modules</c>, so these tests need neither npm nor the network).
/// </summary>
public sealed class EmulatorCacheTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lanceorm-emulator-cache-").FullName;
    private int _installs;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_dll_embeds_the_emulator_sources_and_no_tests_or_node_modules()
    {
        var paths = EmulatorCache.EmbeddedSources.Select(s => s.RelativePath).ToArray();

        Assert.Contains("server.mjs", paths);
        Assert.Contains("package.json", paths);
        Assert.Contains("package-lock.json", paths);
        Assert.Contains("src/routes/query.mjs", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("test/", StringComparison.Ordinal) || p.Contains("node_modules", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_extracted_files_equal_the_embedded_sources_and_the_repository_emulator()
    {
        var folder = await EnsureAsync(EmulatorCache.EmbeddedSources);

        Assert.Equal(Path.Combine(_root, EmulatorCache.Key(EmulatorCache.EmbeddedSources)), folder);
        foreach (var source in EmulatorCache.EmbeddedSources)
        {
            Assert.Equal(source.Content, await File.ReadAllBytesAsync(Path.Combine(folder, source.RelativePath), Ct));
        }

        // The embedded copy is the repository's emulator/ (file for file).
        var repository = LanceDbEmulator.FindEmulatorDirectory(new LanceDbEmulatorOptions())!;
        var expected = new[] { "server.mjs", "package.json", "package-lock.json" }
            .Concat(Directory.EnumerateFiles(Path.Combine(repository, "src"), "*.mjs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(repository, f).Replace('\\', '/')))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, EmulatorCache.EmbeddedSources.Select(s => s.RelativePath));
        foreach (var source in EmulatorCache.EmbeddedSources)
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(repository, source.RelativePath), Ct), source.Content);
        }
    }

    [Fact]
    public async Task A_second_start_reuses_the_extracted_folder_without_installing_again()
    {
        var first = await EnsureAsync(EmulatorCache.EmbeddedSources);
        var marker = Path.Combine(first, "node_modules", "marker");
        await File.WriteAllTextAsync(marker, "kept", Ct);

        var second = await EnsureAsync(EmulatorCache.EmbeddedSources);

        Assert.Equal(first, second);
        Assert.Equal(1, _installs);
        Assert.True(File.Exists(marker));
        Assert.Single(Directory.EnumerateDirectories(_root));
    }

    [Fact]
    public async Task Changed_sources_get_a_new_folder()
    {
        var original = Sources("console.log('v1')");
        var changed = Sources("console.log('v2')");

        var first = await EnsureAsync(original);
        var second = await EnsureAsync(changed);

        Assert.NotEqual(first, second);
        Assert.Equal("console.log('v2')", await File.ReadAllTextAsync(Path.Combine(second, "server.mjs"), Ct));
        Assert.Equal("console.log('v1')", await File.ReadAllTextAsync(Path.Combine(first, "server.mjs"), Ct));
        Assert.Equal(2, _installs);
    }

    [Fact]
    public async Task An_interrupted_extraction_leaves_no_folder_that_a_later_start_would_use()
    {
        var sources = Sources("console.log('v1')");
        var key = EmulatorCache.Key(sources);
        // A process killed mid-extraction: a temporary folder with part of the files, no node_modules.
        var stale = Directory.CreateDirectory(Path.Combine(_root, key + ".tmp-killed")).FullName;
        await File.WriteAllTextAsync(Path.Combine(stale, "server.mjs"), "partial", Ct);
        // A failing install (npm ci exits non-zero) in this process.
        await Assert.ThrowsAsync<InvalidOperationException>(() => EmulatorCache.EnsureAsync(
            _root, sources, (_, _) => throw new InvalidOperationException("npm ci failed"), Ct));
        Assert.False(Directory.Exists(Path.Combine(_root, key)));

        var folder = await EnsureAsync(sources);

        Assert.Equal(Path.Combine(_root, key), folder);
        Assert.Equal("console.log('v1')", await File.ReadAllTextAsync(Path.Combine(folder, "server.mjs"), Ct));
        Assert.Empty(Directory.EnumerateDirectories(_root, "*.tmp-*"));
    }

    [Fact]
    public async Task Two_starts_at_once_extract_and_install_once()
    {
        var sources = Sources("console.log('v1')");
        var gate = new TaskCompletionSource();
        async Task SlowInstall(string folder, CancellationToken ct)
        {
            Interlocked.Increment(ref _installs);
            await gate.Task.WaitAsync(ct);
            Directory.CreateDirectory(Path.Combine(folder, "node_modules"));
        }

        var first = Task.Run(() => EmulatorCache.EnsureAsync(_root, sources, SlowInstall, Ct), Ct);
        var second = Task.Run(() => EmulatorCache.EnsureAsync(_root, sources, SlowInstall, Ct), Ct);
        await Task.Delay(500, Ct);
        gate.SetResult();

        Assert.Equal(await first, await second);
        Assert.Equal(1, _installs);
    }

    [Fact]
    public void The_default_cache_root_follows_XDG_CACHE_HOME_then_home()
    {
        Assert.Equal(Path.Combine("/x", "lanceorm", "emulator"), EmulatorCache.DefaultRoot(n => n == "XDG_CACHE_HOME" ? "/x" : null));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(Path.Combine("/h", ".cache", "lanceorm", "emulator"), EmulatorCache.DefaultRoot(n => n == "HOME" ? "/h" : null));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Task<string> EnsureAsync(IReadOnlyList<EmulatorSource> sources) =>
        EmulatorCache.EnsureAsync(_root, sources, (folder, _) =>
        {
            Interlocked.Increment(ref _installs);
            Directory.CreateDirectory(Path.Combine(folder, "node_modules"));
            return Task.CompletedTask;
        }, Ct);

    private static EmulatorSource[] Sources(string server) =>
    [
        new("server.mjs", Encoding.UTF8.GetBytes(server)),
        new("package.json", Encoding.UTF8.GetBytes("{}")),
        new("src/app.mjs", Encoding.UTF8.GetBytes("export {}")),
    ];
}
