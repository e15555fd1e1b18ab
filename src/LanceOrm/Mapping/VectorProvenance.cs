using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LanceOrm.Mapping;

/// <summary>
/// Which text each vector read from the table was computed from, for one embedding: the rule "a stored vector belongs
/// to its row's current text". Keyed by the vector's array (weakly, so entities are collected as usual), which a C#
/// <c>with</c> expression and a property setter on another property both keep; a vector the caller assigns is a new
/// array, so it has no recorded text and is written as given.
/// </summary>
internal sealed class VectorProvenance
{
    private readonly ConditionalWeakTable<float[], string> _sources = new();

    /// <summary>Remembers that <paramref name="vector"/> was read from a row whose source text was <paramref name="text"/>.</summary>
    public void Record(ReadOnlyMemory<float>? vector, string? text)
    {
        if (vector is { } memory && MemoryMarshal.TryGetArray(memory, out var segment) && segment.Array is { } array)
        {
            _sources.AddOrUpdate(array, text ?? "");
        }
    }

    /// <summary>
    /// True when <paramref name="vector"/> was read from the table for another text than <paramref name="currentText"/>:
    /// the row's text changed since it was read, so the vector must be computed again.
    /// </summary>
    public bool IsStale(ReadOnlyMemory<float> vector, string? currentText) =>
        MemoryMarshal.TryGetArray(vector, out var segment)
        && segment.Array is { } array
        && _sources.TryGetValue(array, out var readFrom)
        && !string.Equals(readFrom, currentText ?? "", StringComparison.Ordinal);
}
