using Microsoft.CodeAnalysis.CSharp;

namespace LanceOrm.Generators.Emit;

/// <summary>C# literals and identifiers for emitted code.</summary>
internal static class Literals
{
    /// <summary>A quoted, escaped C# string literal.</summary>
    public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>An identifier, escaped with <c>@</c> when it is a keyword.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;

    /// <summary><c>true</c>/<c>false</c>.</summary>
    public static string Bool(bool value) => value ? "true" : "false";
}
