using System;
using System.Text;

namespace LanceOrm.Generators.Emit;

/// <summary>
/// A small indented text writer (after dotnet/runtime's <c>SourceWriter</c>): multi-line text is re-indented line by
/// line, and <see cref="ToString"/> asserts that every opened block was closed.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _builder = new();
    private int _indent;

    /// <summary>Writes one or more lines at the current indentation (a multi-line string keeps its relative layout).</summary>
    public SourceWriter WriteLine(string text = "")
    {
        if (text.Length == 0)
        {
            _builder.Append('\n');
            return this;
        }

        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.Length > 0)
            {
                for (var i = 0; i < _indent; i++)
                {
                    _builder.Append(IndentUnit);
                }

                _builder.Append(line);
            }

            _builder.Append('\n');
        }

        return this;
    }

    /// <summary>Writes <paramref name="header"/> (if any) and an opening brace, then indents.</summary>
    public SourceWriter OpenBlock(string? header = null)
    {
        if (header is not null)
        {
            WriteLine(header);
        }

        WriteLine("{");
        _indent++;
        return this;
    }

    /// <summary>Unindents and writes a closing brace (with an optional suffix such as <c>;</c>).</summary>
    public SourceWriter CloseBlock(string suffix = "")
    {
        if (_indent == 0)
        {
            throw new InvalidOperationException("CloseBlock without a matching OpenBlock.");
        }

        _indent--;
        WriteLine("}" + suffix);
        return this;
    }

    /// <summary>The text; throws when a block is still open.</summary>
    public override string ToString() =>
        _indent == 0 ? _builder.ToString() : throw new InvalidOperationException($"{_indent} block(s) left open.");
}
