using LanceOrm.VectorData.ConformanceTests.Support;
using VectorData.ConformanceTests.Support;
using VectorData.ConformanceTests.TypeTests;

namespace LanceOrm.VectorData.ConformanceTests.TypeTests;

public class LanceDbDataTypeTests(LanceDbDataTypeTests.Fixture fixture)
    : DataTypeTests<Guid, DataTypeTests<Guid>.DefaultRecord>(fixture), IClassFixture<LanceDbDataTypeTests.Fixture>
{
    public new class Fixture : DataTypeTests<Guid, DataTypeTests<Guid>.DefaultRecord>.Fixture
    {
        public override TestStore TestStore => LanceDbTestStore.Instance;

        // The connector maps every default type but TimeOnly.
        public override Type[] UnsupportedDefaultTypes { get; } =
        [
            typeof(TimeOnly),
        ];
    }
}
