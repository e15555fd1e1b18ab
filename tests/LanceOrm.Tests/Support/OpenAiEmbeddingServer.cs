using System.Collections.Concurrent;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LanceOrm.Embeddings.TestSupport;
using Microsoft.Extensions.AI;

namespace LanceOrm.Tests.Support;

/// <summary>
/// An OpenAI-compatible embeddings endpoint on 127.0.0.1 (<see cref="LoopbackHttpServer"/>): <c>POST /v1/embeddings</c> with the OpenAI wire
/// format (<c>input</c> a string or an array of strings, <c>model</c>, <c>encoding_format</c> <c>float</c> or
/// <c>base64</c>), answered with the vectors a real generator (the test's MiniLM) computes. Checks the bearer key (401 in
/// OpenAI's error shape otherwise, with the key masked as OpenAI does), records every request, and fails on demand.
/// </summary>
public sealed class OpenAiEmbeddingServer : LoopbackHttpServer
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> _model;
    private readonly string _apiKey;

    public OpenAiEmbeddingServer(IEmbeddingGenerator<string, Embedding<float>> model, string apiKey)
    {
        _model = model;
        _apiKey = apiKey;
        Start();
    }

    /// <summary>The endpoint a client is configured with (OpenAI's <c>https://api.openai.com/v1</c> counterpart).</summary>
    public Uri Endpoint => new(BaseUrl, "v1");

    /// <summary>Every embeddings request that reached the endpoint, in arrival order (refused ones included).</summary>
    public ConcurrentQueue<Request> Requests { get; } = new();

    /// <summary>When set, every request is answered with this status and an OpenAI-shaped error.</summary>
    public HttpStatusCode? FailWith { get; set; }

    /// <summary>When set, vectors are cut to this many dimensions (a model of another size behind the same name).</summary>
    public int? ReturnDimensions { get; set; }

    /// <summary>The texts of every answered request, in order.</summary>
    public IReadOnlyList<string> TextsSent => Requests.Where(r => r.Status == HttpStatusCode.OK).SelectMany(r => r.Inputs).ToArray();

    protected override async Task AnswerAsync(HttpListenerContext context)
    {
        var response = context.Response;
        if (context.Request.HttpMethod != "POST" || context.Request.Url!.AbsolutePath != "/v1/embeddings")
        {
            await RespondAsync(response, HttpStatusCode.NotFound, Error("Unknown request URL.", "invalid_request_error", "unknown_url"));
            return;
        }

        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
        var inputs = body["input"] switch
        {
            JsonArray array => array.Select(i => i!.GetValue<string>()).ToArray(),
            JsonValue single => [single.GetValue<string>()],
            _ => [],
        };
        var model = body["model"]?.GetValue<string>() ?? "";
        var format = body["encoding_format"]?.GetValue<string>();
        var authorization = context.Request.Headers["Authorization"];

        HttpStatusCode status;
        JsonObject answer;
        if (authorization != "Bearer " + _apiKey)
        {
            status = HttpStatusCode.Unauthorized;
            var given = authorization?.StartsWith("Bearer ", StringComparison.Ordinal) == true ? authorization["Bearer ".Length..] : "";
            answer = Error($"Incorrect API key provided: {Masked(given)}. You can find your API key at https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key");
        }
        else if (FailWith is { } failure)
        {
            status = failure;
            answer = Error("The server had an error while processing your request.", "server_error", null);
        }
        else
        {
            status = HttpStatusCode.OK;
            answer = await EmbeddingsAsync(inputs, model, format == "base64");
        }

        Requests.Enqueue(new Request(inputs, model, format, authorization is not null, status));
        await RespondAsync(response, status, answer);
    }

    private async Task<JsonObject> EmbeddingsAsync(string[] inputs, string model, bool base64)
    {
        var embeddings = await _model.GenerateAsync(inputs);
        var data = new JsonArray();
        for (var i = 0; i < embeddings.Count; i++)
        {
            var vector = embeddings[i].Vector.ToArray();
            if (ReturnDimensions is { } dims)
            {
                vector = vector[..dims];
            }

            JsonNode embedding = base64
                ? JsonValue.Create(Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan())))
                : new JsonArray(vector.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }

        var tokens = inputs.Sum(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        };
    }

    /// <summary>OpenAI's way of naming a wrong key in its 401 answer: the first 3 and last 4 characters.</summary>
    private static string Masked(string key) => key.Length <= 8 ? "***" : key[..3] + "***" + key[^4..];

    private static JsonObject Error(string message, string type, string? code) =>
        new() { ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = code } };

    private static async Task RespondAsync(HttpListenerResponse response, HttpStatusCode status, JsonObject body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString(JsonSerializerOptions.Default));
        response.StatusCode = (int)status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    /// <summary>One embeddings request: its texts, model, requested encoding, whether it carried a key, and the answer's status.</summary>
    public sealed record Request(IReadOnlyList<string> Inputs, string Model, string? EncodingFormat, bool CarriedKey, HttpStatusCode Status);
}
