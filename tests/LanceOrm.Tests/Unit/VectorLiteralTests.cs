using System.Globalization;
using LanceOrm.Querying;

namespace LanceOrm.Tests.Unit;

public sealed class VectorLiteralTests
{
    [Fact]
    public void Each_component_reads_back_as_the_same_float()
    {
        float[] vector = [0.1f, -1e-7f, 3.4028235e38f, float.Epsilon, 0f, 1f / 3f];

        var sql = VectorLiteral.Format(vector);

        var parsed = sql.Trim('[', ']').Split(", ").Select(t => (float)double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(vector, parsed);
        Assert.StartsWith("[0.10000000149011612, ", sql, StringComparison.Ordinal);
        Assert.Contains(", 0.0, ", sql, StringComparison.Ordinal);
        Assert.Contains("1.401298464324817E-45", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_finite_component_is_refused_with_its_index()
    {
        var error = Assert.Throws<ArgumentException>(() => VectorLiteral.Format([1f, float.NaN]));

        Assert.Contains("Component 1", error.Message, StringComparison.Ordinal);
    }
}
