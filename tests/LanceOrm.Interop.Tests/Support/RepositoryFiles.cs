namespace LanceOrm.Interop.Tests.Support;

/// <summary>Paths in the repository checkout these tests run from.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>The official-client peer's folder (<c>tests/interop</c>, its own package.json).</summary>
    public static string PeerDirectory => Path.Combine(Root, "tests", "interop");

    public static string PeerScript => Path.Combine(PeerDirectory, "official-client.mjs");

    /// <summary>The quickstart's corpus: 300 paragraphs over twelve topics.</summary>
    public static string Corpus => Path.Combine(Root, "samples", "Quickstart", "Data", "articles.jsonl");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "tests", "interop", "official-client.mjs")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"tests/interop/official-client.mjs was not found above '{AppContext.BaseDirectory}'.");
    }
}
