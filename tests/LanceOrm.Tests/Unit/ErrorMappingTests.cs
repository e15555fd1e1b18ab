using System.Net;
using LanceOrm.Protocol;
using LanceOrm.Transport;

namespace LanceOrm.Tests.Unit;

public sealed class ErrorMappingTests
{
    private static readonly IReadOnlySet<int> Statuses = new LanceRetryOptions().Statuses;

    [Fact]
    public void Statuses_map_to_the_typed_hierarchy_with_status_message_and_request_id()
    {
        var notFound = ErrorMapper.Map(HttpStatusCode.NotFound, "table t not found", "rid-1", new ErrorContext(new CallInfo("query", "t")), null);
        var found = Assert.IsType<TableNotFoundException>(notFound);
        Assert.Equal("t", found.TableName);
        Assert.Equal(HttpStatusCode.NotFound, found.Status);
        Assert.Equal("rid-1", found.RequestId);
        Assert.Equal("table t not found", found.ServerMessage);

        Assert.IsType<TableAlreadyExistsException>(ErrorMapper.Map(HttpStatusCode.BadRequest, "Table t already exists", null, new ErrorContext(new CallInfo("create_table", "t"), IsCreate: true), null));
        Assert.IsType<InvalidFilterException>(ErrorMapper.Map(HttpStatusCode.BadRequest, "parse error", null, new ErrorContext(new CallInfo("query", "t"), Filter: "x = "), null));
        Assert.IsType<InvalidRequestException>(ErrorMapper.Map(HttpStatusCode.BadRequest, "bad", null, new ErrorContext(new CallInfo("query", "t")), null));
        Assert.IsType<UnauthorizedException>(ErrorMapper.Map(HttpStatusCode.Unauthorized, "no", null, new ErrorContext(new CallInfo("query", "t")), null));
        Assert.IsType<ThrottledException>(ErrorMapper.Map(HttpStatusCode.TooManyRequests, "slow down", null, new ErrorContext(new CallInfo("query", "t")), null));
        Assert.IsType<ServerErrorException>(ErrorMapper.Map(HttpStatusCode.InternalServerError, "boom", null, new ErrorContext(new CallInfo("query", "t")), null));
    }

    [Fact]
    public void An_exhausted_retryable_status_becomes_the_retry_limit_form_wrapping_the_typed_error()
    {
        var error = ErrorMapper.Map(HttpStatusCode.TooManyRequests, "slow down", "rid", new ErrorContext(new CallInfo("query", "t")), null, attempts: 3, retryableStatus: true);

        var limit = Assert.IsType<RetryLimitExceededException>(error);
        Assert.Equal(3, limit.Attempts);
        Assert.IsType<ThrottledException>(limit.InnerException);
        Assert.IsAssignableFrom<ServerErrorException>(limit);
    }

    [Fact]
    public void A_server_message_echoing_the_api_key_is_redacted()
    {
        const string key = "sk-abc-SECRET";
        var error = ErrorMapper.Map(HttpStatusCode.Unauthorized, $"invalid key {key}", "rid", new ErrorContext(new CallInfo("query", "t")), key);

        Assert.DoesNotContain(key, error.Message);
        Assert.DoesNotContain(key, error.ServerMessage);
        Assert.DoesNotContain(key, error.ToString());
    }
}
