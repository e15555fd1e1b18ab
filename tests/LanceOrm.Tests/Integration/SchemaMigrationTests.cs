using LanceOrm.Tests.Support;

namespace LanceOrm.Tests.Integration;

/// <summary>
/// Migrating a table to a changed entity: the plan lists each step, safe or not; applying runs the safe ones and the
/// opted-in ones, keeps every row, computes the vectors of new [Embed] properties locally, and refuses (changing nothing)
/// while an unsafe step is not allowed.
/// </summary>
public sealed class SchemaMigrationTests(EmulatorFixture fixture)
{
    private const int Rows = 30;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<LanceDbConnection> BooksV1Async(EmulatorFixture fixture, HttpMessageHandler? handler = null)
    {
        var db = await fixture.ConnectAsync(handler: handler);
        var v1 = db.BookV1s();
        await v1.CreateTableAsync(CreateMode.Create, Ct);
        await v1.AddAsync(Enumerable.Range(0, Rows).Select(BookV1.Make).ToArray(), cancellationToken: Ct);
        return db;
    }

    private static async Task<Dictionary<string, BookV1>> RowsAsync(LanceDbConnection db) =>
        (await db.BookV1s().Query().Limit(1000).ToListAsync(Ct)).ToDictionary(h => h.Entity.Id, h => h.Entity);

    [Fact]
    public async Task Version_2_adds_a_nullable_column_and_an_embedded_property_keeping_every_row_and_making_the_new_text_searchable()
    {
        using var db = await BooksV1Async(fixture);
        var v2 = db.BookV2s();
        await Assert.ThrowsAsync<SchemaMismatchException>(() => v2.OpenAsync(Ct));

        var plan = await v2.PlanMigrationAsync(cancellationToken: Ct);

        Assert.Equal(
            [(LanceMigrationStepKind.AddColumn, "pages"), (LanceMigrationStepKind.AddEmbeddingVector, "title_vector")],
            plan.Steps.Select(s => (s.Kind, s.Column)));
        Assert.True(plan.CanApply);
        Assert.All(plan.Steps, s => Assert.True(s.IsSafe));
        Assert.Contains("add nullable column 'pages' (int32)", plan.ToString());
        Assert.Contains($"add vector column 'title_vector' (fixed_size_list<float>[32]) of [Embed] property Title; computed locally from column 'title' for {Rows} rows", plan.ToString());

        var applied = await v2.MigrateAsync(new LanceMigrationOptions { PageSize = 7 }, Ct);

        Assert.Equal(plan.Steps.Select(s => s.Kind), applied.Steps.Select(s => s.Kind));
        await v2.OpenAsync(Ct);
        Assert.True((await v2.PlanMigrationAsync(cancellationToken: Ct)).IsEmpty);
        var after = (await v2.Query().Limit(1000).ToListAsync(Ct)).Select(h => h.Entity).ToDictionary(b => b.Id);
        Assert.Equal(Rows, after.Count);
        foreach (var before in Enumerable.Range(0, Rows).Select(BookV1.Make))
        {
            var row = after[before.Id];
            Assert.Equal((before.Title, before.Blurb, before.Year, before.Shelf, (int?)null), (row.Title, row.Blurb, row.Year, row.Shelf, row.Pages));
        }

        for (var i = 0; i < Rows; i += 9)
        {
            var expected = BookV1.Make(i);
            var byTitle = await v2.Search(b => b.Title, expected.Title).Limit(1).ToListAsync(Ct);
            Assert.Equal(expected.Id, Assert.Single(byTitle).Entity.Id);
            Assert.Equal(0, byTitle[0].Distance!.Value, 4);
        }

        var byBlurb = await v2.Search(b => b.Blurb, BookV1.Make(4).Blurb).Limit(Rows).ToListAsync(Ct);
        Assert.Contains(byBlurb.Where(h => h.Distance < 1e-4), h => h.Entity.Id == "b004");
    }

