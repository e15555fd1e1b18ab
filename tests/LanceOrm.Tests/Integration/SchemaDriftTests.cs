using Apache.Arrow;
using Apache.Arrow.Types;
using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>A table created with another schema is refused on open and before any write, naming each difference.</summary>
public sealed class SchemaDriftTests(EmulatorFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Schema Replace(Schema schema, string name, Field? replacement)
    {
        var builder = new Schema.Builder();
        foreach (var field in schema.FieldsList)
        {
            if (field.Name != name)
            {
                builder.Field(field);
            }
            else if (replacement is not null)
            {
                builder.Field(replacement);
            }
        }

        return builder.Metadata(schema.Metadata).Build();
    }

    private async Task<LanceRepository<Note, string>> DriftedTableAsync(LanceDbConnection db, Func<Schema, Schema> edit)
    {
        // Another writer created "notes" with a different schema; the generated repository must refuse it.
        await new MapRepository<Note>(db, new RenamedMap<Note>(Note.LanceMap, Note.LanceMap.TableName, edit)).CreateTableAsync(CreateMode.Create, Ct);
        return db.Notes();
    }

    [Fact]
    public async Task A_missing_column_is_named_and_nothing_is_written()
    {
        using var db = await fixture.ConnectAsync();
        var repo = await DriftedTableAsync(db, s => Replace(s, "rating", null));

        var open = await Assert.ThrowsAsync<SchemaMismatchException>(() => repo.OpenAsync(Ct));
        var write = await Assert.ThrowsAsync<SchemaMismatchException>(() => repo.UpsertAsync([Note.Make(1)], cancellationToken: Ct));

        Assert.Contains("'rating'", open.Message);
        Assert.Contains("missing", open.Message);
        Assert.Equal(SchemaDifferenceKind.MissingColumn, Assert.Single(write.Differences).Kind);
        Assert.Equal(0, await repo.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task A_column_of_another_type_is_named_with_both_types_and_nothing_is_written()
    {
        using var db = await fixture.ConnectAsync();
        var repo = await DriftedTableAsync(db, s => Replace(s, "year", new Field("year", StringType.Default, false)));

        var error = await Assert.ThrowsAsync<SchemaMismatchException>(() => repo.AddAsync([Note.Make(1)], cancellationToken: Ct));

        var difference = Assert.Single(error.Differences);
        Assert.Equal(("year", "int32", "string"), (difference.Column, difference.Expected, difference.Actual));
        Assert.Contains("'year'", error.Message);
        Assert.Equal(0, await repo.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task A_vector_of_another_dimension_is_named_with_both_dimensions_and_nothing_is_written()
    {
        using var db = await fixture.ConnectAsync();
        var repo = await DriftedTableAsync(db, s => Replace(s, "vector", new Field("vector", new FixedSizeListType(new Field("item", FloatType.Default, true), 16), false)));

        var error = await Assert.ThrowsAsync<SchemaMismatchException>(() => repo.UpsertAsync([Note.Make(1)], cancellationToken: Ct));

        var difference = Assert.Single(error.Differences);
        Assert.Equal(SchemaDifferenceKind.VectorDimensionMismatch, difference.Kind);
        Assert.Contains("dimension 16", error.Message);
        Assert.Contains("expects 32", error.Message);
        Assert.Equal(0, await repo.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task Exist_ok_creation_over_a_drifted_table_fails_the_same_way()
    {
        using var db = await fixture.ConnectAsync();
        var repo = await DriftedTableAsync(db, s => Replace(s, "title", null));

        var error = await Assert.ThrowsAsync<SchemaMismatchException>(() => repo.CreateTableAsync(CreateMode.ExistOk, Ct));

        Assert.Contains("'title'", error.Message);
    }
}
