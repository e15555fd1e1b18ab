using LanceOrm.Mapping;

namespace LanceOrm.Tests.Support;

/// <summary>A repository over any map with a string key (tests that rename tables or edit schemas).</summary>
public sealed class MapRepository<T>(LanceDbConnection connection, ILanceEntityMap<T> map) : LanceRepository<T, string>(connection, map);
