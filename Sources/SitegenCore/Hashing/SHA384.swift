internal import CCrypto

/// The only file that talks to OpenSSL's libcrypto. Subresource integrity (`integrity="sha384-..."`) needs a
/// cryptographic digest that browsers check; XXH3 identifies content for the cache but is not one. SHA-384 is what
/// the SRI specification and every CDN's examples use.
enum SHA384 {
    /// The digest of `bytes`, as the base64 text SRI wants.
    static func base64Digest(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 48)
        var length: UInt32 = 0
        let ok = bytes.withUnsafeBytes { input in
            digest.withUnsafeMutableBytes { output in
                EVP_Digest(input.baseAddress, input.count, output.baseAddress!.assumingMemoryBound(to: UInt8.self), &length, EVP_sha384(), nil)
            }
        }
        // EVP_Digest fails only when the allocator does; there is nothing sensible to emit instead.
        precondition(ok == 1 && length == 48, "EVP_Digest(SHA-384) failed")
        return Base64.encode(digest)
    }

    /// `sha384-<base64>`, the value of an `integrity` attribute.
    static func integrity(_ bytes: [UInt8]) -> String { "sha384-" + base64Digest(bytes) }
}

/// Standard base64 with padding (RFC 4648 section 4), as SRI values are written.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 2 < bytes.count {
            let n = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            for shift in [18, 12, 6, 0] { out.append(alphabet[Int(n >> UInt32(shift) & 63)]) }
            index += 3
        }
        let rest = bytes.count - index
        if rest > 0 {
            let n = UInt32(bytes[index]) << 16 | (rest == 2 ? UInt32(bytes[index + 1]) << 8 : 0)
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(rest == 2 ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
