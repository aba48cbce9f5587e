/// Feeds values into XXH3 in an unambiguous, platform-independent form: every variable-length value is prefixed by
/// its length and every kind by a tag, and dictionaries are hashed in key order, so two different values never
/// produce the same byte stream and the same value always does.
public struct StableHasher {
    private let hasher = XXH3Hasher()

    public init() {}

    public func combine(_ value: UInt64) {
        var little = value.littleEndian
        withUnsafeBytes(of: &little) { hasher.update($0) }
    }

    public func combine(_ value: Int) { combine(UInt64(bitPattern: Int64(value))) }

    public func combine(_ value: Bool) { combine(UInt64(value ? 1 : 0)) }

    public func combine(_ string: String) {
        var copy = string
        copy.withUTF8 { buffer in
            combine(UInt64(buffer.count))
            hasher.update(UnsafeRawBufferPointer(buffer))
        }
    }

    /// Hashes a template value tree (strings, numbers, booleans, lists, string-keyed maps).
    public func combine(any value: Any) {
        switch value {
        case let string as String:
            combine(UInt64(1))
            combine(string)
        case let bool as Bool:
            combine(UInt64(2))
            combine(bool)
        case let int as Int:
            combine(UInt64(3))
            combine(int)
        case let double as Double:
            combine(UInt64(4))
            combine(double.bitPattern)
        case let list as [Any]:
            combine(UInt64(5))
            combine(list.count)
            for item in list { combine(any: item) }
        case let map as [String: Any]:
            combine(UInt64(6))
            combine(map.count)
            for key in map.keys.sorted() {
                combine(key)
                combine(any: map[key]!)
            }
        default:
            combine(UInt64(7))
            combine(String(describing: type(of: value)))
        }
    }

    public func combine(_ value: DataValue) {
        switch value {
        case .string(let s): combine(UInt64(1)); combine(s)
        case .integer(let i): combine(UInt64(3)); combine(UInt64(bitPattern: i))
        case .float(let f): combine(UInt64(4)); combine(f.bitPattern)
        case .bool(let b): combine(UInt64(2)); combine(b)
        case .datetime(let s): combine(UInt64(8)); combine(s)
        case .array(let items):
            combine(UInt64(5))
            combine(items.count)
            for item in items { combine(item) }
        case .table(let table):
            combine(UInt64(6))
            combine(table.keys.count)
            for key in table.keys.sorted() {
                combine(key)
                combine(table[key]!)
            }
        }
    }

    public func finalize() -> UInt64 { hasher.digest() }
}
