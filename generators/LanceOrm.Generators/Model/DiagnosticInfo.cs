namespace LanceOrm.Generators.Model;

/// <summary>A diagnostic found while parsing an entity, as plain data (descriptor id, location, message arguments).</summary>
/// <param name="Id">The diagnostic id (see <c>DiagnosticIds</c>).</param>
/// <param name="Location">Where to report it.</param>
/// <param name="Arguments">The message format arguments.</param>
internal sealed record DiagnosticInfo(string Id, LocationSnapshot? Location, EquatableArray<string> Arguments);
