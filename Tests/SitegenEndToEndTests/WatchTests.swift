import Foundation
import XCTest
import SitegenCore
import SitegenTestSupport

/// `sitegen watch` as a user runs it: the real binary on a temporary site and a free port, spoken to over plain
/// sockets. Each edit must be followed by an SSE event, and the content served right after the event must already
/// be the new one (the event is sent only once the build has written).
final class WatchTests: XCTestCase {
    private var temp: TemporaryDirectory!
    private var site: String { temp.sub("site") }

    override func setUpWithError() throws {
        temp = TemporaryDirectory()
        try StarterSite.create(at: site, fileSystem: LocalFileSystem())
        try write("assets/css/sitegen.css", "body { color: rgb(1, 2, 3); }\n")
    }

    private func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(atPath: parentPath(joinPath(site, path)), withIntermediateDirectories: true)
        try text.write(toFile: joinPath(site, path), atomically: false, encoding: .utf8)
    }

    /// Saves the way many editors do: a temporary file beside the original, renamed over it.
    private func saveLikeAnEditor(_ path: String, _ text: String) throws {
        let temporary = joinPath(site, parentPath(path), "." + lastPathComponent(path) + ".tmp")
        try text.write(toFile: temporary, atomically: false, encoding: .utf8)
        XCTAssertEqual(rename(temporary, joinPath(site, path)), 0)
    }

    private func page(_ path: String, title: String, body: String) -> String {
        "---\ntitle: \(title)\n---\n\(body)\n"
    }

    func testServesTheBuiltSiteOnLoopbackWithTheScriptAndNothingOutsideIt() throws {
        let watch = try WatchProcess(arguments: ["site", "--port", "0"], in: temp.path)
        let port = watch.port
        XCTAssertTrue(watch.stdout.contains("at http://127.0.0.1:\(port)/"), watch.stdout)

        let home = try RawHTTP.request(port: port, "GET", "/")
        XCTAssertEqual(home.status, 200)
        XCTAssertEqual(home.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertTrue(home.body.contains("data-sitegen-live-reload"))
        let built = try String(contentsOfFile: site + "/.sitegen/watch/site/index.html", encoding: .utf8)
        XCTAssertFalse(built.contains("data-sitegen-live-reload"), "the script is added when serving, never written")
        XCTAssertFalse(FileManager.default.fileExists(atPath: site + "/public"), "watch leaves the output of 'build' alone")

        let missing = try RawHTTP.request(port: port, "GET", "/no/such/page/")
        XCTAssertEqual(missing.status, 404)
        XCTAssertTrue(missing.body.contains("data-sitegen-live-reload"), "the site's 404 page, with the script")

        let stylesheet = try XCTUnwrap(themeStylesheetPath(in: home.body), "the home page links its (fingerprinted) stylesheet")
        let css = try RawHTTP.request(port: port, "GET", stylesheet)
        XCTAssertEqual(css.headers["content-type"], "text/css; charset=utf-8")
        let etag = try XCTUnwrap(css.headers["etag"])
        XCTAssertEqual(try RawHTTP.request(port: port, "GET", stylesheet, headers: ["If-None-Match": etag]).status, 304)
        let head = try RawHTTP.request(port: port, "HEAD", stylesheet)
        XCTAssertEqual(head.headers["content-length"], String(css.body.utf8.count))
        XCTAssertEqual(head.body, "")
        XCTAssertEqual(try RawHTTP.request(port: port, "GET", "/blog").headers["location"], "/blog/")

        // Traversal in every spelling, and a symlink that points out of the output folder.
        symlink("/etc/passwd", site + "/.sitegen/watch/site/passwd")
        for target in ["/../sitegen.toml", "/../../../../../etc/passwd", "/%2e%2e/sitegen.toml", "/%2E%2E/%2e%2e/etc/passwd",
                       "/..%2fsitegen.toml", "/css/..%2f..%2f..%2fsitegen.toml", "/..%5c..%5cetc%5cpasswd", "/passwd",
                       "/%252e%252e/sitegen.toml"] {
            let response = try RawHTTP.request(port: port, "GET", target)
            XCTAssertTrue([400, 404].contains(response.status), "\(target): \(response.status)")
            XCTAssertFalse(response.body.contains("root:") || response.body.contains("base_url"), target)
        }

        // The listening socket is on 127.0.0.1 only: no IPv6 or wildcard socket on the port.
        let hexPort = String(format: "%04X", port)
        let tcp = try String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)
        let listening = tcp.split(separator: "\n").filter { $0.contains(":\(hexPort) ") && $0.split(separator: " ")[3] == "0A" }
        XCTAssertEqual(listening.map { $0.split(separator: " ")[1] }, ["0100007F:\(hexPort)"])
        let tcp6 = (try? String(contentsOfFile: "/proc/net/tcp6", encoding: .utf8)) ?? ""
        XCTAssertFalse(tcp6.split(separator: "\n").contains { $0.contains(":\(hexPort) ") && $0.split(separator: " ")[3] == "0A" })
    }

    func testEditsAddsRenamesAndDeletionsReloadOnlyAfterTheBuildHasWritten() throws {
        let watch = try WatchProcess(arguments: ["site", "--port", "0"], in: temp.path)
        let port = watch.port
        let events = try EventStreamReader(port: port)
        defer { events.close() }
        XCTAssertEqual(events.next()?.name, "hello")

        try saveLikeAnEditor("content/about.md", page("about.md", title: "About", body: "Edited about text."))
        let edit = try XCTUnwrap(events.next(named: "reload"), watch.stderr)
        XCTAssertTrue(edit.data.contains("\"changed\":[\"content/about.md\"]"), edit.data)
        XCTAssertTrue(edit.data.contains("\"css\":false"))
        XCTAssertTrue(RawHTTP.get(port: port, "/about/")?.body.contains("Edited about text.") ?? false)
        XCTAssertNotNil(watch.waitForStderr("content/about.md changed: "), watch.stderr)
        XCTAssertEqual(events.pending(waiting: 0.3), [], "one save, one reload")

        try write("content/fresh.md", page("fresh.md", title: "Fresh", body: "A new page."))
        XCTAssertNotNil(events.next(named: "reload"))
        XCTAssertEqual(RawHTTP.get(port: port, "/fresh/")?.status, 200)

        XCTAssertEqual(rename(site + "/content/fresh.md", site + "/content/moved.md"), 0)
        let renamed = try XCTUnwrap(events.next(named: "reload"))
        XCTAssertTrue(renamed.data.contains("content/fresh.md") && renamed.data.contains("content/moved.md"), renamed.data)
        XCTAssertEqual(RawHTTP.get(port: port, "/fresh/")?.status, 404)
        XCTAssertTrue(RawHTTP.get(port: port, "/moved/")?.body.contains("A new page.") ?? false)

        try FileManager.default.removeItem(atPath: site + "/content/moved.md")
        XCTAssertNotNil(events.next(named: "reload"))
        XCTAssertEqual(RawHTTP.get(port: port, "/moved/")?.status, 404)

        // A new folder whose file is written right after it is made.
        try write("content/guides/first.md", page("first.md", title: "First guide", body: "Guide text."))
        XCTAssertNotNil(events.next(named: "reload"))
        XCTAssertTrue(RawHTTP.get(port: port, "/guides/first/")?.body.contains("Guide text.") ?? false)

        // A stylesheet: the pages are told to swap stylesheets, not to reload.
        try saveLikeAnEditor("assets/css/sitegen.css", "body { color: rgb(4, 5, 6); }\n")
        let css = try XCTUnwrap(events.next(named: "reload"))
        XCTAssertTrue(css.data.contains("\"css\":true"), css.data)
        let newStylesheet = try XCTUnwrap(themeStylesheetPath(in: RawHTTP.get(port: port, "/")?.body ?? ""))
        let served = RawHTTP.get(port: port, newStylesheet)?.body ?? ""
        XCTAssertTrue(served.contains("rgb(4,5,6)") || served.contains("#040506") || served.contains("rgb(4, 5, 6)"), served)
        XCTAssertNotNil(watch.waitForStderr("stylesheets swapped"), watch.stderr)

        // Saving a file unchanged writes nothing and reloads nothing.
        try saveLikeAnEditor("assets/css/sitegen.css", "body { color: rgb(4, 5, 6); }\n")
        XCTAssertNotNil(watch.waitForStderr("nothing to reload"), watch.stderr)
        XCTAssertEqual(events.pending(waiting: 0.2), [])
    }

    func testBrokenFrontMatterAndTemplatesShowTheErrorAndTheFixClearsIt() throws {
        let watch = try WatchProcess(arguments: ["site", "--port", "0"], in: temp.path)
        let port = watch.port
        let events = try EventStreamReader(port: port)
        defer { events.close() }
        XCTAssertEqual(events.next()?.name, "hello")
        let before = try XCTUnwrap(RawHTTP.get(port: port, "/about/")?.body)

        try saveLikeAnEditor("content/about.md", "---\ntitle: About\ndraft: perhaps\n---\nBroken.\n")
        let failed = try XCTUnwrap(events.next(named: "build-failed"), watch.stderr)
        XCTAssertTrue(failed.data.contains("\"location\":\"content/about.md:3:1\""), failed.data)
        XCTAssertTrue(failed.data.contains("'draft' must be true or false"), failed.data)
        XCTAssertNotNil(watch.waitForStderr("site/content/about.md:3:1: error: 'draft' must be true or false"), watch.stderr)
        XCTAssertNotNil(watch.waitForStderr("build failed, 1 error"), watch.stderr)
        XCTAssertEqual(RawHTTP.get(port: port, "/about/")?.body, before, "the last good build is still served")

        // A page opened now gets the errors at once.
        let late = try EventStreamReader(port: port)
        XCTAssertEqual(late.next()?.name, "hello")
        XCTAssertEqual(late.next()?.name, "build-failed")
        late.close()

        try saveLikeAnEditor("content/about.md", page("about.md", title: "About", body: "Repaired."))
        XCTAssertNotNil(events.next(named: "reload"), watch.stderr)
        XCTAssertTrue(RawHTTP.get(port: port, "/about/")?.body.contains("Repaired.") ?? false)

        // A broken template, then the override removed.
        try write("templates/page.mustache", "{{#page}}<h1>{{title}}</h1>\n")
        let template = try XCTUnwrap(events.next(named: "build-failed"), watch.stderr)
        XCTAssertTrue(template.data.contains("templates/page.mustache:"), template.data)
        try FileManager.default.removeItem(atPath: site + "/templates/page.mustache")
        XCTAssertNotNil(events.next(named: "reload"), watch.stderr)
        XCTAssertTrue(RawHTTP.get(port: port, "/about/")?.body.contains("Repaired.") ?? false)
        XCTAssertTrue(watch.process.isRunning)
    }

    func testAFirstBuildThatFailsStillServesAndTheFixBuildsTheSite() throws {
        try write("content/about.md", "---\ntitle: [About\n---\nText.\n")
        let watch = try WatchProcess(arguments: ["site", "--port", "0"], in: temp.path)
        let home = try XCTUnwrap(RawHTTP.get(port: watch.port, "/"))
        XCTAssertEqual(home.status, 404)
        XCTAssertTrue(home.body.contains("data-sitegen-live-reload"), "a bare page with the script, which shows the errors")
        let events = try EventStreamReader(port: watch.port)
        defer { events.close() }
        XCTAssertEqual(events.next()?.name, "hello")
        XCTAssertTrue(events.next()?.data.contains("content/about.md:") ?? false)
        try saveLikeAnEditor("content/about.md", page("about.md", title: "About", body: "Text."))
        XCTAssertNotNil(events.next(named: "reload"), watch.stderr)
        XCTAssertEqual(RawHTTP.get(port: watch.port, "/")?.status, 200)
    }

    func testAPortInUseIsSaidClearly() throws {
        let fd = try RawHTTP.listeningSocket()
        defer { close(fd.descriptor) }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sitegen").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["watch", "site", "--port", String(fd.port)]
        process.currentDirectoryURL = URL(fileURLWithPath: temp.path)
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1)
        XCTAssertTrue(text.contains("error: port \(fd.port) on 127.0.0.1 is already in use"), text)
    }

    func testPollingFindsEditsToo() throws {
        let watch = try WatchProcess(arguments: ["site", "--port", "0", "--poll"], in: temp.path)
        let events = try EventStreamReader(port: watch.port)
        defer { events.close() }
        XCTAssertEqual(events.next()?.name, "hello")
        try write("content/about.md", page("about.md", title: "About", body: "Polled text, longer than before."))
        XCTAssertNotNil(events.next(named: "reload"), watch.stderr)
        XCTAssertTrue(RawHTTP.get(port: watch.port, "/about/")?.body.contains("Polled text") ?? false)
    }
}

extension RawHTTP {
    /// A socket listening on 127.0.0.1 on a port the system chose.
    static func listeningSocket() throws -> (descriptor: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && listen(fd, 1) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

}

/// The path of the theme's stylesheet as a page links it: assets are published under fingerprinted names.
func themeStylesheetPath(in html: String) -> String? {
    guard let range = html.range(of: #"/css/sitegen\.[0-9a-f]{16}\.css"#, options: .regularExpression) else { return nil }
    return String(html[range])
}
