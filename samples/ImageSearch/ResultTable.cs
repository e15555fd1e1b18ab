using System.Globalization;
using Spectre.Console;

namespace ImageSearch;

/// <summary>Prints a query's ranked hits as a small table.</summary>
public static class ResultTable
{
    public static void Write(ExampleQuery query, IReadOnlyList<RankedProduct> hits, double milliseconds)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{Markup.Escape(query.Title)}[/]" + (query.FilterText is null ? "" : $"  [grey]Where({Markup.Escape(query.FilterText)})[/]"))
            .Caption($"[grey]{hits.Count} hits, {milliseconds:0} ms (query embedding + search), cosine[/]")
            .AddColumn(new TableColumn("#").RightAligned())
            .AddColumn("id")
            .AddColumn("title")
            .AddColumn("family")
            .AddColumn(new TableColumn("distance").RightAligned());
        foreach (var hit in hits)
        {
            table.AddRow(
                hit.Rank.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(hit.Id),
                Markup.Escape(hit.Title),
                Markup.Escape(hit.Family),
                hit.Distance?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "-");
        }

        AnsiConsole.WriteLine();
        AnsiConsole.Write(table);
    }
}
