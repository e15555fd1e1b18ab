using LanceOrm.Testing;

namespace LanceOrm.Tests.Unit;

public sealed class EmulatorLauncherTests
{
    [Fact]
    public void The_emulator_is_found_by_walking_up_from_the_test_binaries()
    {
        var directory = LanceDbEmulator.FindEmulatorDirectory(new LanceDbEmulatorOptions());

        Assert.NotNull(directory);
        Assert.True(File.Exists(Path.Combine(directory, "server.mjs")));
        Assert.Equal("emulator", Path.GetFileName(directory));
    }

    [Fact]
    public void An_explicit_folder_without_server_mjs_is_reported_by_name()
    {
        var folder = Path.Combine(Path.GetTempPath(), "no-emulator-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<InvalidOperationException>(() => LanceDbEmulator.FindEmulatorDirectory(new LanceDbEmulatorOptions { EmulatorDirectory = folder }));

        Assert.Contains(folder, error.Message);
    }

    [Fact]
    public async Task A_server_that_fails_to_start_is_reported_with_its_stderr()
    {
        var folder = Directory.CreateTempSubdirectory("fake-emulator-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "node_modules"));
            await File.WriteAllTextAsync(Path.Combine(folder, "server.mjs"), "console.error('cannot bind: boom'); process.exit(3);", TestContext.Current.CancellationToken);

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LanceDbEmulator.StartAsync(new LanceDbEmulatorOptions { EmulatorDirectory = folder }, TestContext.Current.CancellationToken));

            Assert.Contains("cannot bind: boom", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Disposing_stops_the_emulator_and_deletes_its_temporary_data()
    {
        var emulator = await LanceDbEmulator.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var data = emulator.DataDirectory;
        using (var http = new HttpClient())
        {
            using var response = await http.GetAsync(new Uri(emulator.Url, "/v1/table/"), TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode || (int)response.StatusCode == 400);
        }

        await emulator.DisposeAsync();

        Assert.False(Directory.Exists(data));
        using var client = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(emulator.Url, "/v1/table/"), TestContext.Current.CancellationToken));
    }
}
