using System.Reflection;
using System.Reflection.Emit;

namespace LanceOrm.Tests.Architecture;

/// <summary>
/// The runtime's layering, read from the compiled assembly (signatures, fields, base types and every method body's IL):
/// no namespace cycles, and data flows one way (repository → writing/querying → protocol → transport).
/// The root namespace holds two kinds of user-facing types: plain contracts (options, results, errors, enums) that
/// reference no machinery namespace — leaves anyone may use — and the facade (connection, repository, query) on top.
/// </summary>
public sealed class NamespaceDependencyTests
{
    private static readonly Assembly Runtime = typeof(LanceDbConnection).Assembly;

    [Fact]
    public void Plain_user_facing_types_are_contracts_that_reach_no_machinery()
    {
        var graph = Graph();

        var reached = (graph.GetValueOrDefault("LanceOrm (contracts)") ?? []).ToArray();

        Assert.DoesNotContain(reached, n => n != "LanceOrm (contracts)");
        Assert.True(graph.ContainsKey("LanceOrm (contracts)"), "No root type is a plain contract.");
    }

    [Fact]
    public void Namespaces_form_no_cycle()
    {
        var graph = Graph();
        var cycle = FindCycle(graph);

        Assert.True(cycle is null, $"Namespace cycle: {string.Join(" -> ", cycle ?? [])}");
        Assert.Contains("LanceOrm.Protocol", graph["LanceOrm (facade)"]);
        Assert.Contains("LanceOrm.Transport", graph["LanceOrm.Protocol"]);
    }

    [Theory]
    [InlineData("LanceOrm.Transport", "LanceOrm.Protocol")]
    [InlineData("LanceOrm.Transport", "LanceOrm (facade)")]
    [InlineData("LanceOrm.Protocol", "LanceOrm.Writing")]
    [InlineData("LanceOrm.Protocol", "LanceOrm.Querying")]
    [InlineData("LanceOrm.Protocol", "LanceOrm (facade)")]
    [InlineData("LanceOrm.Querying", "LanceOrm.Writing")]
    [InlineData("LanceOrm.Writing", "LanceOrm.Querying")]
    [InlineData("LanceOrm.Embeddings", "LanceOrm.Mapping")]
    [InlineData("LanceOrm.Diagnostics", "LanceOrm (facade)")]
    public void Lower_layers_never_reach_back_up(string from, string to)
    {
        var graph = Graph(out var witnesses);

        Assert.False((graph.GetValueOrDefault(from) ?? []).Contains(to), $"{from} -> {to} through: {string.Join(", ", witnesses.GetValueOrDefault((from, to)) ?? [])}");
    }

    [Fact]
    public void Only_the_protocol_folder_names_REST_paths_and_headers()
    {
        var sources = RuntimeSources().Where(f => !f.Replace('\\', '/').Contains("/Protocol/", StringComparison.Ordinal));
        string[] literals = ["/v1/", "\"x-lancedb", "\"x-api-key\"", "\"x-request-id\"", "\"phalanx-version\"", "merge_insert/", "\"num_inserted_rows\"", "\"page_token\"", "\"full_text_query\""];

        var offenders = sources.SelectMany(f => literals.Where(l => File.ReadAllText(f).Contains(l, StringComparison.Ordinal)).Select(l => $"{Path.GetFileName(f)}: {l}")).ToArray();

        Assert.Empty(offenders);
    }

    [Fact]
    public void No_ambient_per_call_state()
    {
        var asyncLocals = Runtime.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == typeof(AsyncLocal<>))
            .Select(f => $"{f.DeclaringType}.{f.Name}")
            .ToArray();

        Assert.Empty(asyncLocals);
    }

    internal static Dictionary<string, HashSet<string>> Graph() => Graph(out _);

    internal static Dictionary<string, HashSet<string>> Graph(out Dictionary<(string From, string To), List<string>> witnesses)
    {
        witnesses = [];
        var types = Runtime.GetTypes().Where(t => t.Namespace?.StartsWith("LanceOrm", StringComparison.Ordinal) == true).ToArray();
        var references = types.ToDictionary(t => t, t => ReferencedTypes(t).Where(r => r.Assembly == Runtime && r.Namespace?.StartsWith("LanceOrm", StringComparison.Ordinal) == true).ToHashSet());

        // A root type is a contract when it (and its nested types) reference only other contracts: a fixed point.
        var contracts = types.Where(t => t.Namespace == "LanceOrm").Select(Outermost).ToHashSet();
        bool changed;
        do
        {
            changed = contracts.RemoveWhere(c => types.Where(t => Outermost(t) == c)
                .Any(t => references[t].Any(r => r.Namespace != "LanceOrm" || !contracts.Contains(Outermost(r))))) > 0;
        }
        while (changed);

        string Node(Type t) => t.Namespace != "LanceOrm" ? t.Namespace! : contracts.Contains(Outermost(t)) ? "LanceOrm (contracts)" : "LanceOrm (facade)";

        var graph = new Dictionary<string, HashSet<string>>();
        foreach (var (type, referenced) in references)
        {
            var from = Node(type);
            var edges = graph.TryGetValue(from, out var set) ? set : graph[from] = [];
            foreach (var target in referenced)
            {
                var to = Node(target);
                if (to != from)
                {
                    edges.Add(to);
                    var list = witnesses.TryGetValue((from, to), out var w) ? w : witnesses[(from, to)] = [];
                    list.Add($"{type.Name}->{target.Name}");
                }
            }
        }

        return graph;
    }

    private static Type Outermost(Type t) => t.DeclaringType is { } outer ? Outermost(outer) : t;

    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || !found.Add(t))
            {
                return;
            }

            if (t.HasElementType)
            {
                Add(t.GetElementType());
            }

            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                Add(t.GetGenericTypeDefinition());
                foreach (var argument in t.GetGenericArguments())
                {
                    Add(argument);
                }
            }
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(i);
        }

        foreach (var field in type.GetFields(all))
        {
            Add(field.FieldType);
        }

        foreach (var property in type.GetProperties(all))
        {
            Add(property.PropertyType);
        }

        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType);
            }

            foreach (var referenced in BodyReferences(method))
            {
                Add(referenced);
            }
        }

        return found.Where(t => !t.HasElementType && !t.IsGenericParameter).Select(t => t.IsGenericType ? t.GetGenericTypeDefinition() : t);
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The types a method body touches: every method, field and type token in its IL.</summary>
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var code = OpCodesByValue[value];
            switch (code.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, i);
                    MemberInfo? member = null;
                    try
                    {
                        member = method.Module.ResolveMember(token, typeArguments, methodArguments);
                    }
                    catch (ArgumentException)
                    {
                    }

                    if (member is Type t)
                    {
                        yield return t;
                    }
                    else if (member?.DeclaringType is { } declaring)
                    {
                        yield return declaring;
                        if (member is FieldInfo field)
                        {
                            yield return field.FieldType;
                        }
                    }

                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineNone:
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }

    private static List<string>? FindCycle(Dictionary<string, HashSet<string>> graph)
    {
        var state = new Dictionary<string, int>();
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return [.. path.SkipWhile(n => n != next), next];
                }

                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        foreach (var node in graph.Keys)
        {
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    private static IEnumerable<string> RuntimeSources()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var source = Path.Combine(directory.FullName, "src", "LanceOrm");
            if (File.Exists(Path.Combine(source, "LanceOrm.csproj")))
            {
                return Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));
            }
        }

        throw new InvalidOperationException("src/LanceOrm was not found.");
    }
}
