using System.Diagnostics;
using System.Text.Json;
using LanceOrm.Testing;
using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>A LanceOrm table is usable by the official LanceDB client (Node, remote mode).</summary>
public sealed class OfficialClientInteropTests(EmulatorFixture fixture)
{
    [Fact]
    public async Task The_official_client_reads_filters_and_searches_a_LanceOrm_table()
    {
        var ct = TestContext.Current.CancellationToken;
        using var db = await fixture.ConnectAsync();
        var notes = await fixture.NewTableAsync(db, "interop");
        var rows = Enumerable.Range(0, 12).Select(i => Note.Make(i)).ToArray();
        await notes.AddAsync(rows, cancellationToken: ct);

        var script = Path.Combine(AppContext.BaseDirectory, "Interop", "official-client.mjs");
        var emulatorDirectory = LanceDbEmulator.FindEmulatorDirectory(new LanceDbEmulatorOptions())
                                ?? throw new InvalidOperationException("emulator/ of this checkout was not found");
        var vector = JsonSerializer.Serialize(HashingEmbeddingGenerator.Embed(rows[5].Body));
        var output = await RunNodeAsync(ct, script, emulatorDirectory, fixture.Emulator.Url.ToString().TrimEnd('/'), db.Database, EmulatorFixture.ApiKey, notes.TableName, vector);
        using var seen = JsonDocument.Parse(output);
        var root = seen.RootElement;

        Assert.Equal(12, root.GetProperty("rows").GetInt32());
        Assert.Equal(rows.Where(r => r.Year >= 2020).Select(r => r.Id).Order(), root.GetProperty("filteredIds").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(rows[5].Id, root.GetProperty("nearestId").GetString());
        Assert.Contains(HashingEmbeddingGenerator.Name, root.GetProperty("embeddingFunctions").GetString());
        Assert.Contains(root.GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString() == "vector" && f.GetProperty("type").GetString()!.Contains("FixedSizeList[32]", StringComparison.Ordinal));
        var row = root.GetProperty("row");
        Assert.Equal(rows[3].Title, row.GetProperty("title").GetString());
        Assert.Equal(rows[3].Category.ToString(), row.GetProperty("category").GetString());
        Assert.Equal(rows[3].CreatedAt, DateTime.Parse(row.GetProperty("createdAt").GetString()!, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal));
        Assert.Equal(rows[3].Rating, row.GetProperty("rating").GetDouble());
    }

    private static async Task<string> RunNodeAsync(CancellationToken ct, params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync(ct);
        var stderr = node.StandardError.ReadToEndAsync(ct);
        await node.WaitForExitAsync(ct);
        Assert.True(node.ExitCode == 0, $"node exited {node.ExitCode}: {await stderr}");
        return (await stdout).Trim().Split('\n')[^1];
    }
}
