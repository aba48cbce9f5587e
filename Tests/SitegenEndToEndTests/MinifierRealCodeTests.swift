import Foundation
import SitegenCore
import SitegenTestSupport
import XCTest

/// The minifiers on code nobody here wrote: Debian's packaged JavaScript libraries and style sheets, and the example
/// site's HTML, each checked by an independent parser (node, tinycss2, html5lib).
///
/// The tools come from Debian (`.ci/run` installs them). When `CI` is set a missing tool or package fails the test;
/// elsewhere the test is skipped with a message saying what to install. Python is `/usr/bin/python3`, where Debian's
/// `python3-html5lib` and `python3-tinycss2` install, not whatever `python3` comes first on the PATH.
final class MinifierRealCodeTests: XCTestCase {
    static let node = "/usr/bin/node"
    static let python = "/usr/bin/python3"
    static let libraryRoots = ["/usr/share/javascript/jquery", "/usr/share/javascript/bootstrap5",
                               "/usr/share/javascript/underscore", "/usr/share/javascript/highlight.js",
                               "/usr/share/javascript/d3", "/usr/share/nodejs/lodash"]
    static let checks = FixturePaths.fixtures + "/minify-checks"

    func testDebianJavaScriptStillCompilesAfterMinifying() throws {
        try require(Self.node, package: "nodejs")
        let sources = try files(in: Self.libraryRoots, extensions: ["js", "mjs"])
        XCTAssertGreaterThan(sources.count, 600, "lodash alone ships over 600 modules")
        let temp = TemporaryDirectory(prefix: "sitegen-minify-js")
        let pairs = try minifyAll(sources, as: .js, into: temp)
        let list = temp.sub("pairs.json")
        try JSONSerialization.data(withJSONObject: pairs).write(to: URL(fileURLWithPath: list))
        let run = try runTool(Self.node, ["--experimental-vm-modules", "--no-warnings", Self.checks + "/check-parse.mjs", list])
        let report = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any] ?? [:]
        XCTAssertEqual(report["failures"] as? [String], [], run.output)
        XCTAssertEqual(report["skipped"] as? [String], [], run.output)
        XCTAssertEqual(report["checked"] as? Int, sources.count, run.output)

