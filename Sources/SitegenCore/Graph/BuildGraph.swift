/// Everything a build leaves for the next one: what each input was, what each page produced, what each output read.
///
/// Stored as `SITE/.sitegen/graph.bin` (the cache folder is configurable), written atomically at the end of a
/// successful build. Layout, all integers little-endian:
///
///     offset  size  field
///     0       8     magic "SGGRAPH\0"
///     8       4     format version (`BuildGraph.formatVersion`)
///     12      4     reserved, 0
///     16      8     XXH3-64 of the payload
///     24      8     payload length in bytes
///     32      ...   payload
///
///     payload:
///       u64 signature             build signature (`BuildSignature`): a different one means a full build
///       i64 buildStart            wall-clock nanoseconds when the build that wrote this file started
///       i64 nextPublication       seconds since 1970 when the first future-dated page goes live (Int64.max: none)
///       str outputDirectory       the output folder, site-relative when inside the site
///       u64 contentPages          published pages, and u64 templatedOutputs, for the report of a build with nothing to do
///       u64 compressionTag        the compression settings the siblings were made with (`Precompressor.settingsTag`)
///       u32 n, n × input          path:str, size:u64, mtime:i64, inode:u64, hash:u64
///       u32 n, n × path:str       every output, sorted (all a build with nothing to do needs of them)
///       u64 recordsLength, then   the output records, decoded only when a build needs them:
///         u32 k, k × key:str      every distinct dependency key (`Dependency.key`), stored once
///         n × record              (in the order of the paths) source:str, hash:u64, siblings:u8 (1 .br, 2 .gz),
///                                 u32 m, m × (key index:u32, fact hash:u64), u32 p, p × preload key index:u32
///       u32 n, n × diagnostic     the warnings of that build, repeated by a build that has nothing to do
///       u64 pagesLength, then u32 n, n × page record (`PageRecord`), decoded only when a build needs them
///
/// A string (`str`) is a u32 byte count and UTF-8 bytes. Any mismatch (magic, version, checksum, length, a count or
/// index that does not fit) makes the whole file unusable: the build says so in one warning line and starts over, as
/// ninja's build log does. A dependency key this version does not know only makes the outputs that recorded it dirty.
struct BuildGraph {
    static let formatVersion: UInt32 = 5
    static let fileName = "graph.bin"
    private static let magic: [UInt8] = Array("SGGRAPH\0".utf8)

    struct InputRecord: Equatable {
        var stamp: FileStamp
        var hash: UInt64
    }

    struct OutputRecord {
        var source: String
        var hash: UInt64
        /// What the output read: indices into `keys`, with each fact's hash at that time.
        var dependencies: [(key: UInt32, hash: UInt64)]
        /// The precompressed copies written beside it.
        var siblings = Precompressor.Siblings()
        /// For an HTML page, what it needs first: indices into `keys` of `PreloadEntry.key` strings (most pages share
        /// the same few, so the table stores each once).
        var preloads: [UInt32] = []
    }

    /// Every distinct dependency key the outputs refer to (after `loadOutputs()`). Outputs store indices, so that a
    /// build compares facts by array index instead of hashing hundreds of thousands of key strings.
    private(set) var keys: [String] = []

    var signature: UInt64 = 0
    var buildStart: Int64 = 0
    var nextPublication: Int64 = .max
    var outputDirectory = ""
    var contentPages = 0
    var templatedOutputs = 0
    var compressionTag: UInt64 = 0
    var inputs: [String: InputRecord] = [:]
    /// The outputs the build that wrote this graph produced, sorted.
    private(set) var outputPaths: [String] = []
    /// Output records by path; `nil` until `loadOutputs()` decodes them.
    private var outputs: [String: OutputRecord]?
    private var encodedOutputs: ArraySlice<UInt8> = []
    var diagnostics: [Diagnostic] = []
    /// Page records by source path; `nil` until `loadPages()` decodes them.
    private(set) var pages: [String: PageRecord]?
    private var encodedPages: ArraySlice<UInt8> = []

    init() {}

    init(pages: [String: PageRecord]) { self.pages = pages }

    /// Replaces the output records (and the key table their indices refer to).
    mutating func setOutputs(_ records: [String: OutputRecord], keys: [String]) {
        outputs = records
        outputPaths = records.keys.sorted()
        self.keys = keys
        encodedOutputs = []
    }

