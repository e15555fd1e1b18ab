using System;
using System.Linq;
using System.Collections.Immutable;
using LanceOrm.Generators.Model;

namespace LanceOrm.Generators.Emit;

/// <summary>
/// Emits <c>LanceOrm.Repositories.g.cs</c> once per compilation with entities: an internal
/// <c>AddGeneratedRepositories(this LanceOrmBuilder)</c> registering every generated repository (internal, so that each
/// assembly's extension stays its own and two entity assemblies never make the call ambiguous).
/// </summary>
internal static class RegistrationEmitter
{
    public const string HintName = "LanceOrm.Repositories.g.cs";

    private const string Builder = "global::Microsoft.Extensions.DependencyInjection.LanceOrmBuilder";

    public static string Emit(ImmutableArray<RepositoryRegistration> registrations)
    {
        var ordered = registrations.OrderBy(r => r.RepositoryFullName, StringComparer.Ordinal).ToArray();
        var writer = new SourceWriter();
        EmitterHeader.Write(writer);
        writer.OpenBlock("namespace Microsoft.Extensions.DependencyInjection");
        writer.WriteLine($$"""
            /// <summary>Registers the LanceOrm repositories generated in this assembly.</summary>
            {{EmitterHeader.GeneratedCodeAttribute}}
            """);
        writer.OpenBlock("internal static class LanceOrmGeneratedRepositories");
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Registers, as singletons over the container's <see cref=\"global::LanceOrm.LanceDbConnection\"/>:");
        for (var i = 0; i < ordered.Length; i++)
        {
            writer.WriteLine($"/// <see cref=\"{ordered[i].RepositoryFullName}\"/>{(i == ordered.Length - 1 ? "." : ",")}");
        }

        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"builder\">The builder <c>services.AddLanceOrm(...)</c> returned.</param>");
        writer.OpenBlock($"public static {Builder} AddGeneratedRepositories(this {Builder} builder)");
        writer.OpenBlock("if (builder is null)");
        writer.WriteLine("throw new global::System.ArgumentNullException(nameof(builder));");
        writer.CloseBlock();
        writer.WriteLine();
        foreach (var registration in ordered)
        {
            writer.WriteLine($"builder.AddRepository<{registration.RepositoryFullName}>(static connection => new {registration.RepositoryFullName}(connection));");
        }

        writer.WriteLine("return builder;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }
}

/// <summary>One generated repository to register (equatable, for incremental caching).</summary>
/// <param name="EntityFullName">The entity type (<c>global::Ns.Article</c>).</param>
/// <param name="RepositoryFullName">The repository type (<c>global::Ns.ArticleRepository</c>).</param>
internal sealed record RepositoryRegistration(string EntityFullName, string RepositoryFullName)
{
    public static RepositoryRegistration From(EntitySpec entity) => new(
        entity.FullName,
        entity.Namespace.Length == 0 ? $"global::{entity.RepositoryName}" : $"global::{entity.Namespace}.{entity.RepositoryName}");
}
