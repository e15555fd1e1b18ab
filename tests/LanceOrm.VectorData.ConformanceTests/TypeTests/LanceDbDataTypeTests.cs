using LanceOrm.VectorData.ConformanceTests.Support;
using VectorData.ConformanceTests.Support;
using VectorData.ConformanceTests.TypeTests;

namespace LanceOrm.VectorData.ConformanceTests.TypeTests;

public class LanceDbDataTypeTests(LanceDbDataTypeTests.Fixture fixture)
    : DataTypeTests<Guid, DataTypeTests<Guid>.DefaultRecord>(fixture), IClassFixture<LanceDbDataTypeTests.Fixture>
{
    // Stored and read back as list<utf8>, but not filtered by ==: in C# `r.StringArray == new[] { ... }` compares
    // references (LINQ-to-objects never matches it), and LanceOrm's translator refuses a filter whose database meaning
    // would differ from the C# one. Qdrant, SQL Server and Redis skip the same filter. Membership filters
    // (r.StringArray.Contains("x"), r.StringArray.Any(s => values.Contains(s))) are supported and run by the filter tests.
    public override Task String_array()
        => Test<string[]>("StringArray", ["foo", "bar"], ["foo", "baz"], isFilterable: false);

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
