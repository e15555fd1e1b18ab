using System.Globalization;
using System.Text;

namespace LanceOrm;

/// <summary>
/// What <see cref="LanceRepository{T, TKey}.MigrateAsync"/> would do to bring a table's schema to the entity's
/// (a dry run, from <see cref="LanceRepository{T, TKey}.PlanMigrationAsync"/>): its steps in order, each safe or not.
/// <see cref="ToString"/> prints the plan.
/// </summary>
public sealed class LanceMigrationPlan
{
    internal LanceMigrationPlan(string tableName, IReadOnlyList<LanceMigrationStep> steps)
    {
        TableName = tableName;
        Steps = steps;
        RefusedSteps = [.. steps.Where(s => !s.IsAllowed)];
    }

    /// <summary>The table's name.</summary>
    public string TableName { get; }

    /// <summary>Every step, in the order they are applied (renames, drops, alterations, additions, vector computations).</summary>
    public IReadOnlyList<LanceMigrationStep> Steps { get; }

    /// <summary>The unsafe steps the caller has not allowed; while there is one, migrating changes nothing.</summary>
    public IReadOnlyList<LanceMigrationStep> RefusedSteps { get; }

    /// <summary>Whether the table already matches the entity (no step).</summary>
    public bool IsEmpty => Steps.Count == 0;

    /// <summary>Whether every step is allowed, so migrating will apply the plan.</summary>
    public bool CanApply => RefusedSteps.Count == 0;

    /// <summary>The plan, one numbered step a line, each marked safe, allowed or refused.</summary>
    public override string ToString()
    {
        if (IsEmpty)
        {
            return $"Table '{TableName}' matches the entity: nothing to migrate.";
        }

        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Migration of table '{TableName}': {Steps.Count} step(s)");
        text.Append(CanApply ? ", all allowed." : $", {RefusedSteps.Count} refused (nothing is changed until each is allowed).");
        for (var i = 0; i < Steps.Count; i++)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  {i + 1}. {Steps[i]}");
        }

        return text.ToString();
    }
}
