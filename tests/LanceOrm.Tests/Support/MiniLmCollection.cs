namespace LanceOrm.Tests.Support;

/// <summary>
/// The test classes that run the generated MiniLM model. They never run at the same time: the model's instruments
/// (tag <c>model</c>) are recorded on tokenizer worker threads, outside any test's trace, so a telemetry test can only
/// tell its own model measurements apart when no other class is embedding with the model.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MiniLmCollection
{
    public const string Name = "Runs the generated MiniLM model";
}