    [Fact]
    public async Task A_new_embedded_property_over_new_text_leaves_rows_without_text_unembedded_until_they_are_written_with_text()
    {
        using var db = await BooksV1Async(fixture);
        var repo = db.BookWithSummaries();

        var plan = await repo.MigrateAsync(cancellationToken: Ct);

        Assert.Equal(
            [(LanceMigrationStepKind.AddColumn, "summary"), (LanceMigrationStepKind.AddEmbeddingVector, "summary_vector")],
            plan.Steps.Select(s => (s.Kind, s.Column)));
        Assert.Contains("its text column 'summary' is new", plan.Steps[1].Description);
        Assert.Equal(0, await repo.Table.CountRowsAsync("summary_vector IS NOT NULL", Ct));

        var row = (await repo.GetAsync("b003", Ct))!;
        row.Summary = "a tale of lighthouses";
        await repo.UpsertAsync([row], cancellationToken: Ct);

        var hit = Assert.Single(await repo.Search(b => b.Summary!, "a tale of lighthouses").Limit(1).ToListAsync(Ct));
        Assert.Equal("b003", hit.Entity.Id);
        Assert.Equal(Rows, await repo.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task Unsafe_steps_are_refused_with_each_named_and_nothing_is_changed()
    {
        using var db = await BooksV1Async(fixture);
        var before = await RowsAsync(db);
        var v3 = db.BookV3s();

        var plan = await v3.PlanMigrationAsync(cancellationToken: Ct);
        var error = await Assert.ThrowsAsync<MigrationRefusedException>(() => v3.MigrateAsync(cancellationToken: Ct));

        Assert.False(plan.CanApply);
        Assert.Equal(
            [(LanceMigrationStepKind.DropColumn, "shelf"), (LanceMigrationStepKind.ChangeType, "year"), (LanceMigrationStepKind.AddRequiredColumn, "copies")],
            error.RefusedSteps.Select(s => (s.Kind, s.Column)));
        Assert.All(error.RefusedSteps, s => Assert.False(s.IsSafe || s.IsAllowed));
        Assert.Contains("nothing was changed", error.Message);
        Assert.Contains("options.AllowTypeChange(\"year\")", error.Message);
        Assert.Contains("options.AllowDrop(\"shelf\")", error.Message);
        Assert.Contains("options.AddWithDefault(\"copies\", sql)", error.Message);
        Assert.Contains("[refused] change column 'year' from int32 to int16", plan.ToString());
        Assert.Equal(before.Values.Select(b => (b.Id, b.Title, b.Blurb, b.Year, b.Shelf)).Order(), (await RowsAsync(db)).Values.Select(b => (b.Id, b.Title, b.Blurb, b.Year, b.Shelf)).Order());
        await db.BookV1s().OpenAsync(Ct); // version 1 still matches: not a column was touched
    }

    [Fact]
    public async Task Each_unsafe_step_needs_its_own_opt_in_and_runs_once_all_are_given()
    {
        using var db = await BooksV1Async(fixture);
        var v3 = db.BookV3s();

        var partly = new LanceMigrationOptions().AllowDrop("shelf").AllowTypeChange("year");
        var refused = await Assert.ThrowsAsync<MigrationRefusedException>(() => v3.MigrateAsync(partly, Ct));
        Assert.Equal("copies", Assert.Single(refused.RefusedSteps).Column);
        await db.BookV1s().OpenAsync(Ct);

        var plan = await v3.MigrateAsync(partly.AddWithDefault("copies", "1"), Ct);

        Assert.Equal(3, plan.Steps.Count(s => !s.IsSafe && s.IsAllowed));
        Assert.Contains("[allowed] drop column 'shelf' (string)", plan.ToString());
        await v3.OpenAsync(Ct);
        var rows = (await v3.Query().Limit(1000).ToListAsync(Ct)).Select(h => h.Entity).ToArray();
        Assert.Equal(Rows, rows.Length);
        Assert.All(rows, b => Assert.Equal((BookV1.Make(int.Parse(b.Id[1..], System.Globalization.CultureInfo.InvariantCulture)).Year, 1), (b.Year, b.Copies)));
        Assert.DoesNotContain(await ColumnsAsync(v3), c => c == "shelf");
    }

    [Fact]
    public async Task A_property_made_nullable_relaxes_the_column_which_then_takes_nulls()
    {
        using var db = await BooksV1Async(fixture);
        var repo = db.BookOptionalYears();

        var plan = await repo.MigrateAsync(cancellationToken: Ct);

        var step = Assert.Single(plan.Steps);
        Assert.Equal((LanceMigrationStepKind.RelaxNullability, "year", true), (step.Kind, step.Column, step.IsSafe));
        var row = (await repo.GetAsync("b002", Ct))!;
        Assert.Equal(1992, row.Year);
        row.Year = null;
        await repo.UpsertAsync([row], cancellationToken: Ct);
        Assert.Null((await repo.GetAsync("b002", Ct))!.Year);
        Assert.Equal(Rows, await repo.CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task A_widened_type_and_a_declared_rename_keep_every_value()
    {
        using var db = await BooksV1Async(fixture);
        var repo = db.BookRenamedShelfs();

        var refused = await Assert.ThrowsAsync<MigrationRefusedException>(() => repo.MigrateAsync(cancellationToken: Ct));
        Assert.Contains("options.Rename(\"shelf\", \"location\")", refused.Message);

        var plan = await repo.MigrateAsync(new LanceMigrationOptions().Rename("shelf", "location"), Ct);

        Assert.Equal(
            [(LanceMigrationStepKind.RenameColumn, "location"), (LanceMigrationStepKind.WidenType, "year")],
            plan.Steps.Select(s => (s.Kind, s.Column)));
        Assert.All(plan.Steps, s => Assert.True(s.IsSafe));
        var rows = (await repo.Query().Limit(1000).ToListAsync(Ct)).Select(h => h.Entity).ToDictionary(b => b.Id);
        foreach (var before in Enumerable.Range(0, Rows).Select(BookV1.Make))
        {
            Assert.Equal(((long)before.Year, before.Shelf), (rows[before.Id].Year, rows[before.Id].Location));
        }

        Assert.True((await repo.PlanMigrationAsync(new LanceMigrationOptions().Rename("shelf", "location"), Ct)).IsEmpty);
    }

    [Fact]
    public async Task A_migration_stopped_before_its_vectors_were_computed_finishes_when_run_again()
    {
        using var db = await BooksV1Async(fixture);
        var v2 = db.BookV2s();
        // As if an earlier run stopped right after its schema steps: the columns exist, no title has its vector yet.
        await v2.AddColumnsAsync([new LanceNewColumn("pages", "arrow_cast(NULL, 'Int32')"), new LanceNewColumn("title_vector", "arrow_cast(NULL, 'FixedSizeList(32, Float32)')")], Ct);

        var plan = await v2.MigrateAsync(cancellationToken: Ct);

        var step = Assert.Single(plan.Steps);
        Assert.Equal((LanceMigrationStepKind.ComputeMissingVectors, "title_vector"), (step.Kind, step.Column));
        Assert.Contains($"{Rows} rows", step.Description);
        Assert.Equal(0, await v2.Table.CountRowsAsync("title_vector IS NULL", Ct));
        Assert.Equal("b011", (await v2.Search(b => b.Title, BookV1.Make(11).Title).Limit(1).ToListAsync(Ct))[0].Entity.Id);
    }

    [Fact]
    public async Task A_vector_of_another_dimension_is_replaced_only_when_allowed_and_its_vectors_are_computed_again()
    {
        using var db = await fixture.ConnectAsync(registry: EmulatorFixture.NewRegistry().Register("hash16", new HashingEmbeddingGenerator(16), 16));
        var v1 = db.BookV1s();
        await v1.CreateTableAsync(CreateMode.Create, Ct);
        await v1.AddAsync(Enumerable.Range(0, Rows).Select(BookV1.Make).ToArray(), cancellationToken: Ct);
        var repo = db.BookWithHash16s();

        var refused = await Assert.ThrowsAsync<MigrationRefusedException>(() => repo.MigrateAsync(cancellationToken: Ct));
        var step = Assert.Single(refused.RefusedSteps);
        Assert.Equal(LanceMigrationStepKind.RecreateVectorColumn, step.Kind);
        Assert.Contains("replace vector column 'vector' of dimension 32 by one of dimension 16", step.Description);
        Assert.Contains("options.AllowTypeChange(\"vector\")", step.Description);
        await v1.OpenAsync(Ct);

        await repo.MigrateAsync(new LanceMigrationOptions().AllowTypeChange("vector"), Ct);

        await repo.OpenAsync(Ct);
        Assert.Equal(0, await repo.Table.CountRowsAsync("vector IS NULL", Ct));
        var hits = await repo.Search(b => b.Blurb, BookV1.Make(5).Blurb).Limit(Rows).ToListAsync(Ct);
        Assert.Equal(Rows, await repo.CountAsync(cancellationToken: Ct));
        Assert.Contains(hits.Where(h => h.Distance < 1e-4), h => h.Entity.Id == "b005");
    }

    [Fact]
    public async Task New_nullable_columns_of_every_mapped_kind_are_added_with_exactly_the_mapped_type()
    {
        using var db = await BooksV1Async(fixture);
        var repo = db.BookWithEveryKinds();

        var plan = await repo.MigrateAsync(cancellationToken: Ct);

        Assert.Equal(18, plan.Steps.Count);
        Assert.All(plan.Steps, s => Assert.Equal(LanceMigrationStepKind.AddColumn, s.Kind));
        await repo.OpenAsync(Ct);
        var row = (await repo.GetAsync("b001", Ct))!;
        Assert.Equal(("b001", (DateTime?)null, (List<string>?)null), (row.Id, row.ReadAt, row.Keywords));
        row.ReadAt = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        row.Cost = 12.5m;
        row.Keywords = ["sea"];
        await repo.UpsertAsync([row], cancellationToken: Ct);
        var read = (await repo.GetAsync("b001", Ct))!;
        Assert.Equal((row.ReadAt, 12.5m, "sea"), (read.ReadAt, read.Cost, Assert.Single(read.Keywords!)));
    }

    [Fact]
    public async Task A_declared_rename_that_does_not_fit_the_table_is_an_argument_error()
    {
        using var db = await BooksV1Async(fixture);
        var repo = db.BookRenamedShelfs();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => repo.PlanMigrationAsync(new LanceMigrationOptions().Rename("room", "location"), Ct));

        Assert.Contains("needs column 'room' in the table", error.Message);
    }

    [Fact]
    public async Task A_table_that_matches_has_an_empty_plan_and_migrating_it_sends_no_change()
    {
        var wire = new RecordingHandler();
        using var db = await fixture.ConnectAsync(handler: wire);
        var v1 = db.BookV1s();
        await v1.CreateTableAsync(CreateMode.Create, Ct);

        var plan = await v1.MigrateAsync(cancellationToken: Ct);

        Assert.True(plan.IsEmpty);
        Assert.Equal("Table 'books' matches the entity: nothing to migrate.", plan.ToString());
        Assert.DoesNotContain(wire.Requests, r => r.Path.Contains("_columns/", StringComparison.Ordinal));
    }

    private static async Task<IReadOnlyList<string>> ColumnsAsync<T>(LanceRepository<T, string> repo) =>
        Protocol.TableColumn.Parse((await repo.Table.DescribeAsync(Ct)).Schema).Select(c => c.Name).ToArray();

    [Fact]
    public async Task Computed_vectors_never_undo_a_write_or_a_delete_made_while_the_migration_ran()
    {
        var meanwhile = new WriteBeforeFirstVectorUpdate();
        using var db = await BooksV1Async(fixture, meanwhile);
        using var other = EmulatorFixture.Connect(fixture.Emulator, o => o.Uri = "db://" + db.Database);
        var one = BookV1.Make(1);
        var retitled = new BookV2 { Id = one.Id, Title = "retitled while migrating", Blurb = one.Blurb, Year = one.Year, Shelf = one.Shelf };
        meanwhile.Write = async () =>
        {
            // Another writer, after the migration read the rows and before it writes their vectors back.
            var writer = other.BookV2s();
            await writer.UpsertAsync([retitled], cancellationToken: Ct);
            await writer.DeleteAsync(b => b.Id == "b002", Ct);
        };

        await db.BookV2s().MigrateAsync(new LanceMigrationOptions { PageSize = Rows }, Ct);

        var after = (await db.BookV2s().Query().Limit(1000).ToListAsync(Ct)).Select(h => h.Entity).ToDictionary(b => b.Id);
        Assert.True(meanwhile.Wrote);
        Assert.Equal(Rows - 1, after.Count);
        Assert.DoesNotContain("b002", after.Keys);
        Assert.Equal("retitled while migrating", after["b001"].Title);
        var byTitle = Assert.Single(await db.BookV2s().Search(b => b.Title, "retitled while migrating").Limit(1).ToListAsync(Ct));
        Assert.Equal(("b001", 0.0), (byTitle.Entity.Id, Math.Round(byTitle.Distance!.Value, 4)));
        Assert.True((await db.BookV2s().PlanMigrationAsync(cancellationToken: Ct)).IsEmpty);
    }
}
