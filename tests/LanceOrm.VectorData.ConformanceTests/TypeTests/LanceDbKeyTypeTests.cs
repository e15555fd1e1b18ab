using LanceOrm.VectorData.ConformanceTests.Support;
using VectorData.ConformanceTests.Support;
using VectorData.ConformanceTests.TypeTests;

namespace LanceOrm.VectorData.ConformanceTests.TypeTests;

// Guid (the base's test, with auto-generation) plus the connector's other key types, which it does not auto-generate:
// the base then asserts that asking for auto-generation throws NotSupportedException.
public class LanceDbKeyTypeTests(LanceDbKeyTypeTests.Fixture fixture)
    : KeyTypeTests(fixture), IClassFixture<LanceDbKeyTypeTests.Fixture>
{
    [Fact]
    public virtual Task Int() => Test<int>(8);

    [Fact]
    public virtual Task Long() => Test<long>(8L);

    [Fact]
    public virtual Task String() => Test<string>("foo", "bar");

    public new class Fixture : KeyTypeTests.Fixture
    {
        public override TestStore TestStore => LanceDbTestStore.Instance;
    }
}
