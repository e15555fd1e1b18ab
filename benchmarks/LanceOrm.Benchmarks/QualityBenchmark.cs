using LanceOrm.Embeddings.TestSupport.Retrieval;

namespace LanceOrm.Benchmarks;

/// <summary>
/// <c>quality</c>: retrieval quality of the built-in embedding functions on the labelled set in
/// <c>benchmarks/data/retrieval</c>. Each variant embeds the corpus as documents and the queries as queries; an exact
/// (brute-force) cosine top-10 per query is scored with recall@10, nDCG@10 and MRR@10. An int8 variant is also compared
/// with the fp32 variant of the same model: mean cosine of its document vectors to the fp32 ones, and the mean top-10
/// overlap |top10(int8) ∩ top10(fp32)| / 10. <c>--queries-as-documents</c> embeds the queries as documents too (no
/// query prompt), to measure what arctic-xs's query prefix buys.
/// </summary>
internal static class QualityBenchmark
{
    private const double CosineTarget = 0.99;
    private const double OverlapTarget = 0.95;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = QualityBenchmarkOptions.Parse(args);
        var directory = options.DataDirectory ?? RetrievalSet.FindDirectory()
            ?? throw new InvalidOperationException("benchmarks/data/retrieval was not found above the benchmark's folder; pass --data DIR.");
        var set = RetrievalSet.Load(directory);
        Console.WriteLine($"LanceOrm retrieval quality: {Path.GetFullPath(directory)}");
        Console.WriteLine($"  {set.Documents.Count:N0} documents, {set.Queries.Count:N0} queries ({set.Queries.Average(q => q.Relevant.Count):F2} relevant documents per query on average), exact cosine top-{RetrievalRun.K}, binary relevance, queries embedded as {(options.QueriesAsDocuments ? "DOCUMENTS (no query prompt; --queries-as-documents)" : "queries")}; {Environment.ProcessorCount} logical cores, .NET {Environment.Version}");

        var runs = new Dictionary<QualityVariant, RetrievalRun>();
        foreach (var variant in options.Variants.Select(QualityVariant.Parse))
        {
            try
            {
                using var registry = variant.CreateRegistry();
                var function = registry.Get(variant.Function);
                var run = await RetrievalRun.MeasureAsync(
                    set,
                    function.Dimensions,
                    (texts, vectors) => QualityVariant.EmbedDocumentsAsync(function, texts, vectors),
                    (texts, vectors) => options.QueriesAsDocuments
                        ? QualityVariant.EmbedDocumentsAsync(function, texts, vectors)
                        : QualityVariant.EmbedQueriesAsync(function, texts, vectors));
                runs[variant] = run;
                Console.WriteLine($"  {variant}: done ({function})");
                if (options.ShowMisses)
                {
                    PrintMisses(set, run.Rankings);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Console.WriteLine($"  {variant}: NOT RUN: {e.GetType().Name}: {e.Message}");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{"variant",-16} {"recall@10",10} {"nDCG@10",10} {"MRR@10",10}");
        foreach (var (variant, run) in runs)
        {
            Console.WriteLine($"{variant,-16} {run.Scores.Recall,10:F3} {run.Scores.Ndcg,10:F3} {run.Scores.ReciprocalRank,10:F3}");
        }

        foreach (var (variant, run) in runs.Where(r => r.Key.Int8))
        {
            if (!runs.TryGetValue(variant with { Int8 = false }, out var reference))
            {
                Console.WriteLine($"{variant} vs fp32: n/a (the fp32 variant was not run)");
                continue;
            }

            var (cosine, overlap) = run.AgreementWith(reference);
            Console.WriteLine($"{variant} vs fp32: mean document cosine {cosine:F4} (target >= {CosineTarget}: {Verdict(cosine >= CosineTarget)}), mean top-{RetrievalRun.K} overlap {overlap:F3} (target >= {OverlapTarget}: {Verdict(overlap >= OverlapTarget)}); same first result {run.AgreementWith(reference, 1).MeanOverlap:F3}, top-5 overlap {run.AgreementWith(reference, 5).MeanOverlap:F3}");

            // One table, two precisions: rows written by one client, searched by another.
            foreach (var (name, mixed) in new[]
            {
                ("fp32 rows, int8 queries", RetrievalRun.Mixed(set, reference, run)),
                ("int8 rows, fp32 queries", RetrievalRun.Mixed(set, run, reference)),
            })
            {
                Console.WriteLine($"  mixed {variant.Function} ({name}): recall@10 {mixed.Scores.Recall:F3}, nDCG@10 {mixed.Scores.Ndcg:F3}, MRR@10 {mixed.Scores.ReciprocalRank:F3}; top-{RetrievalRun.K} overlap with all-fp32 {mixed.AgreementWith(reference).MeanOverlap:F3}");
            }
        }

        return runs.Count > 0 ? 0 : 1;
    }

    /// <summary>Each query whose first result is not relevant: the rank of its first relevant document and the first result.</summary>
    private static void PrintMisses(RetrievalSet set, IReadOnlyList<string>[] rankings)
    {
        var texts = set.Documents.ToDictionary(d => d.Id, d => d.Text, StringComparer.Ordinal);
        for (var i = 0; i < rankings.Length; i++)
        {
            var query = set.Queries[i];
            var rank = rankings[i].Select((id, r) => (id, r)).FirstOrDefault(x => query.Relevant.Contains(x.id), (id: "", r: -1)).r + 1;
            if (rank != 1)
            {
                Console.WriteLine($"    {query.Id} first relevant at {(rank == 0 ? $"> {RetrievalRun.K}" : rank)}: {query.Text}");
                Console.WriteLine($"          top 1 {rankings[i][0]}: {texts[rankings[i][0]]}");
            }
        }
    }

    private static string Verdict(bool met) => met ? "met" : "NOT met";
}
