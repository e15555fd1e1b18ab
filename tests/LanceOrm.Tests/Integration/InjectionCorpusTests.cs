using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>
/// Hostile strings stored as data are found by equality and by LIKE exactly where LINQ-to-objects finds them: no payload
/// changes the structure of a filter.
/// </summary>
public sealed class InjectionCorpusTests(EmulatorFixture fixture)
{
    public static readonly string[] Payloads =
    [
        "'",
        "''",
        "'''",
        "a'b",
        "a''b",
        "\"",
        "\\",
        "\\'",
        "\\\\'",
        "tail\\",
        "' OR 1=1 --",
        "' OR '1'='1",
        "x' OR title != 'x",
        "1; DROP TABLE notes; --",
        "; DELETE FROM notes",
        "-- comment",
        "/* comment */",
        "*/ OR TRUE /*",
        "`title` = `title`",
        "%",
        "_",
        "%' OR title LIKE '%",
        "it\u2019s \u2018quoted\u2019 \u201Cdouble\u201D \uFF07fullwidth\uFF07 \u02BCmodifier",
        "nul\0byte",
        "\0",
        "line\nbreak\r\ttab",
        "emoji 🙂 and 中文",
        "TIMESTAMP '2024-01-01'",
        "') OR ('a'='a",
        new string('\'', 257),
        "long " + string.Concat(Enumerable.Repeat("' OR 1=1 -- \\ % _ ", 1200)),
    ];

    [Fact]
    public async Task Every_payload_is_found_by_equality_as_exactly_its_own_row()
    {
        var ct = TestContext.Current.CancellationToken;
        using var db = await fixture.ConnectAsync();
        var repo = await fixture.NewTableAsync(db, "inject");
        var rows = Payloads.Select((p, i) => { var n = Note.Make(i); n.Title = p; return n; })
            .Append(Decoy(1000, "x")).Append(Decoy(1001, "1")).Append(Decoy(1002, "OR 1=1")).Append(Decoy(1003, "a"))
            .ToArray();
        await repo.AddAsync(rows, cancellationToken: ct);

        for (var i = 0; i < Payloads.Length; i++)
        {
            var payload = Payloads[i];
            var hits = await repo.Query().Where(x => x.Title == payload).Select(x => new { x.Id, x.Title }).ToListAsync(ct);
            var hit = Assert.Single(hits);
            Assert.Equal(Note.Make(i).Id, hit.Entity.Id);
            Assert.Equal(payload, hit.Entity.Title);

            Assert.Equal(rows.Length - 1, await repo.CountAsync(x => x.Title != payload, ct));
        }
    }

    [Fact]
    public async Task Every_payload_used_in_Contains_StartsWith_and_EndsWith_matches_as_LINQ_does()
    {
        var ct = TestContext.Current.CancellationToken;
        using var db = await fixture.ConnectAsync();
        var repo = await fixture.NewTableAsync(db, "injectlike");
        var rows = Payloads.Select((p, i) => { var n = Note.Make(i); n.Title = "<" + p + ">"; return n; }).Append(Decoy(1000, "plain")).ToArray();
        await repo.AddAsync(rows, cancellationToken: ct);

        foreach (var payload in Payloads)
        {
            var expected = rows.Where(r => r.Title.Contains(payload, StringComparison.Ordinal)).Select(r => r.Id).Order();
            var actual = (await repo.Query().Where(x => x.Title.Contains(payload)).Select(x => x.Id).ToListAsync(ct)).Select(h => h.Entity).Order();
            Assert.Equal(expected, actual);

            var starts = await repo.Query().Where(x => x.Title.StartsWith("<" + payload)).Select(x => x.Id).ToListAsync(ct);
            Assert.Equal(rows.Where(r => r.Title.StartsWith("<" + payload, StringComparison.Ordinal)).Select(r => r.Id).Order(), starts.Select(h => h.Entity).Order());

            var ends = await repo.Query().Where(x => x.Title.EndsWith(payload + ">")).Select(x => x.Id).ToListAsync(ct);
            Assert.Equal(rows.Where(r => r.Title.EndsWith(payload + ">", StringComparison.Ordinal)).Select(r => r.Id).Order(), ends.Select(h => h.Entity).Order());
        }
    }

    [Fact]
    public async Task Payloads_in_update_values_are_stored_verbatim()
    {
        var ct = TestContext.Current.CancellationToken;
        using var db = await fixture.ConnectAsync();
        var repo = await fixture.NewTableAsync(db, "injectupd");
        await repo.AddAsync([Note.Make(1), Note.Make(2)], cancellationToken: ct);

        foreach (var payload in Payloads.Take(20))
        {
            await repo.UpdateAsync(x => x.Id == "n000001", set => set.Set(x => x.Title, payload), ct);
            Assert.Equal(payload, (await repo.GetAsync("n000001", ct))!.Title);
            Assert.Equal(Note.Make(2).Title, (await repo.GetAsync("n000002", ct))!.Title);
        }
    }

    private static Note Decoy(int i, string title)
    {
        var n = Note.Make(i);
        n.Title = title;
        return n;
    }
}
