using LanceOrm.Embeddings;
using LanceOrm.Embeddings.TestSupport;
using LanceOrm.Mapping;
using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>
/// <c>[Embed("resnet18")]</c> on pictures, end to end on the emulator with the real model: near-duplicates find their
/// original, a bad image fails the write with a typed error naming the row and nothing written, a stored vector belongs
/// to its row's current image, and images kept as files or buffers work the same.
/// </summary>
[Collection(ResNet18Collection.Name)]
public sealed class ImageEmbeddingTests(EmulatorFixture fixture) : IDisposable
{
    private readonly EmbeddingRegistry _registry = Pictures.Registry();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _registry.Dispose();

    [Fact]
    public async Task A_resized_reencoded_and_cropped_copy_finds_its_original_first()
    {
        using var db = await fixture.ConnectAsync(registry: _registry);
        var pictures = db.Pictures();
        await pictures.CreateTableAsync(cancellationToken: Ct);
        await pictures.AddAsync(Pictures.Catalogue(), cancellationToken: Ct);

        var firsts = new List<string>();
        for (var scene = 0; scene < TestImages.SceneCount; scene++)
        {
            var hits = await pictures.Search(x => x.Image, Pictures.NearDuplicate(scene)).Limit(3).ToListAsync(Ct);
            firsts.Add(hits[0].Entity.Id);
        }

        Assert.Equal(Enumerable.Range(0, TestImages.SceneCount).Select(s => $"s{s}"), firsts);
    }

