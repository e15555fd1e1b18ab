using LanceOrm.VectorData.ConformanceTests.Support;
using VectorData.ConformanceTests.ModelTests;
using VectorData.ConformanceTests.Support;

namespace LanceOrm.VectorData.ConformanceTests.ModelTests;

public class LanceDbDynamicModelTests(LanceDbDynamicModelTests.Fixture fixture)
    : DynamicModelTests<string>(fixture), IClassFixture<LanceDbDynamicModelTests.Fixture>
{
    public new class Fixture : DynamicModelTests<string>.Fixture
    {
        public override TestStore TestStore => LanceDbTestStore.Instance;
    }
}
