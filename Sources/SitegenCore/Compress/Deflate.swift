internal import CDeflate

/// The only file that talks to libdeflate, which writes the `.gz` siblings. Chosen over zlib because at its level 12
/// it makes gzip files a few percent smaller than zlib's level 9 (see `bench/COMPRESSION.md`), and every browser
/// decodes them the same; it also writes a fixed header (no timestamp), so output is deterministic.
enum Deflate {
    /// `bytes` as a gzip member at `level` (1...12); nil when the compressor cannot be created.
    static func gzip(_ bytes: [UInt8], level: Int) -> [UInt8]? {
        guard let compressor = libdeflate_alloc_compressor(Int32(level)) else { return nil }
        defer { libdeflate_free_compressor(compressor) }
        let bound = libdeflate_gzip_compress_bound(compressor, bytes.count)
        var output = [UInt8](repeating: 0, count: bound)
        let size = bytes.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out in
                libdeflate_gzip_compress(compressor, input.baseAddress, input.count, out.baseAddress, out.count)
            }
        }
        guard size > 0 else { return nil }
        output.removeSubrange(size...)
        return output
    }

    /// Decompresses a single gzip member whose original size is known; nil when it does not decode to that size.
    static func gunzip(_ bytes: [UInt8], originalSize: Int) -> [UInt8]? {
        guard let decompressor = libdeflate_alloc_decompressor() else { return nil }
        defer { libdeflate_free_decompressor(decompressor) }
        var output = [UInt8](repeating: 0, count: originalSize)
        var actual = 0
        let result = bytes.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out in
                libdeflate_gzip_decompress(decompressor, input.baseAddress, input.count, out.baseAddress, out.count, &actual)
            }
        }
        guard result == LIBDEFLATE_SUCCESS, actual == originalSize else { return nil }
        return output
    }
}
