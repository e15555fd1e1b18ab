using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using LanceOrm.Protocol;
using LanceOrm.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LanceOrm.Tests.Unit;

/// <summary>
/// Query answers are read off the network batch by batch: the first rows reach the caller while the server still holds
/// the rest; a body that breaks or ends early is a typed error after the rows already returned; leaving early closes it.
/// </summary>
public sealed class StreamingQueryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Schema Schema = new Schema.Builder()
        .Field(new Field("id", StringType.Default, false))
        .Field(new Field("title", StringType.Default, false))
        .Build();

    private static RecordBatch Batch(int from, int count) => new(
        Schema,
        [
            new StringArray.Builder().AppendRange(Enumerable.Range(from, count).Select(i => $"n{i:D6}")).Build(),
            new StringArray.Builder().AppendRange(Enumerable.Range(from, count).Select(i => $"Title {i}")).Build(),
        ],
        count);

    private static LanceDbConnection Connect(HttpMessageHandler network) =>
        new(new LanceDbOptions { Uri = "db://dev", ApiKey = "sk-key", HostOverride = new Uri("http://127.0.0.1:1") }, EmulatorFixture.NewRegistry(), httpHandler: network);

    [Theory(Timeout = 60_000)]
    [InlineData(ArrowIpc.FileContentType)]
    [InlineData(ArrowIpc.StreamContentType)]
    public async Task The_first_rows_arrive_while_the_server_still_holds_the_rest(string contentType)
    {
        var server = new HeldBackServer(contentType, Ending.Complete);
        using var db = Connect(server);

        await using var rows = db.Notes().Query().AsAsyncEnumerable(Ct).GetAsyncEnumerator(Ct);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await rows.MoveNextAsync());
            Assert.Equal($"n{i:D6}", rows.Current.Entity.Id);
        }

        Assert.False(server.RestSent);
        server.Release();
        var rest = new List<string>();
        while (await rows.MoveNextAsync())
        {
            rest.Add(rows.Current.Entity.Id);
        }

        Assert.Equal(Enumerable.Range(3, 5).Select(i => $"n{i:D6}"), rest);
        Assert.True(server.RestSent);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_body_that_breaks_mid_stream_is_a_ServerErrorException_after_the_rows_already_returned()
    {
        var server = new HeldBackServer(ArrowIpc.FileContentType, Ending.Reset);
        using var db = Connect(server);
        var seen = new List<string>();

        var error = await Assert.ThrowsAsync<ServerErrorException>(async () =>
        {
            await foreach (var hit in db.Notes().Query().AsAsyncEnumerable(Ct))
            {
                seen.Add(hit.Entity.Id);
                if (seen.Count == 3)
                {
                    server.Release();
                }
            }
        });

        Assert.Equal(3, seen.Count);
        Assert.Contains("broke off after 3 row(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("connection reset by peer", error.Message, StringComparison.Ordinal);
        Assert.IsType<IOException>(error.InnerException);
        Assert.Equal(1, server.Attempts);
    }

    [Fact(Timeout = 60_000)]
    public async Task Each_read_of_the_body_waits_at_most_the_read_timeout_then_the_query_fails_typed()
    {
        var server = new HeldBackServer(ArrowIpc.FileContentType, Ending.Complete);
        var time = new FakeTimeProvider();
        using var db = new LanceDbConnection(
            new LanceDbOptions { Uri = "db://dev", ApiKey = "sk-key", HostOverride = new Uri("http://127.0.0.1:1"), ReadTimeout = TimeSpan.FromSeconds(30) },
            EmulatorFixture.NewRegistry(), null, server, time);

        await using var rows = db.Notes().Query().AsAsyncEnumerable(Ct).GetAsyncEnumerator(Ct);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await rows.MoveNextAsync());
        }

        time.Advance(TimeSpan.FromSeconds(60)); // the first rows took long: the read timeout is per read, not per call
        var next = rows.MoveNextAsync().AsTask();
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<ServerErrorException>(() => next);
        Assert.Contains("broke off after 3 row(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("read timeout", error.Message, StringComparison.Ordinal);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Equal(1, server.Attempts);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(ArrowIpc.FileContentType)]
    [InlineData(ArrowIpc.StreamContentType)]
    public async Task A_body_that_ends_before_its_end_marker_is_an_error_not_a_shorter_answer(string contentType)
    {
        var server = new HeldBackServer(contentType, Ending.Truncated);
        server.Release();
        using var db = Connect(server);

        var error = await Assert.ThrowsAsync<ServerErrorException>(() => db.Notes().Query().ToListAsync(Ct));

        Assert.Contains("broke off after 3 row(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("incomplete", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Leaving_the_loop_early_closes_the_response()
    {
        var server = new HeldBackServer(ArrowIpc.FileContentType, Ending.Complete);
        using var db = Connect(server);

        await foreach (var hit in db.Notes().Query().AsAsyncEnumerable(Ct))
        {
            Assert.Equal("n000000", hit.Entity.Id);
            break;
        }

        Assert.True(server.BodyDisposed);
        Assert.False(server.RestSent);
    }

    [Fact]
    public async Task A_file_whose_schema_is_only_in_its_footer_is_read_through_the_footer()
    {
        // Written by Apache Arrow JS 18 (tableToIPC(table, 'file')): no schema message after the magic.
        const string JsFile = "QVJST1cxAAD/////yAAAABQAAAAAAAAADAAWABQADwAQAAQADAAAACgAAAAAAAAAAAAAAxAAAAAEAAoAGAAMAAgABAAKAAAAFAAAAGgAAAADAAAAAAAAAAAAAAAFAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAEAAAAAAAAAAQAAAAAAAAAAgAAAAAAAAAGAAAAAAAAAAAAAAAAAAAABgAAAAAAAAAEAAAAAAAAAAAAAAAAgAAAAMAAAAAAAAAAAAAAAAAAAADAAAAAAAAAAAAAAAAAAAAAAAAAAEAAAACAAAAAwAAAGFiYwAAAAAAAAAAAAEAAAACAAAAAAAAAP////8AAAAAEAAAAAwAFAAOABAABAAIAAwAAAAQAAAAFAAAAAAABAAwAAAAAAAAAAAAAAABAAAACAAAAAAAAADQAAAAAAAAACgAAAAAAAAACAAIAAAABAAIAAAABAAAAAIAAABQAAAABAAAAMj///8UAAAAAAAAARQAAAAAAAACGAAAAAEAAABuAAAAAAAAAAgADAAIAAcACAAAAAAAAAEgAAAAEAAYAAQACwATABQAAAAMABAAAAAUAAAAAAAAARQAAAAAAAAFFAAAAAIAAABpZAAAAAAAAAQABAAEAAAA2AAAAEFSUk9XMQ==";
        var content = new ByteArrayContent(Convert.FromBase64String(JsFile));
        content.Headers.ContentType = new MediaTypeHeaderValue(ArrowIpc.FileContentType);

        var ids = new List<string>();
        await foreach (var batch in ArrowResponseReader.ReadBatchesAsync(content, Ct))
        {
            using (batch)
            {
                var column = (StringArray)batch.Column("id");
                ids.AddRange(Enumerable.Range(0, batch.Length).Select(i => column.GetString(i)));
            }
        }

        Assert.Equal(["a", "b", "c"], ids);
    }

    private enum Ending
    {
        /// <summary>The rest of the rows and the end marker (and footer).</summary>
        Complete,

        /// <summary>The connection breaks.</summary>
        Reset,

        /// <summary>The body ends cleanly, without its end marker.</summary>
        Truncated,
    }

    /// <summary>
    /// A network that answers every query with an Arrow body (3 rows), then holds the rest (5 rows) until
    /// <see cref="Release"/>, and ends it as <see cref="Ending"/> says.
    /// </summary>
    private sealed class HeldBackServer(string contentType, Ending ending) : HttpMessageHandler
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _attempts;

        public bool RestSent { get; private set; }

        public bool BodyDisposed { get; private set; }

        public int Attempts => _attempts;

        public void Release() => _release.TrySetResult();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            var pipe = new Pipe();
            _ = Task.Run(() => ProduceAsync(pipe.Writer), CancellationToken.None);
            var content = new StreamContent(new DisposeTrackingStream(pipe.Reader.AsStream(), () => BodyDisposed = true));
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }

        private async Task ProduceAsync(PipeWriter output)
        {
            try
            {
                // ArrowFileWriter wants a seekable stream only to know its position: a counting stream will do.
                await using var stream = new PositionStream(output.AsStream(leaveOpen: true));
                using ArrowStreamWriter writer = contentType == ArrowIpc.FileContentType
                    ? new ArrowFileWriter(stream, Schema, leaveOpen: true)
                    : new ArrowStreamWriter(stream, Schema, leaveOpen: true);
                await writer.WriteRecordBatchAsync(Batch(0, 3));
                await stream.FlushAsync();
                await _release.Task;
                switch (ending)
                {
                    case Ending.Reset:
                        await output.CompleteAsync(new IOException("connection reset by peer"));
                        return;
                    case Ending.Truncated:
                        await output.CompleteAsync();
                        return;
                }

                RestSent = true;
                await writer.WriteRecordBatchAsync(Batch(3, 5));
                await writer.WriteEndAsync();
                await output.CompleteAsync();
            }
            catch (Exception ex)
            {
                await output.CompleteAsync(ex); // the reader went away (the client closed the response)
            }
        }
    }

    /// <summary>A write-only stream that knows how many bytes went through it (what ArrowFileWriter asks of a "seekable" stream).</summary>
    private sealed class PositionStream(Stream inner) : Stream
    {
        private long _position;

        public override bool CanRead => false;

        public override bool CanSeek => true;

        public override bool CanWrite => true;

        public override long Length => _position;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            _position += buffer.Length;
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(buffer, cancellationToken);
            _position += buffer.Length;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) =>
            origin == SeekOrigin.Current && offset == 0 ? _position : throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class DisposeTrackingStream(Stream inner, Action disposed) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                disposed();
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
