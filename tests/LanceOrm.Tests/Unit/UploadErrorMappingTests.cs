using System.Net;
using LanceOrm.Protocol;
using LanceOrm.Transport;

namespace LanceOrm.Tests.Unit;

/// <summary>A 404 on a multipart route names the missing upload, not a missing table, unless the table is what is missing.</summary>
public sealed class UploadErrorMappingTests
{
    private static ErrorContext Complete => new(new CallInfo("multipart_complete", "logs"), Upload: true);

    [Fact]
    public void A_404_about_the_upload_says_the_upload_is_gone()
    {
        var error = ErrorMapper.Map(HttpStatusCode.NotFound, "multipart upload 'u1' does not exist on table 'logs'", "rid", Complete, null);

        Assert.IsNotType<TableNotFoundException>(error);
        Assert.Equal(HttpStatusCode.NotFound, error.Status);
        Assert.StartsWith("Multipart complete on table 'logs' failed: the server has no such multipart upload", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_404_about_the_table_on_a_multipart_route_is_still_TableNotFound()
    {
        var error = ErrorMapper.Map(HttpStatusCode.NotFound, "Table 'logs' was not found", "rid", Complete, null);

        Assert.IsType<TableNotFoundException>(error);
    }
}
