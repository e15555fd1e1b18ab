namespace LanceOrm;

/// <summary>
/// The request needs a newer LanceDB server than the one connected: its <c>phalanx-version</c> is below the version that
/// introduced the feature (for example structured full-text queries, from 0.3.0). Raised before anything is sent.
/// </summary>
public sealed class UnsupportedServerVersionException : LanceDbException
{
    /// <summary>Creates an exception.</summary>
    public UnsupportedServerVersionException(string message, Version serverVersion, Version requiredVersion)
        : base(message)
    {
        ServerVersion = serverVersion;
        RequiredVersion = requiredVersion;
    }

    /// <summary>The version the server announces (0.1.0 when it announces none).</summary>
    public Version ServerVersion { get; }

    /// <summary>The first server version that serves the request.</summary>
    public Version RequiredVersion { get; }
}
