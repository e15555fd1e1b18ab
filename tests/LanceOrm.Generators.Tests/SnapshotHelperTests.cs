using LanceOrm.Generators.Tests.Infrastructure;

namespace LanceOrm.Generators.Tests;

public sealed class SnapshotHelperTests
{
    [Fact]
    public void A_mismatch_fails_and_writes_the_received_file_next_to_the_snapshot()
    {
        var directory = Path.Combine(Path.GetDirectoryName(ThisFile())!, "Snapshots");
        var name = "_SnapshotHelperSelfTest";
        var verified = Path.Combine(directory, name + ".verified.cs");
        var received = Path.Combine(directory, name + ".received.cs");
        try
        {
            File.WriteAllText(verified, "// expected\n");

            Snapshot.Match(name, "// expected\n");
            Assert.False(File.Exists(received));

            Assert.ThrowsAny<Exception>(() => Snapshot.Match(name, "// actual\n"));
            Assert.Equal("// actual\n", File.ReadAllText(received));
        }
        finally
        {
            File.Delete(verified);
            File.Delete(received);
        }
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
