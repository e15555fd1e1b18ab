using System.Reflection;
using LanceOrm.Generators.Model;

namespace LanceOrm.Generators.Tests;

public sealed class ModelShapeTests
{
    private static readonly Type[] ModelTypes = typeof(EntitySpec).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(EntitySpec).Namespace && !t.IsEnum && !t.IsInterface && !t.IsAbstract && !t.Name.StartsWith('<'))
        .ToArray();

    [Fact]
    public void The_model_namespace_holds_the_types_the_pipeline_caches()
    {
        Assert.Contains(typeof(EntitySpec), ModelTypes);
        Assert.Contains(typeof(PropertySpec), ModelTypes);
        Assert.Contains(typeof(LocationSnapshot), ModelTypes);
        Assert.Contains(typeof(EquatableArray<>), ModelTypes);
    }

    [Fact]
    public void No_model_type_holds_a_roslyn_symbol_syntax_node_location_or_compilation()
    {
        var offenders = (
            from type in ModelTypes
            from field in type.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            where MentionsRoslyn(field.FieldType)
            select $"{type.Name}.{field.Name}: {field.FieldType}").ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_model_type_has_value_equality()
    {
        foreach (var type in ModelTypes.Where(t => !t.IsGenericTypeDefinition))
        {
            Assert.True(typeof(IEquatable<>).MakeGenericType(type).IsAssignableFrom(type), $"{type.Name} is not IEquatable<{type.Name}>.");
        }

        Assert.Equal(new EquatableArray<string>(["a", "b"]), new EquatableArray<string>(["a", "b"]));
        Assert.NotEqual(new EquatableArray<string>(["a", "b"]), new EquatableArray<string>(["b", "a"]));
    }

    private static bool MentionsRoslyn(Type type)
    {
        if (type.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true)
        {
            return true;
        }

        if (type.HasElementType && MentionsRoslyn(type.GetElementType()!))
        {
            return true;
        }

        return type.IsGenericType && type.GetGenericArguments().Any(MentionsRoslyn);
    }
}
