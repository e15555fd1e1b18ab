namespace LanceOrm.Writing;

/// <summary>The running totals of a write over its acknowledged requests (one uploader updates them).</summary>
internal sealed class WriteTotals
{
    private long _sent, _inserted, _updated, _version, _computed, _cached, _supplied, _truncated;

    /// <summary>Requests acknowledged so far.</summary>
    public int Requests { get; private set; }

    /// <summary>Counts one acknowledged request of <paramref name="rows"/> rows.</summary>
    public void Add(int rows, VectorCounts vectors, WireAck ack)
    {
        _sent += rows;
        _computed += vectors.Computed;
        _cached += vectors.FromCache;
        _supplied += vectors.Supplied;
        _truncated += vectors.Truncated;
        _inserted += ack.Inserted;
        _updated += ack.Updated;
        _version = ack.Version == 0 ? _version : ack.Version;
        Requests++;
    }

    public WriteProgress Progress => new(_sent, _computed, _cached, _supplied, _truncated, Requests);

    public WriteResult Result => new(_sent, _inserted, _updated, _computed, _cached, _supplied, _truncated, _version);
}
