using System.Diagnostics;

namespace LanceOrm.Benchmarks;

/// <summary>
/// Installs <c>benchmarks/node</c> (the official TS client and transformers.js, for the baselines) with <c>npm ci</c>
/// when its <c>node_modules</c> is missing, so the harness runs from one command on a fresh clone. (The emulator's own
/// packages are installed by LanceOrm.Testing's <c>LanceDbEmulator</c> on first use.)
/// </summary>
internal static class NodePackages
{
    public static void EnsureInstalled()
    {
        var packageJson = BenchEnvironment.FindUp(Path.Combine("benchmarks", "node", "package.json"));
        if (packageJson is null)
        {
            return; // not run from a checkout: the baselines report themselves as skipped
        }

        var directory = Path.GetDirectoryName(packageJson)!;
        if (Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            return;
        }

        Console.WriteLine($"Installing the TS baselines' npm packages (npm ci in {directory})...");
        var start = new ProcessStartInfo("npm") { WorkingDirectory = directory };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ONNXRUNTIME_NODE_INSTALL_CUDA"] = "skip";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("npm could not be started.");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {directory} failed with exit code {process.ExitCode}.");
        }
    }
}
