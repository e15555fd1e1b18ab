namespace LanceOrm.Tests.Support;

/// <summary>
/// Runs <see cref="Write"/> once, just before the first conditional <c>merge_insert</c> (the write-back of computed
/// vectors by a migration or a re-embed) is sent: another writer acting between the read and the write-back.
/// </summary>
public sealed class WriteBeforeFirstVectorUpdate : DelegatingHandler
{
    public WriteBeforeFirstVectorUpdate() => InnerHandler = new SocketsHttpHandler();

    public Func<Task>? Write { get; set; }

    public bool Wrote { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!Wrote && Write is not null && request.RequestUri!.Query.Contains("when_matched_update_all_filt", StringComparison.Ordinal))
        {
            Wrote = true;
            await Write();
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
