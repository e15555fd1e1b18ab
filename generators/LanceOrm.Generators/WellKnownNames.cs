namespace LanceOrm.Generators;

/// <summary>Metadata names of the runtime types the generator and analyzers look for.</summary>
internal static class WellKnownNames
{
    public const string LanceTableAttribute = "LanceOrm.LanceTableAttribute";
    public const string KeyAttribute = "LanceOrm.KeyAttribute";
    public const string EmbedAttribute = "LanceOrm.EmbedAttribute";
    public const string VectorAttribute = "LanceOrm.VectorAttribute";
    public const string ColumnAttribute = "LanceOrm.ColumnAttribute";
    public const string IgnoreAttribute = "LanceOrm.IgnoreAttribute";
    public const string FullTextIndexAttribute = "LanceOrm.FullTextIndexAttribute";
    public const string VectorIndexAttribute = "LanceOrm.VectorIndexAttribute";
    public const string ScalarIndexAttribute = "LanceOrm.ScalarIndexAttribute";
    public const string EmbeddingFunctionAttribute = "LanceOrm.EmbeddingFunctionAttribute";
    public const string LanceRepository = "LanceOrm.LanceRepository`2";
    public const string LanceSnapshot = "LanceOrm.LanceSnapshot`2";
    public const string LanceOrmBuilder = "Microsoft.Extensions.DependencyInjection.LanceOrmBuilder";
}
