using VectorData.ConformanceTests.Support;

namespace LanceOrm.VectorData.ConformanceTests.Support;

/// <summary>The plain store fixture, for suite bases that take a <see cref="VectorStoreFixture"/>.</summary>
public class LanceDbFixture : VectorStoreFixture
{
    public override TestStore TestStore => LanceDbTestStore.Instance;
}
