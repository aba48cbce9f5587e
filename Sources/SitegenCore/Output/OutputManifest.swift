/// The list of files the previous build wrote into the output folder, so that this build can remove the ones it
/// no longer produces while never touching files that sitegen did not write.
///
/// Stored as text in the cache folder (`.sitegen/outputs.txt`):
///
///     sitegen-outputs 1
///     /absolute/path/of/the/output/folder
///     blog/hello/index.html
///     ...
///
/// Line 1 names the format and its version; line 2 the output folder the list belongs to (a build into another
/// folder ignores it); then one output path per line, relative to that folder, sorted. A file that does not start
/// with the expected first line is ignored, which costs nothing but stale files staying in place.
struct OutputManifest: Equatable {
    static let header = "sitegen-outputs 1"
    static let fileName = "outputs.txt"

    var outputDirectory: String
    var paths: [String]

    static func load(from path: String, fileSystem: FileSystem) -> OutputManifest? {
        guard let text = try? fileSystem.readString(path) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 2, lines[0] == header else { return nil }
        return OutputManifest(outputDirectory: lines[1], paths: lines.dropFirst(2).filter { !$0.isEmpty })
    }

    func encoded() -> [UInt8] {
        Array(([Self.header, outputDirectory] + paths.sorted()).joined(separator: "\n").utf8) + [0x0A]
    }
}
