using LanceOrm.VectorData.ConformanceTests.Support;
using VectorData.ConformanceTests;
using VectorData.ConformanceTests.Support;

namespace LanceOrm.VectorData.ConformanceTests;

// The connector builds the full-text index of each IsFullTextIndexed property in EnsureCollectionExistsAsync.
public class LanceDbHybridSearchTests(
    LanceDbHybridSearchTests.VectorAndStringFixture vectorAndStringFixture,
    LanceDbHybridSearchTests.MultiTextFixture multiTextFixture)
    : HybridSearchTests<long>(vectorAndStringFixture, multiTextFixture),
        IClassFixture<LanceDbHybridSearchTests.VectorAndStringFixture>,
        IClassFixture<LanceDbHybridSearchTests.MultiTextFixture>
{
    public new class VectorAndStringFixture : HybridSearchTests<long>.VectorAndStringFixture
    {
        public override TestStore TestStore => LanceDbTestStore.Instance;
    }

    public new class MultiTextFixture : HybridSearchTests<long>.MultiTextFixture
    {
        public override TestStore TestStore => LanceDbTestStore.Instance;
    }
}
