using Microsoft.ML.Tokenizers;

namespace LanceOrm.Embeddings;

/// <summary>
/// The all-MiniLM-L6-v2 tokenizer: <see cref="BertTokenizer"/> over <c>vocab.txt</c>, lower-casing and accent stripping
/// (HF <c>do_lower_case: true, strip_accents: null</c>), [CLS] … [SEP], at most <see cref="MaxTokens"/> word pieces.
/// Thread-safe.
/// </summary>
internal sealed class WordPieceTokenizer
{
    private readonly BertTokenizer _tokenizer;

    private WordPieceTokenizer(BertTokenizer tokenizer, int maxTokens)
    {
        _tokenizer = tokenizer;
        MaxTokens = maxTokens;
    }

    /// <summary>The most word pieces per text, [CLS] and [SEP] included.</summary>
    public int MaxTokens { get; }

    /// <summary>The id of [SEP].</summary>
    public int SeparatorId => _tokenizer.SeparatorTokenId;

    /// <summary>The id of [PAD].</summary>
    public int PaddingId => _tokenizer.PaddingTokenId;

    /// <summary>Loads the tokenizer from a <c>vocab.txt</c> file.</summary>
    public static WordPieceTokenizer FromVocabulary(string vocabularyPath, int maxTokens = 256)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vocabularyPath);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 3);
        var options = new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true };
        return new WordPieceTokenizer(BertTokenizer.Create(vocabularyPath, options), maxTokens);
    }

    /// <summary>The token ids of <paramref name="text"/>: [CLS], word pieces, [SEP]; cut to <see cref="MaxTokens"/>.</summary>
    public int[] Encode(string text) => Encode(text, out _);

    /// <summary>As <see cref="Encode(string)"/>; <paramref name="truncated"/> tells whether word pieces were dropped.</summary>
    public int[] Encode(string text, out bool truncated)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Ask for one piece more than allowed: getting it back means the text was longer than the limit.
        var ids = _tokenizer.EncodeToIds(text, MaxTokens + 1, addSpecialTokens: true, out _, out _);
        truncated = ids.Count > MaxTokens;
        var length = Math.Min(ids.Count, MaxTokens);
        var result = new int[length];
        for (var i = 0; i < length; i++)
        {
            result[i] = ids[i];
        }

        if (truncated)
        {
            result[^1] = SeparatorId;
        }

        return result;
    }
}
