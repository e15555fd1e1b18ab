using System.Diagnostics;

namespace LanceOrm.Interop.Tests.Support;

/// <summary>Runs <c>node</c>/<c>npm</c> to completion; a non-zero exit becomes an exception carrying stderr.</summary>
public static class NodeProcess
{
    public static async Task<string> RunAsync(string fileName, string workingDirectory, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ONNXRUNTIME_NODE_INSTALL_CUDA"] = "skip";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{fileName}'.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{fileName} {string.Join(' ', start.ArgumentList)}' exited with {process.ExitCode}.\nstderr:\n{await stderr}\nstdout:\n{await stdout}");
        }

        return await stdout;
    }
}