        // The large bundles once more through `node --check` itself, ES modules under an `.mjs` name.
        for bundle in ["jquery/jquery.js", "d3/d3.js", "underscore/underscore.js", "highlight.js/highlight.js",
                       "bootstrap5/js/bootstrap.bundle.js"] {
            let path = temp.sub("bundle-" + (bundle as NSString).lastPathComponent)
            try writeMinified("/usr/share/javascript/" + bundle, as: .js, to: path)
            let check = try runTool(Self.node, ["--check", path])
            XCTAssertEqual(check.status, 0, "\(bundle): \(check.output)")
        }
    }

    func testMinifiedLodashAndUnderscoreBehaveLikeTheOriginals() throws {
        try require(Self.node, package: "nodejs")
        let lodash = "/usr/share/nodejs/lodash/lodash.js"
        let underscore = "/usr/share/javascript/underscore/underscore.js"
        try require(lodash, package: "node-lodash")
        try require(underscore, package: "libjs-underscore")
        let temp = TemporaryDirectory(prefix: "sitegen-minify-behaviour")
        try writeMinified(lodash, as: .js, to: temp.sub("lodash.min.js"))
        try writeMinified(underscore, as: .js, to: temp.sub("underscore.min.js"))
        let run = try runTool(Self.node, [Self.checks + "/compare-libraries.js", lodash, temp.sub("lodash.min.js"),
                                          underscore, temp.sub("underscore.min.js")])
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertTrue(run.output.contains("0 different"), run.output)
    }

    func testDebianStyleSheetsKeepTheirTokens() throws {
        try requirePython(module: "tinycss2", package: "python3-tinycss2")
        let sheets = try files(in: Self.libraryRoots, extensions: ["css"])
        XCTAssertGreaterThan(sheets.count, 50, "highlight.js alone ships dozens of themes")
        let temp = TemporaryDirectory(prefix: "sitegen-minify-css")
        let pairs = try minifyAll(sheets, as: .css, into: temp)
        let list = temp.sub("pairs.json")
        try JSONSerialization.data(withJSONObject: pairs).write(to: URL(fileURLWithPath: list))
        let run = try runTool(Self.python, [Self.checks + "/css_tokens.py", list])
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertTrue(run.output.contains("compared \(sheets.count) style sheets, 0 different"), run.output)
    }

    func testExampleSiteHTMLKeepsItsDOM() throws {
        try requirePython(module: "html5lib", package: "python3-html5lib")
        let temp = TemporaryDirectory(prefix: "sitegen-minify-html")
        var options = BuildOptions(siteDirectory: FixturePaths.packageRoot + "/site", outputDirectory: temp.sub("out"), jobs: 2)
        options.cacheDirectory = temp.sub("cache")
        // The build's own minification is what this test checks, on the unminified pages.
        options.minify = false
        options.compress = false
        XCTAssertTrue(SiteBuilder().build(options).succeeded)
        let pages = try files(in: [temp.sub("out")], extensions: ["html"])
        XCTAssertGreaterThan(pages.count, 20)
        let minifiedFolder = TemporaryDirectory(prefix: "sitegen-minified-html")
        let pairs = try minifyAll(pages, as: .html, into: minifiedFolder)
        let list = temp.sub("pairs.json")
        try JSONSerialization.data(withJSONObject: pairs).write(to: URL(fileURLWithPath: list))
        let run = try runTool(Self.python, [Self.checks + "/html_dom.py", list])
        XCTAssertEqual(run.status, 0, run.output)
        XCTAssertTrue(run.output.contains("compared \(pages.count) documents, 0 different"), run.output)
        let saved = pairs.reduce(0) { $0 + (fileSize($1[0]) - fileSize($1[1])) }
        XCTAssertGreaterThan(saved, 0)
    }

    // MARK: Helpers

    /// Fails under CI, skips elsewhere, when `path` is missing.
    private func require(_ path: String, package: String) throws {
        if FileManager.default.fileExists(atPath: path) { return }
        let message = "\(path) is missing: apt-get install \(package)"
        if ProcessInfo.processInfo.environment["CI"] != nil {
            XCTFail(message)
            throw XCTSkip("failed: " + message)
        }
        throw XCTSkip(message)
    }

    private func requirePython(module: String, package: String) throws {
        try require(Self.python, package: "python3")
        if try runTool(Self.python, ["-c", "import \(module)"]).status == 0 { return }
        try require("/nonexistent/python3-\(module)", package: package)
    }

    /// The regular files with these extensions under `roots`, minified copies (`.min.`) left out, each file once
    /// however many symbolic links lead to it.
    private func files(in roots: [String], extensions: Set<String>) throws -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for root in roots {
            guard let walker = FileManager.default.enumerator(atPath: root) else {
                try require(root, package: "the package that provides it")
                continue
            }
            while let relative = walker.nextObject() as? String {
                let path = root + "/" + relative
                let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                guard extensions.contains((relative as NSString).pathExtension), !relative.contains(".min."),
                      !FileManager.default.isDirectory(real), seen.insert(real).inserted else { continue }
                result.append(real)
            }
        }
        return result.sorted()
    }

    /// Minifies each file into `folder`, keeping its name (so `.mjs` stays `.mjs`); returns [original, minified] pairs.
    private func minifyAll(_ paths: [String], as kind: MinifyKind, into folder: TemporaryDirectory) throws -> [[String]] {
        try paths.enumerated().map { offset, path in
            let target = folder.sub("\(offset)-" + (path as NSString).lastPathComponent)
            try writeMinified(path, as: kind, to: target)
            return [path, target]
        }
    }

    private func writeMinified(_ path: String, as kind: MinifyKind, to target: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        try Data(Minifier.minify(bytes, kind: kind)).write(to: URL(fileURLWithPath: target))
    }

    private func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    private func runTool(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

private extension FileManager {
    func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
