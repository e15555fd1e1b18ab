using LanceOrm.Embeddings.Images;
using LanceOrm.Embeddings.TestSupport;
using Microsoft.ML.OnnxRuntime;

namespace LanceOrm.Embeddings.Tests.Images;

/// <summary>LanceOrm's managed preprocessing is the package's own ResNetPreprocess.onnx, value for value.</summary>
public sealed class PreprocessingSpecification
{
    private const int Side = ImageEncoderEngine.Side;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Managed_BGR_minus_mean_equals_ResNetPreprocess_onnx_on_random_pixels()
    {
        var preprocessing = Path.Combine(SharedModelFiles.ResNet18Directory, ImageModelManifest.ResNet18.Preprocessing.Path);
        var random = new Random(15);
        var rgba = new byte[Side * Side * 4];
        random.NextBytes(rgba);
        var planarRgb = new float[3 * Side * Side];
        for (var i = 0; i < Side * Side; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                planarRgb[c * Side * Side + i] = rgba[4 * i + c];
            }
        }

        var mean = await ImageEncoderEngine.ReadMeanImageAsync(preprocessing, Ct);
        var managed = new float[3 * Side * Side];
        BgrMeanWriter.Write(rgba, mean, managed);

        using var session = new InferenceSession(preprocessing);
        using var input = OrtValue.CreateTensorValueFromMemory(planarRgb, [1, 3, Side, Side]);
        using var outputs = session.Run(new RunOptions(), ["OriginalInput"], [input], [session.OutputNames[0]]);
        var reference = outputs[0].GetTensorDataAsSpan<float>().ToArray();

        VectorAssert.Close(reference, managed, 1e-4f);
    }

    [Fact]
    public async Task The_mean_image_varies_per_pixel_so_a_per_channel_mean_would_not_do()
    {
        var mean = await ImageEncoderEngine.ReadMeanImageAsync(Path.Combine(SharedModelFiles.ResNet18Directory, ImageModelManifest.ResNet18.Preprocessing.Path), Ct);

        Assert.Equal(114.4211f, mean[0], 3);
        Assert.NotEqual(mean[0], mean[Side * Side / 2]);
    }
}
