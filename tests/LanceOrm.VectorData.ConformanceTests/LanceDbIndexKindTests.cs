using LanceOrm.VectorData.ConformanceTests.Support;
using VectorData.ConformanceTests;
using VectorData.ConformanceTests.Support;

namespace LanceOrm.VectorData.ConformanceTests;

// Flat (the base's only test) is the one index kind the connector supports.
public class LanceDbIndexKindTests(LanceDbIndexKindTests.Fixture fixture)
    : IndexKindTests<int>(fixture), IClassFixture<LanceDbIndexKindTests.Fixture>
{
    public new class Fixture : IndexKindTests<int>.Fixture
    {
        public override TestStore TestStore => LanceDbTestStore.Instance;
    }
}
