using LanceOrm.Generators.Model;

namespace LanceOrm.Generators.Emit;

/// <summary>The declared indices of the map (<c>ILanceEntityMap&lt;T&gt;.Indices</c>), emitted only when there are some.</summary>
internal static partial class MapEmitter
{
    private static void WriteIndexData(SourceWriter writer, EntitySpec entity)
    {
        if (entity.Indices.Count == 0)
        {
            return;
        }

        writer.WriteLine($"private static readonly {Mapping}.LanceIndexDeclaration[] s_indices = new {Mapping}.LanceIndexDeclaration[]");
        writer.OpenBlock();
        foreach (var index in entity.Indices)
        {
            writer.WriteLine(IndexDeclaration(index) + ",");
        }

        writer.CloseBlock(";");
        writer.WriteLine();
        writer.WriteLine($"private static readonly {Collections}.IReadOnlyList<{Mapping}.LanceIndexDeclaration> s_indexList = global::System.Array.AsReadOnly(s_indices);");
        writer.WriteLine();
    }

    /// <summary>The <c>Indices</c> member and a blank line, or nothing (the interface's default is the empty list).</summary>
    private static string IndexMember(EntitySpec entity) => entity.Indices.Count == 0
        ? ""
        : $"/// <inheritdoc />\npublic {Collections}.IReadOnlyList<{Mapping}.LanceIndexDeclaration> Indices => s_indexList;\n\n";

    private static string IndexDeclaration(IndexSpec index)
    {
        var common = $"{Literals.String(index.PropertyName)}, {Literals.String(index.ColumnName)}, {Literals.String(index.Name)}";
        return index.Kind switch
        {
            IndexKind.Vector => $"new {Mapping}.VectorIndexDeclaration({common}, global::LanceOrm.VectorIndexType.{index.IndexType}, global::LanceOrm.DistanceType.{index.DistanceType}, "
                                + $"NumPartitions: {Int(index.NumPartitions)}, NumSubVectors: {Int(index.NumSubVectors)})",
            IndexKind.Scalar => $"new {Mapping}.ScalarIndexDeclaration({common}, global::LanceOrm.ScalarIndexType.{index.IndexType})",
            _ => $"new {Mapping}.FullTextIndexDeclaration({common}, WithPosition: {Literals.Bool(index.FullText!.WithPosition)}, Language: {Literals.String(index.FullText.Language)}, "
                 + $"Stem: {Literals.Bool(index.FullText.Stem)}, RemoveStopWords: {Literals.Bool(index.FullText.RemoveStopWords)}, "
                 + $"LowerCase: {Literals.Bool(index.FullText.LowerCase)}, AsciiFolding: {Literals.Bool(index.FullText.AsciiFolding)})",
        };
    }
}
