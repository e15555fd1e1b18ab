namespace Quickstart;

/// <summary>
/// An <see cref="IProgress{T}"/> that reports on the calling thread (unlike <see cref="Progress{T}"/>, which posts to the
/// thread pool, so its last report can arrive after the write has returned).
/// </summary>
public sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
