internal import CXXHash
import Foundation

/// The only file that talks to libxxhash. XXH3-64 identifies every input and output: fast enough that hashing a
/// changed file costs less than reading it, and with 64 bits a collision among a site's few hundred thousand
/// contents is far less likely than a disk error.
public enum XXH3 {
    /// The 64-bit XXH3 hash of `bytes`.
    public static func hash<Bytes: ContiguousBytes>(_ bytes: Bytes) -> UInt64 {
        bytes.withUnsafeBytes { XXH3_64bits($0.baseAddress, $0.count) }
    }

    public static func hash(_ string: String) -> UInt64 {
        var copy = string
        return copy.withUTF8 { XXH3_64bits($0.baseAddress, $0.count) }
    }
}

/// A streaming XXH3-64 state, for hashing structured values (a page's summary record, a list of paths) without
/// first concatenating them.
public final class XXH3Hasher {
    private let state: OpaquePointer

    public init() {
        guard let state = XXH3_createState() else { fatalError("XXH3_createState: out of memory") }
        self.state = state
        XXH3_64bits_reset(state)
    }

    deinit { XXH3_freeState(state) }

    public func update<Bytes: ContiguousBytes>(_ bytes: Bytes) {
        bytes.withUnsafeBytes { _ = XXH3_64bits_update(state, $0.baseAddress, $0.count) }
    }

    public func update(_ pointer: UnsafeRawBufferPointer) {
        _ = XXH3_64bits_update(state, pointer.baseAddress, pointer.count)
    }

    public func digest() -> UInt64 { XXH3_64bits_digest(state) }
}
