namespace LanceOrm.Generators.Diagnostics;

/// <summary>
/// The stable diagnostic ids of LanceOrm. Numbers are never reused: a retired id stays here as a comment.
/// </summary>
internal static class DiagnosticIds
{
    public const string EntityNotPartial = "LANCE001";
    public const string MissingKey = "LANCE002";
    public const string EmbedOnNonString = "LANCE003";
    public const string UnknownEmbeddingFunction = "LANCE004";
    public const string UnsupportedPropertyType = "LANCE005";
    public const string DuplicateColumn = "LANCE006";
    public const string VectorColumnCollision = "LANCE007";
    public const string InvalidVectorDimension = "LANCE008";
    public const string VectorDimensionMismatch = "LANCE009";
    public const string InvalidTableName = "LANCE010";
    public const string InvalidColumnName = "LANCE011";
    public const string SearchOnNonEmbeddedProperty = "LANCE012";
    public const string MultipleKeys = "LANCE013";
    public const string UnsupportedEntityShape = "LANCE014";
    public const string SelectorNotPropertyAccess = "LANCE015";
    public const string AnnotatedPropertyNotMapped = "LANCE016";
    public const string IgnoredPropertyWithMapping = "LANCE017";
    public const string EmptyEmbeddingFunctionName = "LANCE018";
    public const string InvalidKeyType = "LANCE019";
    public const string RequiredMemberNotMapped = "LANCE020";
    public const string GeneratedNameConflict = "LANCE021";
    public const string SqlAssignmentToEmbeddedProperty = "LANCE022";
    public const string ImageEmbedOnNonImage = "LANCE023";
    public const string ImageSearchOnTextProperty = "LANCE024";

    // LANCE030 and up: index declarations.
    public const string InvalidIndexDeclaration = "LANCE030";
}
