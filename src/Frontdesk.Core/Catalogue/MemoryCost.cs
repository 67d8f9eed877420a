namespace Frontdesk.Core.Catalogue;

/// <summary>
/// What managed objects cost on a 64-bit runtime, for the catalogue cache's memory budget: an array is a 24-byte
/// header plus its elements, a string a 22-byte header plus two bytes a character, each rounded up to 8 bytes.
/// The memory report checks these estimates against measured retained sizes.
/// </summary>
internal static class MemoryCost
{
    public const int ObjectHeader = 16;
    public const int Reference = 8;

    public static long Of<T>(T[]? array)
        where T : unmanaged =>
        array is null ? 0 : Align(24 + ((long)array.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>()));

    public static long OfReferences<T>(T[]? array)
        where T : class =>
        array is null ? 0 : Align(24 + ((long)array.Length * Reference));

    public static long Of(string? text) => text is null ? 0 : Align(22 + (2L * text.Length));

    public static long Align(long bytes) => (bytes + 7) & ~7L;
}
