namespace LanceOrm;

/// <summary>A connection to a LanceDB database over the remote REST protocol. (Contract stub: issue 5 implements it.)</summary>
public sealed class LanceDbConnection
{
}
