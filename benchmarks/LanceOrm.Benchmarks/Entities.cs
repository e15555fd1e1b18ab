namespace LanceOrm.Benchmarks;

/// <summary>A short document embedded with MiniLM: the same columns (id, text, vector) as the TS baseline's table.</summary>
[LanceTable("bench_docs")]
public sealed partial class BenchDoc
{
    [Key] public string Id { get; set; } = "";

    [Embed("minilm", VectorColumn = "vector")] public string Text { get; set; } = "";
}

/// <summary>A row with a pre-computed 384-dimension vector (the streaming benchmark: no model involved).</summary>
[LanceTable("bench_stream")]
public sealed partial class StreamRow
{
    [Key] public long Id { get; set; }

    [Vector(384)] public float[] Vector { get; set; } = [];
}

/// <summary>A row of the scan benchmark: a few scalar columns and a small vector (about 170 bytes of Arrow per row).</summary>
[LanceTable("bench_scan")]
public sealed partial class ScanRow
{
    [Key] public long Id { get; set; }

    public string Title { get; set; } = "";

    public int Year { get; set; }

    public double Score { get; set; }

    [Vector(ScanBenchmark.Dimensions)] public float[] Vector { get; set; } = [];
}
