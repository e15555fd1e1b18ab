namespace LanceOrm;

/// <summary>Scalar index kinds (wire names <c>BTREE</c>, <c>BITMAP</c>, <c>LABEL_LIST</c>).</summary>
public enum ScalarIndexType
{
    /// <summary>B-tree (range and equality filters).</summary>
    BTree,
    /// <summary>Bitmap (few distinct values).</summary>
    Bitmap,
    /// <summary>Label list (list columns, array_has filters).</summary>
    LabelList,
}
