using LanceOrm.Diagnostics;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using LanceOrm.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LanceOrm.Tests.Integration;

/// <summary>
/// Every <see cref="LanceOrmTelemetry"/> instrument and span is emitted during a real run against the emulator. Each test
/// runs under its own root activity and keeps only the spans and measurements of that trace (tests run in parallel).
/// </summary>
[Collection(MiniLmCollection.Name)]
public sealed class TelemetryTests(EmulatorFixture fixture)
{
    private const string TestSourceName = "LanceOrm.Tests.Telemetry";

    private static readonly ActivitySource TestSource = new(TestSourceName);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_DI_run_that_embeds_uploads_retries_and_searches_emits_every_instrument_and_span()
    {
        using var telemetry = new TelemetryRecorder();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLanceOrm(o =>
            {
                o.Uri = "db://" + EmulatorFixture.UniqueDatabase();
                o.ApiKey = EmulatorFixture.ApiKey;
                o.HostOverride = fixture.Emulator.Url;
                o.Retry.BackoffFactor = 0.01;
                o.Retry.BackoffJitter = 0.01;
            })
            .ConfigureEmbeddings(e =>
            {
                e.MiniLm.ModelDirectory = GeneratedMiniLmModel.Directory;
                e.MiniLm.AllowDownload = false;
                e.MiniLm.IntraOpThreads = 1;
            })
            .AddGeneratedRepositories()
            .HttpClient.AddHttpMessageHandler(() => new EmulatorFaultHandler("/query/", "status=503"));
        await using var provider = services.BuildServiceProvider();
        var passages = provider.GetRequiredService<PassageRepository>();
        var rows = new[]
        {
            new Passage { Id = "p1", Text = "the cat sits outside" },
            new Passage { Id = "p2", Text = "a dog runs in the park" },
            new Passage { Id = "p3", Text = string.Concat(Enumerable.Repeat("the cat sits outside. ", 200)) }, // > 256 word pieces
        };

        using (telemetry.Root())
        {
            await passages.CreateTableAsync(CreateMode.Create, Ct);
            await passages.AddAsync(rows, cancellationToken: Ct);
            var hits = await passages.SearchText("the cat sits outside").Limit(2).ToListAsync(Ct);
            Assert.Equal("p1", hits[0].Entity.Id);
        }

        var embed = telemetry.Spans(LanceOrmTelemetry.EmbedActivity);
        Assert.Contains(embed, s => Tag(s, LanceOrmTelemetry.TableTag) == "passages" && Tag(s, LanceOrmTelemetry.RowsTag) == "3" && Tag(s, LanceOrmTelemetry.FunctionTag) == "minilm");
        Assert.Contains(embed, s => Tag(s, LanceOrmTelemetry.TableTag) == "passages" && Tag(s, LanceOrmTelemetry.RowsTag) == "1");
        var upload = Assert.Single(telemetry.Spans(LanceOrmTelemetry.UploadActivity));
        Assert.Equal("passages", Tag(upload, LanceOrmTelemetry.TableTag));
        Assert.Equal("3", Tag(upload, LanceOrmTelemetry.RowsTag));
        Assert.Equal("add", Tag(upload, LanceOrmTelemetry.OperationTag));
        Assert.True(Guid.TryParse(Tag(upload, LanceOrmTelemetry.RequestIdTag), out _));
        Assert.Equal("200", Tag(upload, LanceOrmTelemetry.StatusTag));
        var query = Assert.Single(telemetry.Spans(LanceOrmTelemetry.QueryActivity));
        Assert.Equal("passages", Tag(query, LanceOrmTelemetry.TableTag));
        Assert.Equal("2", Tag(query, LanceOrmTelemetry.AttemptsTag));
        Assert.True(Guid.TryParse(Tag(query, LanceOrmTelemetry.RequestIdTag), out _));
        Assert.Contains(telemetry.Spans(LanceOrmTelemetry.RequestActivity), s => Tag(s, LanceOrmTelemetry.OperationTag) == "create_table");

        Assert.Equal(4, telemetry.Sum(LanceOrmTelemetry.RowsEmbedded, (LanceOrmTelemetry.TableTag, "passages")));
        Assert.Equal(2, telemetry.Count(LanceOrmTelemetry.EmbeddingDuration));
        Assert.Equal(3, telemetry.Sum(LanceOrmTelemetry.CacheMisses, (LanceOrmTelemetry.FunctionTag, "minilm")));
        Assert.Equal(1, telemetry.Sum(LanceOrmTelemetry.CacheHits, (LanceOrmTelemetry.FunctionTag, "minilm"), ("tier", "memory"))); // the query text = p1's text
        Assert.Equal(3, telemetry.Sum(LanceOrmTelemetry.TextsEmbedded));
        Assert.Equal(1, telemetry.Sum(LanceOrmTelemetry.Truncations));
        Assert.True(telemetry.Sum(LanceOrmTelemetry.Batches) >= 1);
        Assert.True(telemetry.Sum(LanceOrmTelemetry.BytesSent, (LanceOrmTelemetry.OperationTag, "add")) > 1000);
        Assert.True(telemetry.Sum(LanceOrmTelemetry.BytesSent, (LanceOrmTelemetry.OperationTag, "query")) > 2 * 384); // two attempts
        Assert.Equal(1, telemetry.Sum(LanceOrmTelemetry.Retries, (LanceOrmTelemetry.OperationTag, "query"), (LanceOrmTelemetry.RetryReasonTag, "status"), (LanceOrmTelemetry.StatusTag, "503")));
        Assert.Equal(1, telemetry.Count(LanceOrmTelemetry.RequestDuration, (LanceOrmTelemetry.OperationTag, "query"), (LanceOrmTelemetry.StatusTag, "200")));
        Assert.Equal(1, telemetry.Count(LanceOrmTelemetry.RequestDuration, (LanceOrmTelemetry.OperationTag, "add"), (LanceOrmTelemetry.StatusTag, "200")));
        Assert.Equal(3, telemetry.Sum(LanceOrmTelemetry.RowsWritten, (LanceOrmTelemetry.TableTag, "passages")));
        var ratio = telemetry.ObserveHitRatio("minilm");
        Assert.InRange(ratio, 0.0001, 1);
    }

