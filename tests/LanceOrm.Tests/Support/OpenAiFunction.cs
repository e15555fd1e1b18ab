using System.ClientModel;
using System.ClientModel.Primitives;
using LanceOrm.Embeddings;
using LanceOrm.Embeddings.TestSupport;
using Microsoft.Extensions.AI;
using OpenAI;

namespace LanceOrm.Tests.Support;

/// <summary>
/// The <c>openai</c> embedding function of the tests: Microsoft.Extensions.AI's generator over the official OpenAI
/// client, pointed at an <see cref="OpenAiEmbeddingServer"/> that serves the real all-MiniLM-L6-v2 (384 dimensions).
/// </summary>
public static class OpenAiFunction
{
    public const string Name = "openai";
    public const int Dimensions = 384;
    public const string Model = "text-embedding-3-small";
    public const string ApiKey = "sk-remote-SECRET-fedcba9876543210";

    private static readonly Lazy<MiniLmEmbeddingGenerator> LazyMiniLm = new(() => new MiniLmEmbeddingGenerator(new MiniLmOptions
    {
        ModelDirectory = SharedModelFiles.RealModelDirectory ?? throw new InvalidOperationException(SharedModelFiles.RealModelMissingReason),
        AllowDownload = false,
    }));

    /// <summary>The real all-MiniLM-L6-v2, computed locally (what the endpoint serves, and what its answers are compared with).</summary>
    public static MiniLmEmbeddingGenerator MiniLm => LazyMiniLm.Value;

    /// <summary>A fresh endpoint serving <see cref="MiniLm"/> under <see cref="ApiKey"/>.</summary>
    public static OpenAiEmbeddingServer NewServer() => new(MiniLm, ApiKey);

    /// <summary>The OpenAI client's embedding generator for <paramref name="server"/> (no client-side retries, so a failure is one request).</summary>
    public static IEmbeddingGenerator<string, Embedding<float>> Client(OpenAiEmbeddingServer server, string apiKey = ApiKey) =>
        new OpenAIClient(new ApiKeyCredential(apiKey), new OpenAIClientOptions { Endpoint = server.Endpoint, RetryPolicy = new ClientRetryPolicy(maxRetries: 0) })
            .GetEmbeddingClient(Model)
            .AsIEmbeddingGenerator();

    /// <summary>A registry with only <c>openai</c>, over <paramref name="server"/>.</summary>
    public static EmbeddingRegistry Registry(OpenAiEmbeddingServer server, string apiKey = ApiKey, int maxBatchSize = EmbeddingFunction.DefaultMaxBatchSize) =>
        new EmbeddingRegistry(new EmbeddingRegistryOptions { RegisterBuiltIns = false })
            .Register(Name, Client(server, apiKey), Dimensions, maxBatchSize: maxBatchSize);

    /// <summary>The local MiniLM vector of <paramref name="text"/>.</summary>
    public static async Task<float[]> LocalVectorAsync(string text) =>
        (await MiniLm.GenerateAsync([text], cancellationToken: TestContext.Current.CancellationToken))[0].Vector.ToArray();
}
