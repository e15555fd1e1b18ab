using LanceOrm.Generators.Emit;
using LanceOrm.Generators.Model;
using LanceOrm.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace LanceOrm.Generators;

/// <summary>
/// Generates, per <c>[LanceTable]</c> entity, its <c>ILanceEntityMap&lt;T&gt;</c> implementation and typed repository.
/// The generator is lenient: an entity with errors is skipped, and <see cref="Analyzers.LanceEntityAnalyzer"/> reports why.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class LanceOrmGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                WellKnownNames.LanceTableAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                static (ctx, ct) => EntityParser.Parse(
                    (INamedTypeSymbol)ctx.TargetSymbol,
                    ctx.Attributes[0],
                    KnownEmbeddingFunctions.From(ctx.SemanticModel.Compilation.Assembly),
                    ct).Entity)
            .WithTrackingName(LanceOrmStepNames.ParseEntities);

        var entities = parsed
            .Where(static entity => entity is not null)
            .Select(static (entity, _) => entity!)
            .WithTrackingName(LanceOrmStepNames.ValidEntities);

        context.RegisterSourceOutput(entities, static (spc, entity) => Emit(spc, entity));
    }

    private static void Emit(SourceProductionContext context, EntitySpec entity)
    {
        context.AddSource($"{entity.Name}.LanceMap.g.cs", MapEmitter.Emit(entity));
        context.AddSource($"{entity.Name}.Repository.g.cs", RepositoryEmitter.Emit(entity));
    }
}
