namespace LanceOrm.Generators;

/// <summary>Tracking names of the generator's pipeline steps (asserted by the incremental caching tests).</summary>
public static class LanceOrmStepNames
{
    /// <summary>FAWMN transform: <c>[LanceTable]</c> type → parse result (entity model + diagnostics).</summary>
    public const string ParseEntities = nameof(ParseEntities);

    /// <summary>Valid entity models only (what the emitters consume).</summary>
    public const string ValidEntities = nameof(ValidEntities);

    /// <summary>Whether the compilation references the DI builder (<c>LanceOrmBuilder</c>).</summary>
    public const string HasDependencyInjection = nameof(HasDependencyInjection);

    /// <summary>Every valid entity's repository, collected for <c>AddGeneratedRepositories()</c>.</summary>
    public const string Registrations = nameof(Registrations);
}
