using LanceOrm.VectorData.ConformanceTests.Support;
using VectorData.ConformanceTests;

namespace LanceOrm.VectorData.ConformanceTests;

public class LanceDbCollectionManagementTests(LanceDbFixture fixture)
    : CollectionManagementTests<string>(fixture), IClassFixture<LanceDbFixture>
{
}