    /// Every file the outputs occupy, siblings included, sorted; nil when the records were never decoded.
    var ownedPaths: [String]? {
        guard let outputs else { return nil }
        var paths = outputPaths
        for path in outputPaths { paths.append(contentsOf: outputs[path]!.siblings.paths(of: path)) }
        return paths.sorted()
    }

    /// Decodes the output records (and the key table) the first time a build needs them; a no-op build never does.
    mutating func loadOutputs() throws(GraphDecodingError) -> [String: OutputRecord] {
        if let outputs { return outputs }
        var reader = ByteReader(Array(encodedOutputs))
        var decodedKeys: [String] = []
        let keyCount = try reader.readCount(minimumItemSize: 4)
        decodedKeys.reserveCapacity(keyCount)
        for _ in 0..<keyCount { decodedKeys.append(try reader.readString()) }
        var decoded: [String: OutputRecord] = [:]
        decoded.reserveCapacity(outputPaths.count)
        for path in outputPaths {
            let source = try reader.readString()
            let hash = try reader.readUInt64()
            let siblings = Precompressor.Siblings(rawValue: try reader.readUInt8())
            var dependencies: [(key: UInt32, hash: UInt64)] = []
            let dependencyCount = try reader.readCount(minimumItemSize: 12)
            dependencies.reserveCapacity(dependencyCount)
            for _ in 0..<dependencyCount {
                let index = try reader.readUInt32()
                guard Int(index) < decodedKeys.count else { throw GraphDecodingError(description: "a dependency key index out of range") }
                dependencies.append((index, try reader.readUInt64()))
            }
            var preloads: [UInt32] = []
            for _ in 0..<(try reader.readCount(minimumItemSize: 4)) {
                let index = try reader.readUInt32()
                guard Int(index) < decodedKeys.count else { throw GraphDecodingError(description: "a preload key index out of range") }
                preloads.append(index)
            }
            decoded[path] = OutputRecord(source: source, hash: hash, dependencies: dependencies, siblings: siblings, preloads: preloads)
        }
        guard reader.isAtEnd else { throw GraphDecodingError(description: "trailing bytes after the output records") }
        keys = decodedKeys
        outputs = decoded
        encodedOutputs = []
        return decoded
    }

    /// Adds keys to `keys` and answers their indices, for the records of outputs rendered in this build.
    struct KeyTable {
        private(set) var keys: [String]
        private var indices: [String: UInt32]?

        init(keys: [String]) { self.keys = keys }

        mutating func index(of key: String) -> UInt32 {
            if indices == nil {
                var built: [String: UInt32] = [:]
                built.reserveCapacity(keys.count)
                for (index, existing) in keys.enumerated() { built[existing] = UInt32(index) }
                indices = built
            }
            if let known = indices![key] { return known }
            let index = UInt32(keys.count)
            keys.append(key)
            indices![key] = index
            return index
        }
    }

    /// Decodes the page records the first time a build needs them; a no-op build never does.
    mutating func loadPages() throws(GraphDecodingError) -> [String: PageRecord] {
        if let pages { return pages }
        var reader = ByteReader(Array(encodedPages))
        var decoded: [String: PageRecord] = [:]
        let count = try reader.readCount(minimumItemSize: 64)
        decoded.reserveCapacity(count)
        for _ in 0..<count {
            let record = try PageRecord(from: &reader)
            decoded[record.sourcePath] = record
        }
        guard reader.isAtEnd else { throw GraphDecodingError(description: "trailing bytes after the page records") }
        pages = decoded
        encodedPages = []
        return decoded
    }

