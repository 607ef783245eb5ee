using System.Security.Cryptography;
using System.Text;

namespace Dyad.Server;

/// <summary>The server's write token: made once, kept in a file only its owner can read, compared in constant time.</summary>
public static class WriteToken
{
    /// <summary>The shortest token accepted.</summary>
    public const int MinimumLength = 16;

    /// <summary>A new random token: 32 bytes from the system's cryptographic generator, base64url without padding (43 characters).</summary>
    /// <returns>The token.</returns>
    public static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// The token kept in <paramref name="path"/>, or a new one written there (the folder made when missing, the file
    /// readable by its owner only) when the file does not exist.
    /// </summary>
    /// <param name="path">The token file.</param>
    /// <param name="created">True when the token was made now.</param>
    /// <returns>The token.</returns>
    /// <exception cref="InvalidDataException">The file holds a token shorter than <see cref="MinimumLength"/>.</exception>
    public static string LoadOrCreate(string path, out bool created)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (File.Exists(path))
        {
            created = false;
            var token = File.ReadAllText(path).Trim();
            return token.Length >= MinimumLength
                ? token
                : throw new InvalidDataException($"The token file {path} holds a token shorter than {MinimumLength} characters; delete it to have a new one made.");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var fresh = Generate();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            stream.Write(Encoding.UTF8.GetBytes(fresh + "\n"));
        }

        created = true;
        return fresh;
    }

    /// <summary>The default token file: <c>$XDG_CONFIG_HOME/dyad/token</c>, else <c>~/.config/dyad/token</c>.</summary>
    /// <returns>The path.</returns>
    public static string DefaultPath()
    {
        var config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrEmpty(config))
        {
            config = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        }

        return Path.Combine(config, "dyad", "token");
    }

    /// <summary>Whether <paramref name="presented"/> is <paramref name="expected"/>, in time that does not depend on where they differ.</summary>
    /// <param name="expected">The server's token.</param>
    /// <param name="presented">What the request carried, or null.</param>
    /// <returns>True when they are equal.</returns>
    public static bool Matches(string expected, string? presented)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (presented is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
    }
}
