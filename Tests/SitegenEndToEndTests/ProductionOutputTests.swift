import Foundation
import XCTest
@testable import SitegenCore
import SitegenTestSupport

/// The output of a production build (the defaults: minified, fingerprinted, precompressed, with manifests and
/// `_headers`), checked by independent tools and by following every reference, on the example site.
final class ProductionOutputTests: XCTestCase {
    /// A copy of the example site, so tests can edit it.
    private func exampleSite(_ temp: TemporaryDirectory) throws -> String {
        try FileManager.default.copyItem(atPath: FixturePaths.packageRoot + "/site", toPath: temp.sub("site"))
        try? FileManager.default.removeItem(atPath: temp.sub("site/public"))
        try? FileManager.default.removeItem(atPath: temp.sub("site/.sitegen"))
        return temp.sub("site")
    }

    private func build(_ site: String, output: String? = nil, cache: String? = nil, compress: Bool = true,
                       file: StaticString = #filePath, line: UInt = #line) -> BuildReport {
        var options = BuildOptions(siteDirectory: site, outputDirectory: output, jobs: 2)
        options.cacheDirectory = cache
        options.compress = compress
        options.now = FixturePaths.fixedNow
        let report = SiteBuilder().build(options)
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"), file: file, line: line)
        return report
    }

    func testEveryCompressedSiblingDecompressesToItsOriginal() throws {
        let brotli = try ExternalTools.require("brotli", package: "brotli")
        let gzip = try ExternalTools.require("gzip", package: "gzip")
        let temp = TemporaryDirectory()
        let site = try exampleSite(temp)
        _ = build(site)
        let tree = OutputTree(reading: site + "/public")
        var checked = 0
        for (path, bytes) in tree.files {
            if path.hasSuffix(".br") || path.hasSuffix(".gz") {
                let original = String(path.dropLast(3))
                let tool = path.hasSuffix(".br") ? brotli : gzip
                let result = try ExternalTools.run(tool, ["-d", "-c"], input: bytes)
                XCTAssertEqual(result.status, 0, "\(path): \(result.stderr)")
                XCTAssertEqual(result.stdout, tree.files[original], "\(path) does not decompress to \(original)")
                XCTAssertLessThan(bytes.count, tree.files[original]?.count ?? 0, "\(path) is not smaller than its original")
                checked += 1
            } else if Precompressor.isCompressible(path), bytes.count >= 256, path != "_headers" {
                // Text this large always compresses: both siblings must be there.
                XCTAssertNotNil(tree.files[path + ".br"], path)
                XCTAssertNotNil(tree.files[path + ".gz"], path)
            }
        }
        XCTAssertGreaterThan(checked, 50)
    }

