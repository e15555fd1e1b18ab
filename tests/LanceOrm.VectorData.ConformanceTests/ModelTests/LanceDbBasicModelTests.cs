using LanceOrm.VectorData.ConformanceTests.Support;
using VectorData.ConformanceTests.ModelTests;
using VectorData.ConformanceTests.Support;

namespace LanceOrm.VectorData.ConformanceTests.ModelTests;

public class LanceDbBasicModelTests(LanceDbBasicModelTests.Fixture fixture)
    : BasicModelTests<string>(fixture), IClassFixture<LanceDbBasicModelTests.Fixture>
{
    public new class Fixture : BasicModelTests<string>.Fixture
    {
        public override TestStore TestStore => LanceDbTestStore.Instance;
    }
}
