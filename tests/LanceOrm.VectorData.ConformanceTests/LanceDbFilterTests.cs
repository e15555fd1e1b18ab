using LanceOrm.VectorData.ConformanceTests.Support;
using VectorData.ConformanceTests;
using VectorData.ConformanceTests.Support;

namespace LanceOrm.VectorData.ConformanceTests;

public class LanceDbFilterTests(LanceDbFilterTests.Fixture fixture)
    : FilterTests<int>(fixture), IClassFixture<LanceDbFilterTests.Fixture>
{
    public new class Fixture : FilterTests<int>.Fixture
    {
        public override TestStore TestStore => LanceDbTestStore.Instance;
    }
}
