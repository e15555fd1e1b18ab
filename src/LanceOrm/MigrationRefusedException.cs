namespace LanceOrm;

/// <summary>
/// A migration plan has unsafe steps the caller did not allow (a drop, a narrowing cast, a non-nullable column without a
/// default …); the message lists each with the opt-in that allows it. Nothing was changed.
/// </summary>
public sealed class MigrationRefusedException(LanceMigrationPlan plan)
    : LanceDbException(
        $"The migration of table '{plan.TableName}' was refused; nothing was changed. Refused: "
        + string.Join("; ", plan.RefusedSteps.Select(s => s.Description)) + ".")
{
    /// <summary>The table's name.</summary>
    public string TableName => Plan.TableName;

    /// <summary>The whole plan (<see cref="LanceMigrationPlan.ToString"/> prints it).</summary>
    public LanceMigrationPlan Plan { get; } = plan;

    /// <summary>The steps that were refused.</summary>
    public IReadOnlyList<LanceMigrationStep> RefusedSteps => Plan.RefusedSteps;
}
