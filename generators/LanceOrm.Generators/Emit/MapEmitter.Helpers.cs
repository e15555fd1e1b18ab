using System.Collections.Generic;
using System.Linq;
using LanceOrm.Generators.Model;

namespace LanceOrm.Generators.Emit;

/// <summary>The generated enum conversions (a switch per enum type: no reflection), shared by the writer and reader.</summary>
internal static partial class MapEmitter
{
    /// <summary>The distinct enum types of the entity's columns, in column order.</summary>
    private static List<string> EnumTypes(EntitySpec entity) =>
        entity.Columns.Select(c => c.Property).Where(p => p is { Kind: ValueKind.Enum }).Select(p => p!.EnumTypeName!).Distinct().ToList();

    /// <summary>
    /// The name suffix of the <c>Format…</c>/<c>Parse…</c> pair for the property's enum type: the enum's simple name,
    /// followed by its index when two enum types of the entity share a simple name.
    /// </summary>
    private static string EnumSuffix(EntitySpec entity, PropertySpec property)
    {
        var types = EnumTypes(entity);
        return EnumSuffix(types, types.IndexOf(property.EnumTypeName!));
    }

    private static string EnumSuffix(List<string> types, int index)
    {
        var name = SimpleName(types[index]);
        return types.Count(t => SimpleName(t) == name) > 1 ? name + Int(index) : name;
    }

    private static string SimpleName(string typeName) => typeName.Substring(typeName.LastIndexOf('.') + 1).Replace("@", "");

    private static void WriteEnumConverters(SourceWriter writer, EntitySpec entity)
    {
        var types = EnumTypes(entity);
        for (var k = 0; k < types.Count; k++)
        {
            var enumType = types[k];
            var members = entity.Columns.Select(c => c.Property).First(p => p is { Kind: ValueKind.Enum } && p.EnumTypeName == enumType)!.EnumMembers;
            var suffix = EnumSuffix(types, k);
            writer.WriteLine();
            writer.WriteLine($"private static string Format{suffix}({enumType} value) => value switch");
            writer.OpenBlock();
            foreach (var member in members)
            {
                writer.WriteLine($"{enumType}.{Literals.Identifier(member)} => {Literals.String(member)},");
            }

            writer.WriteLine("_ => value.ToString(),");
            writer.CloseBlock(";");
            writer.WriteLine();
            writer.WriteLine($"private static {enumType} Parse{suffix}(string text) => text switch");
            writer.OpenBlock();
            foreach (var member in members)
            {
                writer.WriteLine($"{Literals.String(member)} => {enumType}.{Literals.Identifier(member)},");
            }

            writer.WriteLine($"_ => global::System.Enum.Parse<{enumType}>(text),");
            writer.CloseBlock(";");
        }
    }
}
