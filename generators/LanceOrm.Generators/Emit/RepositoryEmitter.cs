using LanceOrm.Generators.Model;

namespace LanceOrm.Generators.Emit;

/// <summary>
/// Emits <c>{Entity}.Repository.g.cs</c>: <c>{Entity}Repository</c> over <c>LanceRepository&lt;T, TKey&gt;</c> with one
/// <c>Search{Property}(text)</c> per embedded text property and <c>Search{Property}(image)</c> per embedded image property, and the <c>connection.{Entities}()</c> extension — the one way to
/// get a repository without DI (its constructor is internal; DI uses it through <c>AddGeneratedRepositories()</c>).
/// </summary>
internal static class RepositoryEmitter
{
    public static string Emit(EntitySpec entity)
    {
        var t = entity.FullName;
        var writer = new SourceWriter();
        EmitterHeader.Write(writer);
        var hasNamespace = entity.Namespace.Length > 0;
        if (hasNamespace)
        {
            writer.OpenBlock($"namespace {entity.Namespace}");
        }

        writer.WriteLine($$"""
            /// <summary>The typed repository of <see cref="{{t}}"/> (table <c>{{MapEmitter.Xml(entity.TableName)}}</c>).</summary>
            {{EmitterHeader.GeneratedCodeAttribute}}
            """);
        writer.OpenBlock($"{entity.Accessibility} sealed partial class {entity.RepositoryName} : global::LanceOrm.LanceRepository<{t}, {entity.KeyTypeName}>");
        writer.WriteLine($$"""
            /// <summary>Creates the repository over <paramref name="connection"/> (use <c>connection.{{entity.PluralName}}()</c>).</summary>
            /// <param name="connection">The LanceDB connection.</param>
            internal {{entity.RepositoryName}}(global::LanceOrm.LanceDbConnection connection)
                : base(connection, {{MapEmitter.MapType(entity)}}.Instance)
            {
            }
            """);
        foreach (var embedding in entity.Embeddings)
        {
            var property = Literals.Identifier(embedding.PropertyName);
            if (embedding.Modality == FunctionModality.Image)
            {
                writer.WriteLine($$"""

                    /// <summary>
                    /// Search by example on <see cref="{{t}}.{{embedding.PropertyName}}"/>: embeds <paramref name="image"/> locally with
                    /// <c>{{MapEmitter.Xml(embedding.FunctionName)}}</c> and searches column <c>{{MapEmitter.Xml(embedding.VectorColumn)}}</c>.
                    /// </summary>
                    /// <param name="image">The example image (bytes convert implicitly; use <c>ImageInput.FromFile</c> for a file).</param>
                    public global::LanceOrm.LanceQuery<{{t}}> Search{{embedding.PropertyName}}(global::LanceOrm.Embeddings.ImageInput image) =>
                        Search(entity => entity.{{property}}, image);
                    """);
                continue;
            }

            writer.WriteLine($$"""

                /// <summary>
                /// Semantic search on <see cref="{{t}}.{{embedding.PropertyName}}"/>: embeds <paramref name="text"/> locally with
                /// <c>{{MapEmitter.Xml(embedding.FunctionName)}}</c> and searches column <c>{{MapEmitter.Xml(embedding.VectorColumn)}}</c>.
                /// </summary>
                /// <param name="text">The query text.</param>
                public global::LanceOrm.LanceQuery<{{t}}> Search{{embedding.PropertyName}}(string text) =>
                    Search(entity => entity.{{property}}{{(embedding.SourceIsNullable ? "!" : "")}}, text);
                """);
        }

        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($$"""
            /// <summary>Opens the typed repository of <see cref="{{t}}"/> on a connection.</summary>
            {{EmitterHeader.GeneratedCodeAttribute}}
            """);
        writer.OpenBlock($"{entity.Accessibility} static class {entity.RepositoryName}Extensions");
        writer.WriteLine($$"""
            /// <summary>The repository of table <c>{{MapEmitter.Xml(entity.TableName)}}</c>.</summary>
            /// <param name="connection">The LanceDB connection.</param>
            public static {{entity.RepositoryName}} {{entity.PluralName}}(this global::LanceOrm.LanceDbConnection connection) =>
                new {{entity.RepositoryName}}(connection);
            """);
        writer.CloseBlock();
        if (hasNamespace)
        {
            writer.CloseBlock();
        }

        return writer.ToString();
    }
}
