namespace LanceOrm.Embeddings.Quantization;

/// <summary>How many int8 scales a quantized weight matrix gets.</summary>
internal enum WeightGranularity
{
    /// <summary>One scale for the whole matrix.</summary>
    PerTensor,

    /// <summary>One scale per output column (per output feature).</summary>
    PerColumn,
}
