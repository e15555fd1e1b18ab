using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>Tags name versions: create, list, look up, move, delete, and read the tagged version.</summary>
public sealed class TagTests(EmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>v1 the created table, v2 two notes, v3 a third.</summary>
    private async Task<(LanceDbConnection Db, LanceRepository<Note, string> Notes)> ThreeVersionsAsync()
    {
        var db = await fixture.ConnectAsync();
        var notes = await fixture.NewTableAsync(db, "tags");
        await notes.AddAsync([Note.Make(0), Note.Make(1)], cancellationToken: Ct);
        await notes.AddAsync([Note.Make(2)], cancellationToken: Ct);
        return (db, notes);
    }

    [Fact]
    public async Task Tags_are_created_listed_looked_up_moved_and_deleted()
    {
        var (db, notes) = await ThreeVersionsAsync();
        using var _ = db;

        await notes.Tags.CreateAsync("release", 2, Ct);
        await notes.Tags.CreateAsync("audit", 1, Ct);
        var listed = await notes.Tags.ListAsync(Ct);
        var release = await notes.Tags.GetVersionAsync("release", Ct);
        await notes.Tags.UpdateAsync("release", 3, Ct);
        var moved = await notes.Tags.GetVersionAsync("release", Ct);
        await notes.Tags.DeleteAsync("audit", Ct);

        Assert.Equal([new LanceTag("audit", 1), new LanceTag("release", 2)], listed);
        Assert.Equal(2, release);
        Assert.Equal(3, moved);
        Assert.Equal([new LanceTag("release", 3)], await notes.Tags.ListAsync(Ct));
        Assert.Equal(0, await (await notes.AtVersionAsync(1, Ct)).CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task A_snapshot_at_a_tag_reads_the_tagged_version_and_names_the_tag()
    {
        var (db, notes) = await ThreeVersionsAsync();
        using var _ = db;
        await notes.Tags.CreateAsync("two-notes", 2, Ct);
        await notes.AddAsync([Note.Make(3)], cancellationToken: Ct);

        var tagged = await notes.AtTagAsync("two-notes", Ct);

        Assert.Equal(2, tagged.Version);
        Assert.Equal("two-notes", tagged.Tag);
        Assert.Equal(2, await tagged.CountAsync(cancellationToken: Ct));
        Assert.Equal(["n000000", "n000001"], (await tagged.Query().ToListAsync(Ct)).Select(h => h.Entity.Id).Order());
        Assert.Equal(4, await notes.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task An_unknown_tag_is_a_TagNotFoundException_naming_it_for_lookup_move_delete_and_snapshot()
    {
        var (db, notes) = await ThreeVersionsAsync();
        using var _ = db;

        var errors = new[]
        {
            await Assert.ThrowsAsync<TagNotFoundException>(() => notes.Tags.GetVersionAsync("nope", Ct)),
            await Assert.ThrowsAsync<TagNotFoundException>(() => notes.Tags.UpdateAsync("nope", 1, Ct)),
            await Assert.ThrowsAsync<TagNotFoundException>(() => notes.Tags.DeleteAsync("nope", Ct)),
            await Assert.ThrowsAsync<TagNotFoundException>(() => notes.AtTagAsync("nope", Ct)),
        };

        Assert.All(errors, e =>
        {
            Assert.Equal("nope", e.Tag);
            Assert.Equal("notes", e.TableName);
            Assert.Contains("failed: the table has no tag 'nope'. Tags.ListAsync lists its tags.", e.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Creating_a_tag_that_exists_is_a_TagAlreadyExistsException_and_keeps_the_tag_where_it_was()
    {
        var (db, notes) = await ThreeVersionsAsync();
        using var _ = db;
        await notes.Tags.CreateAsync("release", 2, Ct);

        var error = await Assert.ThrowsAsync<TagAlreadyExistsException>(() => notes.Tags.CreateAsync("release", 3, Ct));

        Assert.Equal("release", error.Tag);
        Assert.Equal("Create tag on table 'notes' failed: tag 'release' already exists. Move it with Tags.UpdateAsync, or delete it first.", error.Message);
        Assert.Equal(2, await notes.Tags.GetVersionAsync("release", Ct));
    }

    [Fact]
    public async Task Tagging_a_version_the_table_does_not_have_is_a_VersionNotFoundException()
    {
        var (db, notes) = await ThreeVersionsAsync();
        using var _ = db;
        await notes.Tags.CreateAsync("release", 2, Ct);

        var created = await Assert.ThrowsAsync<VersionNotFoundException>(() => notes.Tags.CreateAsync("later", 9, Ct));
        var moved = await Assert.ThrowsAsync<VersionNotFoundException>(() => notes.Tags.UpdateAsync("release", 9, Ct));

        Assert.Equal(9, created.Version);
        Assert.Equal(9, moved.Version);
        Assert.Equal([new LanceTag("release", 2)], await notes.Tags.ListAsync(Ct));
    }

    [Fact]
    public async Task A_tag_name_the_server_refuses_is_an_InvalidRequestException_with_its_reason()
    {
        var (db, notes) = await ThreeVersionsAsync();
        using var _ = db;

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => notes.Tags.CreateAsync("two words", 1, Ct));

        Assert.Contains("Ref characters must be either alphanumeric", error.Message, StringComparison.Ordinal);
        Assert.Empty(await notes.Tags.ListAsync(Ct));
    }

    [Fact]
    public async Task An_empty_tag_name_or_a_version_below_one_is_refused_before_anything_is_sent()
    {
        using var db = await fixture.ConnectAsync();
        var notes = db.Notes();

        await Assert.ThrowsAsync<ArgumentException>(() => notes.Tags.CreateAsync("", 1, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => notes.Tags.UpdateAsync("release", 0, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => notes.AtTagAsync("", Ct));
    }
}
