using LanceOrm.Embeddings.TestSupport;

namespace LanceOrm.Embeddings.Tests;

/// <summary>The all-MiniLM-L6-v2 tokenizer against the token ids listed in shared/models/all-MiniLM-L6-v2/SOURCE.md.</summary>
public sealed class TokenizerSpecification
{
    private static WordPieceTokenizer Tokenizer()
    {
        var directory = SharedModelFiles.TokenizerDirectory
            ?? throw new InvalidOperationException("shared/models/all-MiniLM-L6-v2 (vocab.txt) was not found above the test assembly; it ships with the repository's shared folder.");
        return WordPieceTokenizer.FromVocabulary(Path.Combine(directory, "vocab.txt"));
    }

    [Theory]
    [InlineData("A man is eating food.", new[] { 101, 1037, 2158, 2003, 5983, 2833, 1012, 102 })]
    [InlineData("A man is eating a piece of bread.", new[] { 101, 1037, 2158, 2003, 5983, 1037, 3538, 1997, 7852, 1012, 102 })]
    [InlineData("The girl is carrying a baby.", new[] { 101, 1996, 2611, 2003, 4755, 1037, 3336, 1012, 102 })]
    [InlineData("The cat sits outside", new[] { 101, 1996, 4937, 7719, 2648, 102 })]
    [InlineData("Héllo, wörld! Unbelievable tokenization.", new[] { 101, 7592, 1010, 2088, 999, 23653, 19204, 3989, 1012, 102 })]
    public void Text_tokenizes_to_the_ids_of_the_reference_tokenizer(string text, int[] expected)
    {
        Assert.Equal(expected, Tokenizer().Encode(text));
    }

    [Fact]
    public void Accented_letters_are_stripped_not_turned_into_unknown_tokens()
    {
        Assert.DoesNotContain(100, Tokenizer().Encode("Héllo wörld café naïve"));
    }

    [Fact]
    public void Empty_text_is_just_cls_and_sep()
    {
        Assert.Equal([101, 102], Tokenizer().Encode(""));
        Assert.Equal([101, 102], Tokenizer().Encode("   \t\n "));
    }

    [Fact]
    public void Long_text_is_cut_to_256_word_pieces_ending_in_sep_and_reported_as_truncated()
    {
        var tokenizer = Tokenizer();
        var text = string.Join(" ", Enumerable.Repeat("cat", 1000));

        var ids = tokenizer.Encode(text, out var truncated);

        Assert.True(truncated);
        Assert.Equal(256, ids.Length);
        Assert.Equal(101, ids[0]);
        Assert.Equal(102, ids[^1]);
        Assert.All(ids[1..^1], id => Assert.Equal(4937, id));
    }

    [Fact]
    public void Text_of_exactly_254_pieces_fits_and_is_not_truncated()
    {
        var ids = Tokenizer().Encode(string.Join(" ", Enumerable.Repeat("cat", 254)), out var truncated);

        Assert.False(truncated);
        Assert.Equal(256, ids.Length);
        Assert.Equal(102, ids[^1]);
    }

    [Fact]
    public void Text_of_255_pieces_is_truncated()
    {
        var ids = Tokenizer().Encode(string.Join(" ", Enumerable.Repeat("cat", 255)), out var truncated);

        Assert.True(truncated);
        Assert.Equal(256, ids.Length);
    }
}
