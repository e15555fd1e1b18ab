using Microsoft.Extensions.VectorData;

namespace LanceOrm.VectorData.Tests.Support;

/// <summary>A record with one property of each filterable kind, nullable and not.</summary>
public sealed class FilterRecord
{
    [VectorStoreKey] public int Key { get; set; }

    [VectorStoreData] public int Int { get; set; }

    [VectorStoreData] public int? NullableInt { get; set; }

    [VectorStoreData] public long Long { get; set; }

    [VectorStoreData] public double Double { get; set; }

    [VectorStoreData] public bool Bool { get; set; }

    [VectorStoreData] public bool? NullableBool { get; set; }

    [VectorStoreData] public string? String { get; set; }

    [VectorStoreData] public DateTime? Date { get; set; }

    [VectorStoreData] public string[]? Tags { get; set; }

    [VectorStoreVector(2)] public ReadOnlyMemory<float> Vector { get; set; }

    /// <summary>The same record as a dynamic one.</summary>
    public Dictionary<string, object?> ToDictionary() => new()
    {
        [nameof(Key)] = Key,
        [nameof(Int)] = Int,
        [nameof(NullableInt)] = NullableInt,
        [nameof(Long)] = Long,
        [nameof(Double)] = Double,
        [nameof(Bool)] = Bool,
        [nameof(NullableBool)] = NullableBool,
        [nameof(String)] = String,
        [nameof(Date)] = Date,
        [nameof(Tags)] = Tags,
        [nameof(Vector)] = Vector,
    };

    /// <summary>The definition of the dynamic collection.</summary>
    public static VectorStoreCollectionDefinition Definition { get; } = new()
    {
        Properties =
        [
            new VectorStoreKeyProperty(nameof(Key), typeof(int)),
            new VectorStoreDataProperty(nameof(Int), typeof(int)),
            new VectorStoreDataProperty(nameof(NullableInt), typeof(int?)),
            new VectorStoreDataProperty(nameof(Long), typeof(long)),
            new VectorStoreDataProperty(nameof(Double), typeof(double)),
            new VectorStoreDataProperty(nameof(Bool), typeof(bool)),
            new VectorStoreDataProperty(nameof(NullableBool), typeof(bool?)),
            new VectorStoreDataProperty(nameof(String), typeof(string)),
            new VectorStoreDataProperty(nameof(Date), typeof(DateTime?)),
            new VectorStoreDataProperty(nameof(Tags), typeof(string[])),
            new VectorStoreVectorProperty(nameof(Vector), typeof(ReadOnlyMemory<float>), 2),
        ],
    };

    /// <summary>Rows with every kind of value, nulls included.</summary>
    public static List<FilterRecord> Generate(int count, Random random)
    {
        string?[] strings = [null, "", "a", "b", "ab", "B", "it's", "100%", "a_b", "ä", "zeta"];
        string[] tags = ["red", "green", "blue", "it's"];
        var rows = new List<FilterRecord>(count);
        for (var i = 0; i < count; i++)
        {
            rows.Add(new FilterRecord
            {
                Key = i,
                Int = random.Next(-5, 6),
                NullableInt = random.Next(4) == 0 ? null : random.Next(-5, 6),
                Long = random.NextInt64(-3, 4) * 1_000_000_000_000L,
                Double = random.Next(8) switch { 0 => -0.0, 1 => 0.5, 2 => double.NaN, _ => Math.Round((random.NextDouble() * 10) - 5, 1) },
                Bool = random.Next(2) == 0,
                NullableBool = random.Next(3) switch { 0 => null, 1 => true, _ => false },
                String = strings[random.Next(strings.Length)],
                Date = random.Next(4) == 0 ? null : new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(random.Next(0, 10)),
                Tags = random.Next(5) == 0 ? null : tags.Where(_ => random.Next(2) == 0).ToArray(),
                Vector = new[] { (float)random.NextDouble(), (float)random.NextDouble() },
            });
        }

        return rows;
    }
}