    [Fact]
    public async Task Without_DI_the_connection_own_retry_handler_records_retries_bytes_and_a_failed_request_with_its_error_type()
    {
        using var telemetry = new TelemetryRecorder();
        var wire = new RecordingHandler { Fault = (path, _) => path.EndsWith("/count_rows/", StringComparison.Ordinal) ? "status=503" : null };
        using var db = await fixture.ConnectAsync(handler: wire);
        var notes = await fixture.NewTableAsync(db, "telemetry");

        using (telemetry.Root())
        {
            await notes.AddAsync([Note.Make(1), Note.Make(2)], cancellationToken: Ct);
            await Assert.ThrowsAsync<RetryLimitExceededException>(() => notes.CountAsync(cancellationToken: Ct));
        }

        Assert.Equal(2, telemetry.Sum(LanceOrmTelemetry.Retries, (LanceOrmTelemetry.OperationTag, "count_rows"), (LanceOrmTelemetry.RetryReasonTag, "status")));
        Assert.True(telemetry.Sum(LanceOrmTelemetry.BytesSent, (LanceOrmTelemetry.OperationTag, "add")) > 0);
        Assert.Equal(1, telemetry.Count(LanceOrmTelemetry.RequestDuration, (LanceOrmTelemetry.OperationTag, "count_rows"), (LanceOrmTelemetry.StatusTag, "503"), (LanceOrmTelemetry.ErrorTypeTag, "503")));
        var failed = Assert.Single(telemetry.Spans(LanceOrmTelemetry.RequestActivity), s => Tag(s, LanceOrmTelemetry.OperationTag) == "count_rows");
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal("3", Tag(failed, LanceOrmTelemetry.AttemptsTag));
        Assert.Equal(2, telemetry.Sum(LanceOrmTelemetry.RowsEmbedded, (LanceOrmTelemetry.FunctionTag, HashingEmbeddingGenerator.Name)));
        Assert.All(telemetry.AllSpans, s => Assert.All(s.TagObjects, t => Assert.DoesNotContain(EmulatorFixture.ApiKey, t.Value?.ToString() ?? "")));
    }

