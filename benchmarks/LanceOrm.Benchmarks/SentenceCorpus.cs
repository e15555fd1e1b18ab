namespace LanceOrm.Benchmarks;

/// <summary>The benchmark's sentences: deterministic (seeded), 4 to 60 words of everyday English, with punctuation.</summary>
internal static class SentenceCorpus
{
    private static readonly string[] Words =
    """
    the a an cat dog man woman child city river mountain movie music guitar piano pasta pizza coffee tea book library
    computer vector index database query table search result engine cloud server network data model embedding text
    sentence language question answer people house garden street car train plane ship weather rain sun snow winter
    summer morning evening night week year history science physics chemistry biology market price company customer
    plays watches reads writes builds runs walks sits stands loves likes finds keeps opens closes starts stops helps
    quickly slowly quietly happily carefully often never always sometimes very really quite rather almost nearly
    big small old new good bad great awesome beautiful strange simple complex fast slow early late bright dark
    in on at with without under over between through across after before during because although while
    """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    public static string[] Generate(int count, int seed = 20251125)
    {
        var random = new Random(seed);
        var sentences = new string[count];
        for (var i = 0; i < count; i++)
        {
            // Mostly short, some long: like titles, abstracts and comments mixed in one table.
            var length = random.NextDouble() < 0.8 ? random.Next(4, 20) : random.Next(20, 61);
            var words = new string[length];
            for (var w = 0; w < length; w++)
            {
                words[w] = Words[random.Next(Words.Length)];
            }

            words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
            sentences[i] = string.Join(' ', words) + (random.Next(4) == 0 ? "?" : ".");
        }

        return sentences;
    }
}
