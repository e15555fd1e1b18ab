using LanceOrm.VectorData.ConformanceTests.Support;
using VectorData.ConformanceTests.ModelTests;
using VectorData.ConformanceTests.Support;

namespace LanceOrm.VectorData.ConformanceTests.ModelTests;

public class LanceDbNoDataModelTests(LanceDbNoDataModelTests.Fixture fixture)
    : NoDataModelTests<string>(fixture), IClassFixture<LanceDbNoDataModelTests.Fixture>
{
    public new class Fixture : NoDataModelTests<string>.Fixture
    {
        public override TestStore TestStore => LanceDbTestStore.Instance;
    }
}
