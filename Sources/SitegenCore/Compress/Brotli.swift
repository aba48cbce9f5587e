internal import CBrotli

/// The only file that talks to libbrotli.
enum Brotli {
    /// Brotli's default window (2^22 bytes). Browsers reject "large window" streams, so never more than 24.
    static let window: Int32 = 22

    /// `bytes` compressed at `quality` (0...11), or nil when the encoder fails (it does not for valid parameters).
    static func compress(_ bytes: [UInt8], quality: Int) -> [UInt8]? {
        var size = BrotliEncoderMaxCompressedSize(bytes.count)
        if size == 0 { size = bytes.count + 1024 }
        var output = [UInt8](repeating: 0, count: size)
        let ok = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                BrotliEncoderCompress(Int32(quality), window, BROTLI_MODE_GENERIC, input.count, input.baseAddress,
                                      &size, out.baseAddress)
            }
        }
        guard ok == BROTLI_TRUE else { return nil }
        output.removeSubrange(size...)
        return output
    }

    /// Decompresses a whole stream; nil when it is not valid brotli. Used by tests and the cache's self-check.
    static func decompress(_ bytes: [UInt8], limit: Int = 1 << 30) -> [UInt8]? {
        guard let state = BrotliDecoderCreateInstance(nil, nil, nil) else { return nil }
        defer { BrotliDecoderDestroyInstance(state) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        return bytes.withUnsafeBufferPointer { input -> [UInt8]? in
            var availableIn = input.count
            var nextIn = input.baseAddress
            while true {
                var availableOut = chunk.count
                let status = chunk.withUnsafeMutableBufferPointer { out -> BrotliDecoderResult in
                    var nextOut = out.baseAddress
                    return BrotliDecoderDecompressStream(state, &availableIn, &nextIn, &availableOut, &nextOut, nil)
                }
                result.append(contentsOf: chunk[0..<(chunk.count - availableOut)])
                if result.count > limit { return nil }
                switch status {
                case BROTLI_DECODER_RESULT_SUCCESS: return availableIn == 0 ? result : nil
                case BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: continue
                default: return nil
                }
            }
        }
    }
}
