namespace LanceOrm.VectorData; internal static class Placeholder {}
