using System.Runtime.InteropServices;
using System.Text;

namespace Dyad.Ingest;

/// <summary>What kind of file system entry a path leads to, after its links are followed.</summary>
internal enum EntryKind
{
    /// <summary>A regular file (or a kind this platform cannot tell apart from one).</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A FIFO (named pipe): reading it waits for a writer.</summary>
    Fifo,

    /// <summary>A Unix domain socket.</summary>
    Socket,

    /// <summary>A character device such as <c>/dev/zero</c>, which may never end.</summary>
    CharacterDevice,

    /// <summary>A block device.</summary>
    BlockDevice,

    /// <summary>The path does not exist, or a link leads nowhere.</summary>
    Missing,
}

/// <summary>
/// Real paths and entry kinds for reading folders: a folder walk follows links, so it needs each entry's real path (to
/// read a file or folder once however many links lead to it) and its kind (to read only regular files).
/// </summary>
/// <remarks>Thread-safe: static and stateless.</remarks>
internal static partial class InputPaths
{
    /// <summary>Links followed in one path before giving up, as Linux's <c>ELOOP</c> limit.</summary>
    private const int MaxLinkHops = 40;

    // statx(2): AT_FDCWD, and the offset and type bits of stx_mode. The struct's layout is the same on every Linux
    // architecture (unlike struct stat), which is why statx is used.
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x0001;
    private const int StatxBufferBytes = 256;
    private const int StatxModeOffset = 28;
    private const int FileTypeMask = 0xF000;

    /// <summary>How paths compare on this platform.</summary>
    public static StringComparer Comparer { get; } = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>
    /// The absolute path of <paramref name="path"/> with every link on the way resolved and <c>.</c> and <c>..</c>
    /// removed, as realpath(3) gives it; a part that does not exist is kept as it is.
    /// </summary>
    /// <exception cref="IOException">The links loop (more than 40 on the way).</exception>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var current = root;
        var pending = new Stack<string>();
        Push(pending, full[root.Length..]);
        var hops = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                // current holds no link, so its parent is its lexical parent.
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            var target = LinkTarget(next);
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                throw new IOException($"'{path}' leads through more than {MaxLinkHops} links (a link loop).");
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? current;
                target = target[current.Length..];
            }

            Push(pending, target);
        }

        return current;
    }

    /// <summary>The target of <paramref name="path"/> when it is a link, else null.</summary>
    public static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The kind of entry <paramref name="path"/> leads to, links followed. Only Linux tells FIFOs, sockets and
    /// devices apart; elsewhere every existing non-directory is <see cref="EntryKind.Regular"/>.</summary>
    public static EntryKind KindOf(string path)
    {
        if (Directory.Exists(path))
        {
            return EntryKind.Directory;
        }

        if (!File.Exists(path))
        {
            return EntryKind.Missing;
        }

        if (!OperatingSystem.IsLinux())
        {
            return EntryKind.Regular;
        }

        var buffer = new byte[StatxBufferBytes];
        int result;
        try
        {
            result = Statx(AtCurrentDirectory, NullTerminated(path), 0, StatxType, buffer);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library without statx (old glibc or musl): the entry is read as a file, as before.
            return EntryKind.Regular;
        }

        if (result != 0)
        {
            return EntryKind.Missing;
        }

        var mode = BitConverter.ToUInt16(buffer, StatxModeOffset) & FileTypeMask;
        return mode switch
        {
            0x1000 => EntryKind.Fifo,
            0x2000 => EntryKind.CharacterDevice,
            0x4000 => EntryKind.Directory,
            0x6000 => EntryKind.BlockDevice,
            0xC000 => EntryKind.Socket,
            _ => EntryKind.Regular,
        };
    }

    /// <summary>A word for a kind in messages: "a FIFO (named pipe)".</summary>
    public static string Describe(EntryKind kind) => kind switch
    {
        EntryKind.Fifo => "a FIFO (named pipe)",
        EntryKind.Socket => "a socket",
        EntryKind.CharacterDevice => "a character device",
        EntryKind.BlockDevice => "a block device",
        EntryKind.Directory => "a folder",
        EntryKind.Missing => "a link that leads nowhere",
        _ => "a file",
    };

    private static void Push(Stack<string> pending, string relative)
    {
        var parts = relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }

    private static byte[] NullTerminated(string path)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, bytes);
        return bytes;
    }

    [LibraryImport("libc", EntryPoint = "statx")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Statx(int directory, byte[] path, int flags, uint mask, [Out] byte[] buffer);
}
