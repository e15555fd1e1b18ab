using LanceOrm.VectorData.ConformanceTests.Support;
using VectorData.ConformanceTests.Support;
using VectorData.ConformanceTests.TypeTests;

namespace LanceOrm.VectorData.ConformanceTests.TypeTests;

public class LanceDbEmbeddingTypeTests(LanceDbEmbeddingTypeTests.Fixture fixture)
    : EmbeddingTypeTests<int>(fixture), IClassFixture<LanceDbEmbeddingTypeTests.Fixture>
{
    public new class Fixture : EmbeddingTypeTests<int>.Fixture
    {
        public override TestStore TestStore => LanceDbTestStore.Instance;
    }
}