    func encoded() -> [UInt8] {
        var payload = ByteWriter(capacity: 1 << 16)
        payload.write(signature)
        payload.write(buildStart)
        payload.write(nextPublication)
        payload.write(outputDirectory)
        payload.write(UInt64(contentPages))
        payload.write(UInt64(templatedOutputs))
        payload.write(compressionTag)
        payload.write(count: inputs.count)
        for path in inputs.keys.sorted() {
            let input = inputs[path]!
            payload.write(path)
            payload.write(input.stamp.size)
            payload.write(input.stamp.mtime)
            payload.write(input.stamp.inode)
            payload.write(input.hash)
        }
        payload.write(count: outputPaths.count)
        for path in outputPaths { payload.write(path) }
        if let outputs {
            // Only the keys still in use are written, renumbered in first-use order so the file is deterministic.
            var remap = [UInt32](repeating: .max, count: keys.count)
            var usedKeys: [String] = []
            for path in outputPaths {
                let record = outputs[path]!
                for key in record.dependencies.map(\.key) + record.preloads where remap[Int(key)] == .max {
                    remap[Int(key)] = UInt32(usedKeys.count)
                    usedKeys.append(keys[Int(key)])
                }
            }
            var records = ByteWriter(capacity: 1 << 16)
            records.write(count: usedKeys.count)
            for key in usedKeys { records.write(key) }
            for path in outputPaths {
                let output = outputs[path]!
                records.write(output.source)
                records.write(output.hash)
                records.write(output.siblings.rawValue)
                records.write(count: output.dependencies.count)
                for dependency in output.dependencies {
                    records.write(remap[Int(dependency.key)])
                    records.write(dependency.hash)
                }
                records.write(count: output.preloads.count)
                for key in output.preloads { records.write(remap[Int(key)]) }
            }
            payload.write(UInt64(records.bytes.count))
            payload.append(records.bytes)
        } else {
            // Never decoded in this build: keep the stored records as they are.
            payload.write(UInt64(encodedOutputs.count))
            payload.append(Array(encodedOutputs))
        }
        payload.write(count: diagnostics.count)
        for diagnostic in diagnostics { diagnostic.encode(into: &payload) }
        if let records = pages {
            var pageBytes = ByteWriter(capacity: 1 << 16)
            pageBytes.write(count: records.count)
            for path in records.keys.sorted() { records[path]!.encode(into: &pageBytes) }
            payload.write(UInt64(pageBytes.bytes.count))
            payload.append(pageBytes.bytes)
        } else {
            // Never decoded in this build (a no-op build that only refreshed stamps): keep the stored records as they are.
            payload.write(UInt64(encodedPages.count))
            payload.append(Array(encodedPages))
        }

        var file = ByteWriter(capacity: payload.bytes.count + 32)
        file.append(Self.magic)
        file.write(Self.formatVersion)
        file.write(UInt32(0))
        file.write(XXH3.hash(payload.bytes))
        file.write(UInt64(payload.bytes.count))
        file.append(payload.bytes)
        return file.bytes
    }

    init(decoding bytes: [UInt8]) throws(GraphDecodingError) {
        var header = ByteReader(bytes)
        guard bytes.count >= 32, Array(try header.readBytes(8)) == Self.magic else {
            throw GraphDecodingError(description: "not a sitegen build graph")
        }
        let version = try header.readUInt32()
        guard version == Self.formatVersion else {
            throw GraphDecodingError(description: "it was written in format \(version), this sitegen reads format \(Self.formatVersion)")
        }
        _ = try header.readUInt32()
        let checksum = try header.readUInt64()
        let length = try header.readUInt64()
        guard length == UInt64(bytes.count - 32) else { throw GraphDecodingError(description: "it is truncated") }
        guard XXH3.hash(bytes[32...]) == checksum else { throw GraphDecodingError(description: "its checksum does not match") }

        var reader = ByteReader(bytes, offset: 32)
        signature = try reader.readUInt64()
        buildStart = try reader.readInt64()
        nextPublication = try reader.readInt64()
        outputDirectory = try reader.readString()
        contentPages = Int(clamping: try reader.readUInt64())
        templatedOutputs = Int(clamping: try reader.readUInt64())
        compressionTag = try reader.readUInt64()
        let inputCount = try reader.readCount(minimumItemSize: 36)
        inputs.reserveCapacity(inputCount)
        for _ in 0..<inputCount {
            let path = try reader.readString()
            let stamp = FileStamp(size: try reader.readUInt64(), mtime: try reader.readInt64(), inode: try reader.readUInt64())
            inputs[path] = InputRecord(stamp: stamp, hash: try reader.readUInt64())
        }
        let outputCount = try reader.readCount(minimumItemSize: 4)
        outputPaths.reserveCapacity(outputCount)
        for _ in 0..<outputCount { outputPaths.append(try reader.readString()) }
        let recordsLength = Int(try reader.readUInt64())
        encodedOutputs = try reader.readBytes(recordsLength)
        for _ in 0..<(try reader.readCount()) { diagnostics.append(try Diagnostic(from: &reader)) }
        let pagesLength = Int(try reader.readUInt64())
        encodedPages = try reader.readBytes(pagesLength)
        guard reader.isAtEnd else { throw GraphDecodingError(description: "trailing bytes") }
    }
}
