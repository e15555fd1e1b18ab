namespace LanceOrm.Tests.Support;

/// <summary>A light entity (no embedding) for bulk writes: a key and a short text that compresses poorly.</summary>
[LanceTable("log_lines")]
public sealed partial class LogLine
{
    [Key] public long Id { get; set; }

    public string Text { get; set; } = "";

    /// <summary>Row <paramref name="i"/>: its text is <paramref name="length"/> pseudo-random hex digits (deterministic).</summary>
    public static LogLine Make(long i, int length = 40)
    {
        var text = new char[length];
        var state = (ulong)i * 0x9E3779B97F4A7C15UL + 1;
        for (var k = 0; k < length; k++)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text[k] = "0123456789abcdef"[(int)(state & 15)];
        }

        return new LogLine { Id = i, Text = new string(text) };
    }
}