    [Fact]
    public async Task A_corrupt_image_in_a_collection_fails_the_write_naming_its_row_and_nothing_is_written()
    {
        using var db = await fixture.ConnectAsync(registry: _registry);
        var pictures = db.Pictures();
        await pictures.CreateTableAsync(cancellationToken: Ct);
        var rows = Pictures.Catalogue();
        rows[5].Image = Pictures.Truncated(5);

        var error = await Assert.ThrowsAsync<InvalidImageException>(() => pictures.AddAsync(rows, cancellationToken: Ct));

        Assert.Equal((5, "s5", "Image", "pictures"), (error.Index, error.Key, error.Property, error.Table));
        Assert.Contains("Row 5 (key s5)", error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated or corrupt JPEG", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("of the call", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await pictures.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task Bytes_that_are_no_image_fail_an_upsert_and_leave_the_stored_rows_as_they_were()
    {
        using var db = await fixture.ConnectAsync(registry: _registry);
        var pictures = db.Pictures();
        await pictures.CreateTableAsync(cancellationToken: Ct);
        await pictures.AddAsync(Pictures.Catalogue(), cancellationToken: Ct);
        var before = (await pictures.GetAsync("s1", Ct))!;
        Picture[] changed =
        [
            new() { Id = "s1", Caption = "changed", Image = TestImages.SceneJpeg(2) },
            new() { Id = "s9", Caption = "not a picture", Image = "GIF? no, a text file"u8.ToArray() },
        ];

        var error = await Assert.ThrowsAsync<InvalidImageException>(() => pictures.UpsertAsync(changed, cancellationToken: Ct));

        Assert.Equal("s9", error.Key);
        Assert.Contains("not a supported image format", error.Message, StringComparison.Ordinal);
        var after = (await pictures.GetAsync("s1", Ct))!;
        Assert.Equal(before.Caption, after.Caption);
        Assert.Equal(before.Image, after.Image);
        Assert.Equal(before.Vector, after.Vector);
        Assert.Equal(TestImages.SceneCount, await pictures.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task A_corrupt_image_in_a_stream_stops_the_write_after_the_batches_before_it_and_names_the_row()
    {
        using var db = await fixture.ConnectAsync(o => o.WriteBatchSize = 2, registry: _registry);
        var pictures = db.Pictures();
        await pictures.CreateTableAsync(cancellationToken: Ct);
        var rows = Pictures.Catalogue();
        rows[4].Image = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];

        var error = await Assert.ThrowsAsync<WriteFailedException>(() => pictures.AddAsync(rows.ToAsyncEnumerable(), cancellationToken: Ct));

        var cause = Assert.IsType<InvalidImageException>(error.InnerException);
        Assert.Equal((4, "s4"), (cause.Index, cause.Key));
        Assert.Equal(4, error.ResumePosition);
        Assert.Equal(4, await pictures.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task A_row_without_an_image_is_stored_with_a_null_vector()
    {
        using var db = await fixture.ConnectAsync(registry: _registry);
        var pictures = db.Pictures();
        await pictures.CreateTableAsync(cancellationToken: Ct);

        await pictures.AddAsync([new Picture { Id = "empty", Caption = "no picture yet" }, .. Pictures.Catalogue()[..2]], cancellationToken: Ct);

        var stored = (await pictures.GetAsync("empty", Ct))!;
        Assert.Null(stored.Image);
        Assert.Null(stored.Vector);
        Assert.Equal(512, (await pictures.GetAsync("s0", Ct))!.Vector!.Length);
    }

    [Fact]
    public async Task An_image_changed_after_reading_gets_the_vector_of_the_new_image_on_upsert()
    {
        using var db = await fixture.ConnectAsync(registry: _registry);
        var pictures = db.Pictures();
        await pictures.CreateTableAsync(cancellationToken: Ct);
        await pictures.AddAsync(Pictures.Catalogue(), cancellationToken: Ct);

        var picture = (await pictures.GetAsync("s0", Ct))!;
        picture.Image = TestImages.SceneJpeg(6);
        await pictures.UpsertAsync([picture], cancellationToken: Ct);

        var s6 = (await pictures.GetAsync("s6", Ct))!;
        Assert.Equal(s6.Vector, (await pictures.GetAsync("s0", Ct))!.Vector);
    }

    [Fact]
    public async Task Setting_a_new_image_in_an_update_sets_its_vector_and_null_clears_it()
    {
        using var db = await fixture.ConnectAsync(registry: _registry);
        var pictures = db.Pictures();
        await pictures.CreateTableAsync(cancellationToken: Ct);
        await pictures.AddAsync(Pictures.Catalogue(), cancellationToken: Ct);

        await pictures.UpdateAsync(x => x.Id == "s1", set => set.Set(x => x.Image, TestImages.SceneJpeg(7)), Ct);
        await pictures.UpdateAsync(x => x.Id == "s2", set => set.Set(x => x.Image, null), Ct);

        Assert.Equal((await pictures.GetAsync("s7", Ct))!.Vector, (await pictures.GetAsync("s1", Ct))!.Vector);
        Assert.Null((await pictures.GetAsync("s2", Ct))!.Vector);
        var error = await Assert.ThrowsAsync<InvalidImageException>(
            () => pictures.UpdateAsync(x => x.Id == "s3", set => set.Set(x => x.Image, Pictures.Truncated(3)), Ct));
        Assert.Equal(("pictures", "Image"), (error.Table, error.Property));
        Assert.Equal(TestImages.SceneJpeg(3), (await pictures.GetAsync("s3", Ct))!.Image);
    }

    [Fact]
    public async Task Images_kept_as_files_are_embedded_from_the_file_searched_by_an_example_file_and_reassigned_by_an_update()
    {
        var folder = Directory.CreateTempSubdirectory("lanceorm-pictures-");
        try
        {
            var files = Enumerable.Range(0, TestImages.SceneCount).Select(s =>
            {
                var path = Path.Combine(folder.FullName, $"scene-{s}.jpg");
                File.WriteAllBytes(path, TestImages.SceneJpeg(s));
                return new PictureFile { Id = $"f{s}", File = new FileInfo(path) };
            }).ToArray();
            var query = Path.Combine(folder.FullName, "query.jpg");
            await File.WriteAllBytesAsync(query, Pictures.NearDuplicate(3), Ct);
            using var db = await fixture.ConnectAsync(registry: _registry);
            var repo = db.PictureFiles();
            await repo.CreateTableAsync(cancellationToken: Ct);

            await repo.AddAsync(files, cancellationToken: Ct);
            var hits = await repo.Search(x => x.File, ImageInput.FromFile(query)).Limit(1).ToListAsync(Ct);

            Assert.Equal("f3", hits[0].Entity.Id);
            Assert.Equal(files[3].File!.FullName, hits[0].Entity.File!.FullName);
            await repo.UpdateAsync(x => x.Id == "f0", set => set.Set(x => x.File, files[4].File), Ct);
            var nearScene4 = await repo.Search(x => x.File, ImageInput.FromFile(files[4].File!)).Limit(2).ToListAsync(Ct);
            Assert.Equal(["f0", "f4"], nearScene4.Select(h => h.Entity.Id).Order());
            Assert.Equal(files[4].File!.FullName, (await repo.GetAsync("f0", Ct))!.File!.FullName);
            var missing = new PictureFile { Id = "gone", File = new FileInfo(Path.Combine(folder.FullName, "gone.jpg")) };
            var error = await Assert.ThrowsAsync<InvalidImageException>(() => repo.AddAsync([missing], cancellationToken: Ct));
            Assert.Equal("gone", error.Key);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Images_held_as_read_only_memory_are_embedded_like_arrays()
    {
        using var db = await fixture.ConnectAsync(registry: _registry);
        var buffers = db.PictureBuffers();
        await buffers.CreateTableAsync(cancellationToken: Ct);
        await buffers.AddAsync(Enumerable.Range(0, TestImages.SceneCount).Select(s => new PictureBuffer { Id = $"b{s}", Image = TestImages.SceneJpeg(s) }).ToArray(), cancellationToken: Ct);

        var hits = await buffers.Search(x => x.Image, Pictures.NearDuplicate(5)).Limit(1).ToListAsync(Ct);

        Assert.Equal("b5", hits[0].Entity.Id);
        Assert.Equal(TestImages.SceneJpeg(5), hits[0].Entity.Image.ToArray());
    }

    [Fact]
    public void The_image_function_is_listed_apart_from_the_functions_the_official_clients_recreate()
    {
        var metadata = Picture.LanceMap.Schema.Metadata;

        Assert.False(metadata.ContainsKey(LanceArrowTypes.EmbeddingFunctionsKey));
        Assert.Contains("\"name\":\"resnet18\"", metadata[LanceArrowTypes.LanceOrmEmbeddingFunctionsKey], StringComparison.Ordinal);
    }
}

/// <summary>Test classes that run the resnet18 model, one at a time (two models at once would only slow both down).</summary>
[CollectionDefinition(Name)]
public sealed class ResNet18Collection
{
    public const string Name = "resnet18";
}
