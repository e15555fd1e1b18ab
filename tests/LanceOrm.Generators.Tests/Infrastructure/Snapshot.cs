using System.Runtime.CompilerServices;

namespace LanceOrm.Generators.Tests.Infrastructure;

/// <summary>
/// Compares text with a checked-in snapshot <c>Snapshots/{name}.verified.cs</c>. On mismatch (or a missing snapshot)
/// it writes <c>Snapshots/{name}.received.cs</c> next to it and fails; accept a change by renaming received to verified.
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(FindProjectDirectory(callerPath), "Snapshots");
        var verified = Path.Combine(directory, name + ".verified.cs");
        var received = Path.Combine(directory, name + ".received.cs");
        var normalized = Normalize(actual);
        if (File.Exists(verified) && Normalize(File.ReadAllText(verified)) == normalized)
        {
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(received, normalized);
        Assert.Fail(File.Exists(verified)
            ? $"Generated source differs from snapshot {verified}; the new output is in {received}."
            : $"No snapshot {verified}; the output was written to {received}. Review it and rename it to accept.");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    private static string FindProjectDirectory(string callerPath)
    {
        for (var directory = Path.GetDirectoryName(callerPath); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "LanceOrm.Generators.Tests.csproj")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException($"Cannot find the test project directory above {callerPath}.");
    }
}
