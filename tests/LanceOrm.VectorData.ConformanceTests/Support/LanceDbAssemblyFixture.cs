using LanceOrm.VectorData.ConformanceTests.Support;

[assembly: AssemblyFixture(typeof(LanceDbAssemblyFixture))]

namespace LanceOrm.VectorData.ConformanceTests.Support;

/// <summary>
/// Holds a reference on <see cref="LanceDbTestStore"/> for the whole run, so the store's reference counting (each class
/// fixture takes and releases one) never drops to zero between test classes: one emulator per test assembly.
/// </summary>
public sealed class LanceDbAssemblyFixture : IAsyncLifetime
{
    public ValueTask InitializeAsync() => new(LanceDbTestStore.Instance.ReferenceCountingStartAsync());

    public ValueTask DisposeAsync() => new(LanceDbTestStore.Instance.ReferenceCountingStopAsync());
}
