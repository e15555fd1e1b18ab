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

        // One AddGeneratedRepositories() per compilation, when the runtime has the DI builder.
        var hasBuilder = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(WellKnownNames.LanceOrmBuilder) is not null)
            .WithTrackingName(LanceOrmStepNames.HasDependencyInjection);
        var registrations = entities
            .Select(static (entity, _) => RepositoryRegistration.From(entity))
            .Collect()
            .Combine(hasBuilder)
            .WithTrackingName(LanceOrmStepNames.Registrations);
        context.RegisterSourceOutput(registrations, static (spc, pair) =>
        {
            if (pair.Right && !pair.Left.IsEmpty)
            {
                spc.AddSource(RegistrationEmitter.HintName, RegistrationEmitter.Emit(pair.Left));
            }
        });
    }

    private static void Emit(SourceProductionContext context, EntitySpec entity)
    {
        // Namespace-qualified so that two entities of the same name in different namespaces do not clash.
        var hint = entity.Namespace.Length == 0 ? entity.Name : $"{entity.Namespace}.{entity.Name}";
        context.AddSource($"{hint}.LanceMap.g.cs", MapEmitter.Emit(entity));
        context.AddSource($"{hint}.Repository.g.cs", RepositoryEmitter.Emit(entity));
    }
}
