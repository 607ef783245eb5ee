using System.IO.Compression;
using System.Text;

namespace Dyad.Models;

/// <summary>
/// Dyad's model files: a magic word, a kind and a format version, then the payload, all gzip-compressed.
/// A file of another kind or version is refused with <see cref="ErrorCodes.ModelUnreadable"/>, never half-read.
/// </summary>
public static class ModelFile
{
    private const string Magic = "DYADMODEL";

    /// <summary>Writes a model of <paramref name="kind"/> at <paramref name="version"/> to <paramref name="path"/>.</summary>
    public static void Save(string path, string kind, int version, Action<BinaryWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(kind);
        writer.Write(version);
        write(writer);
    }

    /// <summary>Reads a model of <paramref name="kind"/> at <paramref name="version"/> from <paramref name="path"/>.</summary>
    /// <exception cref="ModelException">The file is missing, of another kind or version, or damaged.</exception>
    public static T Load<T>(string path, string kind, int version, Func<BinaryReader, T> read) =>
        Load(path, kind, version, version, (reader, _) => read(reader));

    /// <summary>Reads a model of <paramref name="kind"/> written at any version from <paramref name="oldest"/> to <paramref name="newest"/>; <paramref name="read"/> gets the version found.</summary>
    /// <exception cref="ModelException">The file is missing, of another kind or version, or damaged.</exception>
    public static T Load<T>(string path, string kind, int oldest, int newest, Func<BinaryReader, int, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!File.Exists(path))
        {
            throw new ModelException($"{ErrorCodes.ModelUnreadable}: model file '{path}' does not exist; run './dyad train' or restore it from the repository.");
        }

        try
        {
            using var file = new BufferedStream(File.OpenRead(path), 1 << 16);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new BinaryReader(new BufferedStream(gzip, 1 << 16), Encoding.UTF8);
            var magic = reader.ReadString();
            var foundKind = reader.ReadString();
            var foundVersion = reader.ReadInt32();
            if (magic != Magic || foundKind != kind || foundVersion < oldest || foundVersion > newest)
            {
                throw new ModelException($"{ErrorCodes.ModelUnreadable}: '{path}' is a '{foundKind}' model of version {foundVersion}; expected '{kind}' version {newest}. Retrain it with './dyad train'.");
            }

            return read(reader, foundVersion);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException or FormatException or ArgumentException)
        {
            throw new ModelException($"{ErrorCodes.ModelUnreadable}: model file '{path}' is damaged ({e.Message}); retrain it with './dyad train' or restore it from the repository.", e);
        }
    }
}

/// <summary>A model file could not be used (code <see cref="ErrorCodes.ModelUnreadable"/>).</summary>
public sealed class ModelException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelException() { }

    /// <summary>Creates the exception with a message.</summary>
    public ModelException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public ModelException(string message, Exception innerException) : base(message, innerException) { }
}
