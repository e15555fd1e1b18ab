namespace LanceOrm.Tests.Support;

/// <summary>Seeded rows for the differential filter test: nulls, extremes, NaN, infinities, signed zeros, unicode.</summary>
public static class FilterRowFactory
{
    public static readonly string[] Strings =
        ["", "a", "A", "ab", "abc", "b", "it's", "''", "100%", "50%_off", "_", @"back\slash", "é", "e\u0301", "日本語", "😀", "a😀b", "\uFFFD", "Ω", " ", "tab\tx", "quote\"d", "null", "NULL", "zzz"];

    public static readonly sbyte[] Int8s = [sbyte.MinValue, -1, 0, 1, 7, 42, sbyte.MaxValue];
    public static readonly short[] Int16s = [short.MinValue, -300, -1, 0, 1, 255, 256, short.MaxValue];
    public static readonly int[] Int32s = [int.MinValue, -50, -1, 0, 1, 50, 51, 1000, 16_777_217, int.MaxValue];
    public static readonly long[] Int64s = [long.MinValue, long.MinValue + 1, -1, 0, 1, 9_007_199_254_740_993, long.MaxValue - 1, long.MaxValue];
    public static readonly byte[] UInt8s = [0, 1, 127, 128, 200, byte.MaxValue];
    public static readonly ushort[] UInt16s = [0, 1, 300, 32_768, ushort.MaxValue];
    public static readonly uint[] UInt32s = [0, 1, 70_000, 2_147_483_648, uint.MaxValue];
    public static readonly ulong[] UInt64s = [0, 1, 9_223_372_036_854_775_807, 9_223_372_036_854_775_808, ulong.MaxValue - 1, ulong.MaxValue];
    public static readonly float[] Singles = [float.NaN, float.NegativeInfinity, float.PositiveInfinity, float.MinValue, float.MaxValue, -0.0f, 0.0f, float.Epsilon, -float.Epsilon, 0.1f, -0.1f, 1f, 1.5f, 3.4e38f, 16_777_217f, 1e-40f];
    public static readonly double[] Doubles = [double.NaN, double.NegativeInfinity, double.PositiveInfinity, double.MinValue, double.MaxValue, -0.0, 0.0, double.Epsilon, 0.1, (double)0.1f, -2.5, 1, 1.5, 1e300, 123456.789];
    public static readonly decimal[] Decimals = [decimal.MinValue, -1234.5m, -0.000000001m, 0m, 0.000000001m, 1m, 1234.4m, 1234.5m, 1234.500000001m, 99999999999999999999.999999999m, decimal.MaxValue];

