using System.Net;
using LanceOrm.Protocol;
using LanceOrm.Transport;

namespace LanceOrm.Tests.Unit;

/// <summary>Errors of tag and version calls: the engine's words decide between a missing tag or version and a missing table.</summary>
public sealed class VersionErrorMappingTests
{
    /// <summary>Bodies the emulator's engine (@lancedb/lancedb 0.37.1) answered, captured verbatim.</summary>
    private const string MissingTag = "lance error: Ref not found error: tag nope does not exist  Caused by: Ref not found error: tag nope does not exist";

    private const string DuplicateTag = "lance error: Ref conflict error: tag v1 already exists  Caused by: Ref conflict error: tag v1 already exists";

    private const string MissingVersion = "lance error: Version not found error: version main:99 does not exist  Caused by: Version not found error: version main:99 does not exist";

    private const string MissingTable = "Table 't' was not found";

    private static ErrorContext Tag(string tag, long? version = null) => new(new CallInfo("update_tag", "t"), Tag: tag, Version: version);

    private static ErrorContext Describe(long version) => new(new CallInfo("describe_table", "t"), Version: version);

    [Fact]
    public void A_404_naming_the_tag_is_a_TagNotFoundException_and_one_naming_the_table_a_TableNotFoundException()
    {
        var tag = Assert.IsType<TagNotFoundException>(ErrorMapper.Map(HttpStatusCode.NotFound, MissingTag, "rid", Tag("nope"), null));
        Assert.Equal(("t", "nope", "rid"), (tag.TableName, tag.Tag, tag.RequestId));
        Assert.Equal("Update tag on table 't' failed: the table has no tag 'nope'. Tags.ListAsync lists its tags.", tag.Message);

        Assert.IsType<TableNotFoundException>(ErrorMapper.Map(HttpStatusCode.NotFound, MissingTable, null, Tag("nope"), null));
    }

    [Fact]
    public void A_duplicate_tag_is_a_TagAlreadyExistsException_whether_the_server_says_400_or_409()
    {
        Assert.IsType<TagAlreadyExistsException>(ErrorMapper.Map(HttpStatusCode.BadRequest, DuplicateTag, null, Tag("v1", 2), null));
        Assert.IsType<TagAlreadyExistsException>(ErrorMapper.Map(HttpStatusCode.Conflict, DuplicateTag, null, Tag("v1", 2), null));
    }

    [Fact]
    public void A_version_is_missing_only_when_the_server_names_that_very_version()
    {
        var missing = Assert.IsType<VersionNotFoundException>(ErrorMapper.Map(HttpStatusCode.BadRequest, MissingVersion, null, Tag("x", 99), null));
        Assert.Equal(99, missing.Version);
        Assert.IsType<VersionNotFoundException>(ErrorMapper.Map(HttpStatusCode.BadRequest, "cannot read version 7 of table 't': not found", null, Describe(7), null));

        Assert.IsType<InvalidRequestException>(ErrorMapper.Map(HttpStatusCode.BadRequest, MissingVersion, null, Tag("x", 9), null));
        Assert.IsType<InvalidRequestException>(ErrorMapper.Map(HttpStatusCode.BadRequest, "cannot read version 77 of table 't'", null, Describe(7), null));
        Assert.IsType<TableNotFoundException>(ErrorMapper.Map(HttpStatusCode.NotFound, MissingTable, null, Describe(7), null));
    }
}
