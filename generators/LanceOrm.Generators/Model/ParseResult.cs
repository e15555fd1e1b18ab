namespace LanceOrm.Generators.Model;

/// <summary>The outcome of parsing one entity: the model when it is valid, and the diagnostics found.</summary>
/// <param name="Entity">The model, or <c>null</c> when an error makes the entity ungeneratable.</param>
/// <param name="Diagnostics">Every problem found (reported by the analyzer, never by the generator).</param>
internal sealed record ParseResult(EntitySpec? Entity, EquatableArray<DiagnosticInfo> Diagnostics);
