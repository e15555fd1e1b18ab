using System.Net.Http.Headers;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using LanceOrm.Protocol;
using LanceOrm.Transport;

namespace LanceOrm.Tests.Unit;

public sealed class ArrowIpcTests
{
    private static readonly Schema Schema = new Schema.Builder().Field(new Field("id", StringType.Default, false)).Field(new Field("n", Int32Type.Default, false)).Build();

    private static RecordBatch Batch(int rows) => new(Schema,
        [new StringArray.Builder().AppendRange(Enumerable.Range(0, rows).Select(i => $"row-{i}")).Build(), new Int32Array.Builder().AppendRange(Enumerable.Range(0, rows)).Build()], rows);

    [Fact]
    public async Task Uploads_are_IPC_streams_with_LZ4_frame_compressed_buffers()
    {
        using var content = await ArrowIpc.ToStreamContentAsync(Schema, [Batch(100)], TestContext.Current.CancellationToken);
        var bytes = await content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal("application/vnd.apache.arrow.stream", content.Headers.ContentType!.MediaType);
        Assert.True(bytes.AsSpan().IndexOf(new byte[] { 0x04, 0x22, 0x4D, 0x18 }) > 0, "an LZ4 frame magic number is in the body");
        using var reader = new ArrowStreamReader(new MemoryStream(bytes), new Apache.Arrow.Compression.CompressionCodecFactory());
        var batch = await reader.ReadNextRecordBatchAsync(TestContext.Current.CancellationToken);
        Assert.Equal(100, batch!.Length);
        Assert.Equal("row-42", ((StringArray)batch.Column(0)).GetString(42));
    }

    [Fact]
    public async Task An_empty_create_is_a_schema_only_stream()
    {
        using var content = await ArrowIpc.ToStreamContentAsync(Schema, [], TestContext.Current.CancellationToken);
        using var reader = new ArrowStreamReader(await content.ReadAsStreamAsync(TestContext.Current.CancellationToken));

        Assert.Null(await reader.ReadNextRecordBatchAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["id", "n"], reader.Schema.FieldsList.Select(f => f.Name));
    }

    [Theory]
    [InlineData("application/vnd.apache.arrow.file")]
    [InlineData("application/vnd.apache.arrow.stream")]
    [InlineData(null)]
    public async Task Responses_are_read_as_file_or_stream_by_content_type(string? mediaType)
    {
        var buffer = new MemoryStream();
        if (mediaType?.EndsWith("stream", StringComparison.Ordinal) == true)
        {
            using var writer = new ArrowStreamWriter(buffer, Schema, leaveOpen: true);
            await writer.WriteRecordBatchAsync(Batch(3), TestContext.Current.CancellationToken);
            await writer.WriteEndAsync(TestContext.Current.CancellationToken);
        }
        else
        {
            using var writer = new ArrowFileWriter(buffer, Schema, leaveOpen: true);
            await writer.WriteRecordBatchAsync(Batch(3), TestContext.Current.CancellationToken);
            await writer.WriteEndAsync(TestContext.Current.CancellationToken);
        }

        var content = new ByteArrayContent(buffer.ToArray());
        if (mediaType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        var rows = 0;
        await foreach (var batch in ArrowResponseReader.ReadBatchesAsync(content, TestContext.Current.CancellationToken))
        {
            rows += batch.Length;
        }

        Assert.Equal(3, rows);
    }

    [Fact]
    public async Task Any_other_content_type_is_an_error()
    {
        var content = new StringContent("{}");
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var error = await Assert.ThrowsAsync<LanceDbException>(async () =>
        {
            await foreach (var _ in ArrowResponseReader.ReadBatchesAsync(content, TestContext.Current.CancellationToken))
            {
            }
        });
        Assert.Contains("application/json", error.Message);
    }
}