    public static readonly DateTime[] Instants =
    [
        DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc),
        new(1969, 12, 31, 23, 59, 59, 999, DateTimeKind.Utc),
        new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        new DateTime(2024, 2, 29, 12, 0, 0, DateTimeKind.Utc).AddTicks(10),
        new(2024, 2, 29, 12, 0, 0, DateTimeKind.Utc),
        new(2026, 11, 27, 10, 0, 0, DateTimeKind.Unspecified),
        new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_990),
    ];

    public static readonly TimeSpan[] Offsets = [TimeSpan.Zero, TimeSpan.FromHours(2), TimeSpan.FromHours(-5.5)];

    public static readonly DateOnly[] Days = [DateOnly.MinValue, new(1969, 12, 31), new(1970, 1, 1), new(2024, 2, 29), new(2024, 3, 1), DateOnly.MaxValue];

    public static readonly Guid[] Guids = [Guid.Empty, Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7"), Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff")];

    public static readonly Mood[] Moods = Enum.GetValues<Mood>();

    public static readonly string[] TagWords = ["a", "b", "", "😀", "it's"];

    public static FilterRow[] Rows(Random random, int count) =>
        Enumerable.Range(0, count).Select(i => Row(random, i)).ToArray();

    private static FilterRow Row(Random r, int id) => new()
    {
        Id = id,
        Text = Pick(r, Strings),
        Note = r.Next(4) == 0 ? null : Pick(r, Strings),
        Flag = r.Next(2) == 0,
        OptionalFlag = r.Next(3) switch { 0 => null, 1 => true, _ => false },
        Int8 = Pick(r, Int8s),
        Int16 = Pick(r, Int16s),
        Int32 = Pick(r, Int32s),
        Int64 = Pick(r, Int64s),
        UInt8 = Pick(r, UInt8s),
        UInt16 = Pick(r, UInt16s),
        UInt32 = Pick(r, UInt32s),
        UInt64 = Pick(r, UInt64s),
        OptionalInt16 = Maybe(r, Pick(r, Int16s)),
        Rank = Maybe(r, r.Next(3) == 0 ? Pick(r, Int32s) : r.Next(0, 101)),
        OptionalInt64 = Maybe(r, Pick(r, Int64s)),
        OptionalUInt64 = Maybe(r, Pick(r, UInt64s)),
        Single = Pick(r, Singles),
        OptionalSingle = Maybe(r, Pick(r, Singles)),
        Double = Pick(r, Doubles),
        OptionalDouble = Maybe(r, Pick(r, Doubles)),
        Price = Pick(r, Decimals),
        OptionalPrice = Maybe(r, Pick(r, Decimals)),
        CreatedAt = Pick(r, Instants),
        DeletedAt = Maybe(r, Pick(r, Instants)),
        PublishedAt = Offset(r, Pick(r, Instants)),
        ReviewedAt = Maybe(r, Offset(r, Pick(r, Instants))),
        Day = Pick(r, Days),
        OptionalDay = Maybe(r, Pick(r, Days)),
        Token = Pick(r, Guids),
        OptionalToken = Maybe(r, Pick(r, Guids)),
        Mood = Pick(r, Moods),
        OptionalMood = Maybe(r, Pick(r, Moods)),
        Payload = r.Next(3) == 0 ? null : [(byte)r.Next(256)],
        Tags = Enumerable.Range(0, r.Next(3)).Select(_ => Pick(r, TagWords)).ToList(),
        OptionalTags = r.Next(3) == 0 ? null : Enumerable.Range(0, r.Next(3)).Select(_ => Pick(r, TagWords)).ToList(),
    };

    /// <summary>The row read back holds the written values (instants compare as instants: the server stores UTC).</summary>
    public static void AssertSameValues(FilterRow written, FilterRow read)
    {
        var a = Describe(written);
        var b = Describe(read);
        Assert.Equal(a, b);
    }

    private static string Describe(FilterRow x) => string.Join("|",
        x.Id, x.Text, x.Note ?? "<null>", x.Flag, x.OptionalFlag, x.Int8, x.Int16, x.Int32, x.Int64, x.UInt8, x.UInt16, x.UInt32, x.UInt64,
        x.OptionalInt16, x.Rank, x.OptionalInt64, x.OptionalUInt64,
        Bits(x.Single), Bits(x.OptionalSingle), Bits(x.Double), Bits(x.OptionalDouble), Dec(x.Price), x.OptionalPrice is { } price ? Dec(price) : "<null>",
        x.CreatedAt.Ticks, x.DeletedAt?.Ticks, x.PublishedAt.UtcTicks, x.ReviewedAt?.UtcTicks, x.Day, x.OptionalDay, x.Token, x.OptionalToken,
        x.Mood, x.OptionalMood, x.Payload is null ? "<null>" : Convert.ToHexString(x.Payload), string.Join(",", x.Tags),
        x.OptionalTags is null ? "<null>" : string.Join(",", x.OptionalTags));

    private static string Dec(decimal value) => value.ToString("0.#########", System.Globalization.CultureInfo.InvariantCulture);

    private static string Bits(double? value) => value is { } v ? BitConverter.DoubleToInt64Bits(v).ToString(System.Globalization.CultureInfo.InvariantCulture) : "<null>";

    private static DateTimeOffset Offset(Random r, DateTime instant)
    {
        var offset = Pick(r, Offsets);
        var utc = DateTime.SpecifyKind(instant, DateTimeKind.Utc);
        return utc.Year is < 2 or > 9998 ? new DateTimeOffset(utc, TimeSpan.Zero) : new DateTimeOffset(DateTime.SpecifyKind(utc + offset, DateTimeKind.Unspecified), offset);
    }

    private static T Pick<T>(Random r, T[] values) => values[r.Next(values.Length)];

    private static T? Maybe<T>(Random r, T value)
        where T : struct => r.Next(4) == 0 ? null : value;
}
