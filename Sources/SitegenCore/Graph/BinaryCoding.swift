/// Appends values to a byte buffer in the graph file's encoding: little-endian fixed-width integers, and
/// variable-length values (strings, lists) prefixed by their count.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: UInt8) { bytes.append(value) }

    mutating func write(_ value: Int64) { write(UInt64(bitPattern: value)) }

    mutating func write(_ value: Int) { write(Int64(value)) }

    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func write(_ value: Double) { write(value.bitPattern) }

    mutating func write(_ string: String) {
        var copy = string
        copy.withUTF8 { buffer in
            write(UInt32(buffer.count))
            bytes.append(contentsOf: buffer)
        }
    }

    mutating func write(_ string: String?) {
        write(string != nil)
        if let string { write(string) }
    }

    mutating func write(count: Int) { write(UInt32(count)) }

    mutating func append(_ raw: [UInt8]) { bytes.append(contentsOf: raw) }
}

/// Why a stored file could not be read back: always answered with a warning and a full build, never a crash.
struct GraphDecodingError: Error, CustomStringConvertible {
    var description: String
}

/// Reads what `ByteWriter` wrote, checking every length against the bytes that are left, so that a truncated or
/// corrupt file fails cleanly.
struct ByteReader {
    private let bytes: [UInt8]
    private(set) var offset: Int

    init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset == bytes.count }

    private mutating func take(_ count: Int) throws(GraphDecodingError) -> Int {
        guard count >= 0, count <= bytes.count - offset else { throw GraphDecodingError(description: "unexpected end of data") }
        let start = offset
        offset += count
        return start
    }

    mutating func readUInt64() throws(GraphDecodingError) -> UInt64 {
        let start = try take(8)
        var value: UInt64 = 0
        for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[start + index]) }
        return value
    }

    mutating func readUInt32() throws(GraphDecodingError) -> UInt32 {
        let start = try take(4)
        var value: UInt32 = 0
        for index in (0..<4).reversed() { value = value << 8 | UInt32(bytes[start + index]) }
        return value
    }

    mutating func readUInt8() throws(GraphDecodingError) -> UInt8 { bytes[try take(1)] }

    mutating func readInt64() throws(GraphDecodingError) -> Int64 { Int64(bitPattern: try readUInt64()) }

    mutating func readInt() throws(GraphDecodingError) -> Int { Int(try readInt64()) }

    mutating func readBool() throws(GraphDecodingError) -> Bool {
        switch try readUInt8() {
        case 0: return false
        case 1: return true
        default: throw GraphDecodingError(description: "invalid boolean")
        }
    }

    mutating func readDouble() throws(GraphDecodingError) -> Double { Double(bitPattern: try readUInt64()) }

    mutating func readString() throws(GraphDecodingError) -> String {
        let count = Int(try readUInt32())
        let start = try take(count)
        guard let string = String(validating: bytes[start..<(start + count)], as: UTF8.self) else {
            throw GraphDecodingError(description: "invalid UTF-8 in a stored string")
        }
        return string
    }

    mutating func readOptionalString() throws(GraphDecodingError) -> String? {
        try readBool() ? try readString() : nil
    }

    /// A count of items that follow, refused when it could not possibly fit in the remaining bytes.
    mutating func readCount(minimumItemSize: Int = 1) throws(GraphDecodingError) -> Int {
        let count = Int(try readUInt32())
        guard count * max(1, minimumItemSize) <= bytes.count - offset else {
            throw GraphDecodingError(description: "a count larger than the data")
        }
        return count
    }

    mutating func readBytes(_ count: Int) throws(GraphDecodingError) -> ArraySlice<UInt8> {
        let start = try take(count)
        return bytes[start..<(start + count)]
    }
}
