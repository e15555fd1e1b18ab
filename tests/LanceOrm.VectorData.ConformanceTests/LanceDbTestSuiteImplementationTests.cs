using VectorData.ConformanceTests;

namespace LanceOrm.VectorData.ConformanceTests;

/// <summary>Every abstract base of the suite has a derived class here: nothing is ignored.</summary>
public class LanceDbTestSuiteImplementationTests : TestSuiteImplementationTests
{
}
