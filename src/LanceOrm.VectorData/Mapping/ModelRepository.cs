using LanceOrm.Mapping;

namespace LanceOrm.VectorData.Mapping;

/// <summary>The repository of an MEVD collection: LanceOrm's repository over a model-built mapping.</summary>
internal sealed class ModelRepository<TRecord, TKey>(LanceDbConnection connection, ILanceEntityMap<TRecord> map) : LanceRepository<TRecord, TKey>(connection, map)
    where TKey : notnull;
