using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

public sealed class SmokeTests(EmulatorFixture fixture)
{
    [Fact]
    public async Task A_created_table_accepts_rows_and_answers_a_scan()
    {
        var ct = TestContext.Current.CancellationToken;
        using var db = await fixture.ConnectAsync();
        var repo = await fixture.NewTableAsync(db, "smoke");

        await repo.AddAsync(Enumerable.Range(0, 10).Select(i => Note.Make(i)), cancellationToken: ct);

        Assert.Equal(10, await repo.CountAsync(cancellationToken: ct));
        var hits = await repo.Query().Where(x => x.Year >= 2020).ToListAsync(ct);
        Assert.All(hits, h => Assert.True(h.Entity.Year >= 2020));
    }
}