    private static string? Tag(Activity activity, string name) =>
        activity.TagObjects.FirstOrDefault(t => t.Key == name).Value is { } value ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Adds <c>x-emulator-fault</c> to the first attempt of each request to a path (the emulator then fails it).</summary>
    private sealed class EmulatorFaultHandler(string pathSuffix, string fault) : DelegatingHandler
    {
        private readonly ConcurrentDictionary<string, int> _attempts = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var id = request.Headers.TryGetValues("x-request-id", out var ids) ? ids.First() : "";
            if (request.RequestUri!.AbsolutePath.EndsWith(pathSuffix, StringComparison.Ordinal) && _attempts.AddOrUpdate(id, 1, (_, n) => n + 1) == 1)
            {
                request.Headers.TryAddWithoutValidation("x-emulator-fault", fault);
            }
            else
            {
                request.Headers.Remove("x-emulator-fault");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Listens to the LanceOrm meter and activity source, keeping what belongs to this test's trace.</summary>
    private sealed class TelemetryRecorder : IDisposable
    {
        private readonly MeterListener _meters = new();
        private readonly ActivityListener _activities;
        private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();
        private readonly ConcurrentQueue<Activity> _spans = new();
        private ActivityTraceId? _trace;

        public TelemetryRecorder()
        {
            _activities = new ActivityListener
            {
                ShouldListenTo = source => source.Name is LanceOrmTelemetry.Name or TestSourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.Source.Name == LanceOrmTelemetry.Name && activity.TraceId == _trace)
                    {
                        _spans.Enqueue(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(_activities);
            _meters.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == LanceOrmTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
            _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
            _meters.Start();
        }

        public IEnumerable<Activity> AllSpans => _spans;

        public IDisposable Root()
        {
            var root = TestSource.StartActivity("telemetry-test") ?? throw new InvalidOperationException("The test activity was not sampled.");
            _trace = root.TraceId;
            return root;
        }

        public Activity[] Spans(string name) => _spans.Where(s => s.OperationName == name).ToArray();

        public double Sum(string instrument, params (string Key, string Value)[] tags) => Matching(instrument, tags).Sum(m => m.Value);

        public int Count(string instrument, params (string Key, string Value)[] tags) => Matching(instrument, tags).Count();

        public double ObserveHitRatio(string function)
        {
            var ratios = new ConcurrentQueue<double>();
            using var gauge = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == LanceOrmTelemetry.Name && instrument.Name == LanceOrmTelemetry.CacheHitRatio)
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            gauge.SetMeasurementEventCallback<double>((_, value, tags, _) =>
            {
                if (tags.ToArray().Any(t => t.Key == LanceOrmTelemetry.FunctionTag && Equals(t.Value, function)))
                {
                    ratios.Enqueue(value);
                }
            });
            gauge.Start();
            gauge.RecordObservableInstruments();
            return Assert.Single(ratios);
        }

        public void Dispose()
        {
            _meters.Dispose();
            _activities.Dispose();
        }

        private IEnumerable<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> Matching(string instrument, (string Key, string Value)[] tags) =>
            _measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.Any(x => x.Key == t.Key && Convert.ToString(x.Value, System.Globalization.CultureInfo.InvariantCulture) == t.Value)));

        private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            // Measurements are recorded synchronously, so the current activity tells whose run they belong to. Model
            // instruments (tag "model") may run on tokenizer worker threads; no other class runs the model meanwhile (MiniLmCollection).
            var mine = Activity.Current?.TraceId == _trace || tags.ToArray().Any(t => t.Key == "model");
            if (_trace is not null && mine)
            {
                _measurements.Enqueue((instrument.Name, value, tags.ToArray()));
            }
        }
    }
}