    func testFingerprintsIntegritiesAndEveryReferenceResolve() throws {
        let openssl = try ExternalTools.require("openssl", package: "openssl")
        let temp = TemporaryDirectory()
        let site = try exampleSite(temp)
        _ = build(site, compress: false)
        let tree = OutputTree(reading: site + "/public")

        // Every fingerprinted name is the XXH3 of its bytes; every integrity is the SHA-384 openssl computes.
        let manifest = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(tree.files["asset-manifest.json"] ?? [])) as? [String: [String: Any]])
        XCTAssertFalse(manifest.isEmpty)
        func integrity(_ bytes: [UInt8]) throws -> String {
            let digest = try ExternalTools.run(openssl, ["dgst", "-sha384", "-binary"], input: bytes)
            return "sha384-" + Data(digest.stdout).base64EncodedString()
        }
        for (name, entry) in manifest {
            let url = try XCTUnwrap(entry["url"] as? String)
            let bytes = try XCTUnwrap(tree.files[String(url.dropFirst())], url)
            let hex = String(XXH3.hash(bytes), radix: 16)
            XCTAssertTrue(url.contains("." + String(repeating: "0", count: 16 - hex.count) + hex + "."), "\(name): \(url)")
            XCTAssertEqual(entry["size"] as? Int, bytes.count, name)
            if let expected = entry["integrity"] as? String { XCTAssertEqual(expected, try integrity(bytes), name) }
        }

        // Every local reference of every page and stylesheet names a file that exists.
        func exists(_ reference: String) -> Bool {
            var path = reference
            if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<cut]) }
            path = String(path.dropFirst())
            if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
            return tree.files[path.removingPercentEncoding ?? path] != nil
        }
        var references = 0
        for (path, bytes) in tree.files where path.hasSuffix(".html") {
            for tag in HTMLTagScanner.tags(in: bytes) {
                for attribute in ["href", "src"] {
                    guard let value = tag.attributes[attribute], value.hasPrefix("/"), !value.hasPrefix("//") else { continue }
                    XCTAssertTrue(exists(value), "\(path): <\(tag.name) \(attribute)=\"\(value)\"> names no output")
                    references += 1
                }
            }
        }
        for (path, bytes) in tree.files where path.hasSuffix(".css") {
            for reference in CSSReferences.scan(bytes) where reference.url.hasPrefix("/") {
                XCTAssertTrue(exists(reference.url), "\(path): url(\(reference.url)) names no output")
            }
        }
        XCTAssertGreaterThan(references, 100)

        // Every preload entry names an existing file, with the right integrity.
        let preloads = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(tree.files["preload-manifest.json"] ?? [])) as? [String: [[String: String]]])
        XCTAssertNotNil(preloads["/"])
        for (page, entries) in preloads {
            XCTAssertTrue(exists(page), page)
            for entry in entries {
                let href = try XCTUnwrap(entry["href"])
                XCTAssertTrue(exists(href), "\(page): \(href)")
                if let expected = entry["integrity"] { XCTAssertEqual(expected, try integrity(tree.files[String(href.dropFirst())] ?? []), href) }
            }
        }
        // ... and each page carries its entries as preload tags in its head.
        let home = String(decoding: tree.files["index.html"] ?? [], as: UTF8.self)
        let tags = HTMLTagScanner.tags(in: tree.files["index.html"] ?? []).filter { $0.name == "link" && $0.attributes["rel"] == "preload" }
        XCTAssertEqual(tags.compactMap { $0.attributes["href"] }, (preloads["/"] ?? []).compactMap { $0["href"] }, home)
    }

    func testTwoBuildsOfTheSameInputAreByteIdentical() throws {
        let temp = TemporaryDirectory()
        let site = try exampleSite(temp)
        _ = build(site, output: temp.sub("one"), cache: temp.sub("one.cache"))
        _ = build(site, output: temp.sub("two"), cache: temp.sub("two.cache"))
        let one = OutputTree(reading: temp.sub("one"))
        XCTAssertNotNil(one.files["index.html.br"])
        XCTAssertEqual(one, OutputTree(reading: temp.sub("two")))
    }

    /// Compression happens once per content: not again for unchanged outputs, not again after the output folder is
    /// lost, not again when compression is switched off and on; and siblings go away with their outputs.
    func testCompressionIsCachedAndSiblingsFollowTheirOutputs() throws {
        let temp = TemporaryDirectory()
        let site = try exampleSite(temp)
        let output = site + "/public"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try Data("not sitegen's".utf8).write(to: URL(fileURLWithPath: output + "/mine.html.br"))

        let first = build(site)
        XCTAssertGreaterThan(first.outputsCompressed, 50)

        let again = build(site)
        XCTAssertEqual(again.outputsCompressed + again.outputsWritten + again.siblingsWritten + again.pagesRendered, 0)

        // A body edit: only that page's siblings are made again.
        let about = site + "/content/about.md"
        try (String(contentsOfFile: about, encoding: .utf8) + "\nOne more sentence.\n").write(toFile: about, atomically: true, encoding: .utf8)
        let edited = build(site)
        XCTAssertEqual(edited.pagesRendered, 1)
        XCTAssertEqual(edited.outputsCompressed, 2)
        XCTAssertEqual(edited.siblingsWritten, 2)

        // The output folder lost (a CI cache that keeps only .sitegen): everything comes back from the cache.
        let afterEdit = OutputTree(reading: output)
        try FileManager.default.removeItem(atPath: output)
        let restored = build(site)
        XCTAssertEqual(restored.outputsCompressed, 0)
        XCTAssertGreaterThan(restored.compressionCacheHits, 50)
        var expected = afterEdit
        expected.files["mine.html.br"] = nil
        XCTAssertEqual(OutputTree(reading: output), expected)

        // Compression off, then on again: no page is rendered again, and nothing is compressed again.
        let off = build(site, compress: false)
        XCTAssertEqual(off.pagesRendered, 0)
        XCTAssertTrue(OutputTree(reading: output).files.keys.allSatisfy { !$0.hasSuffix(".br") && !$0.hasSuffix(".gz") })
        let on = build(site)
        XCTAssertEqual(on.pagesRendered, 0)
        XCTAssertEqual(on.outputsCompressed, 0)
        XCTAssertEqual(OutputTree(reading: output), expected)

        // A deleted page takes its siblings with it; a file sitegen did not write stays.
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try Data("not sitegen's".utf8).write(to: URL(fileURLWithPath: output + "/mine.html.br"))
        try FileManager.default.removeItem(atPath: about)
        _ = build(site)
        let tree = OutputTree(reading: output)
        XCTAssertNil(tree.files["about/index.html"])
        XCTAssertNil(tree.files["about/index.html.br"])
        XCTAssertNil(tree.files["about/index.html.gz"])
        XCTAssertNotNil(tree.files["mine.html.br"])
    }
}
