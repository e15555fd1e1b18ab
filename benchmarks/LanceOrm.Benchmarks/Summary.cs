namespace LanceOrm.Benchmarks;

/// <summary>The headline figures of a run, printed where measured and again together at the end of <c>all</c>.</summary>
internal static class Summary
{
    private static readonly List<string> Lines = [];

    public static IReadOnlyList<string> All => Lines;

    public static void Add(string line)
    {
        Console.WriteLine(line);
        Lines.Add(line);
    }

    public static void Record(string line) => Lines.Add(line);
}
