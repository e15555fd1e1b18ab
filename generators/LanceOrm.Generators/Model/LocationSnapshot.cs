using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LanceOrm.Generators.Model;

/// <summary>
/// A plain-data copy of a source <see cref="Location"/> (a <see cref="Location"/> roots its syntax tree and does
/// not compare by value). Rebuilt into a real location only when a diagnostic is reported.
/// </summary>
/// <param name="FilePath">The syntax tree's file path.</param>
/// <param name="Start">The span start.</param>
/// <param name="Length">The span length.</param>
internal sealed record LocationSnapshot(string FilePath, int Start, int Length)
{
    /// <summary>Snapshots a location; <c>null</c> for locations outside source.</summary>
    public static LocationSnapshot? From(Location? location) =>
        location is { IsInSource: true, SourceTree: { } tree }
            ? new LocationSnapshot(tree.FilePath, location.SourceSpan.Start, location.SourceSpan.Length)
            : null;

    /// <summary>Rebuilds a location inside <paramref name="compilation"/> (analyzers must report in-compilation locations).</summary>
    public Location ToLocation(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == FilePath);
        return tree is null ? Location.None : Location.Create(tree, new TextSpan(Start, Length));
    }
}
