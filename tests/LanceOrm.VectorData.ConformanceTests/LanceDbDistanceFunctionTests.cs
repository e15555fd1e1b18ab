using LanceOrm.VectorData.ConformanceTests.Support;
using VectorData.ConformanceTests;
using VectorData.ConformanceTests.Support;

namespace LanceOrm.VectorData.ConformanceTests;

public class LanceDbDistanceFunctionTests(LanceDbDistanceFunctionTests.Fixture fixture)
    : DistanceFunctionTests<int>(fixture), IClassFixture<LanceDbDistanceFunctionTests.Fixture>
{
    // LanceDB's metrics are l2, cosine and dot (hamming only over binary vectors); the connector rejects these two.
    public override Task HammingDistance() => Assert.ThrowsAsync<NotSupportedException>(base.HammingDistance);

    public override Task ManhattanDistance() => Assert.ThrowsAsync<NotSupportedException>(base.ManhattanDistance);

    public new class Fixture : DistanceFunctionTests<int>.Fixture
    {
        public override TestStore TestStore => LanceDbTestStore.Instance;
    }
}
