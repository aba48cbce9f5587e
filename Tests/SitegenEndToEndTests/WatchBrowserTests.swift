import Foundation
import XCTest
import SitegenCore
import SitegenTestSupport

/// `sitegen watch` in a real browser: Debian's headless Chromium driven by chromedriver over WebDriver's HTTP API.
/// The page is opened once and never navigated again by the test: an edit to its markdown shows up, a stylesheet
/// edit changes the computed style without a reload, broken front matter shows the overlay, and the fix brings the
/// page back. In CI (`CI` set) a missing browser or driver is a failure; elsewhere the test is skipped.
final class WatchBrowserTests: XCTestCase {
    private static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
    private static let driver = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]

    func testEditsShowUpInAnOpenPage() throws {
        guard let browser = Self.chromium.first(where: FileManager.default.isExecutableFile),
              let driverPath = Self.driver.first(where: FileManager.default.isExecutableFile) else {
            let message = "chromium and chromium-driver are needed (apt-get install chromium chromium-driver)"
            if ProcessInfo.processInfo.environment["CI"] != nil { return XCTFail(message) }
            throw XCTSkip(message)
        }
        let temp = TemporaryDirectory()
        let site = temp.sub("site")
        try StarterSite.create(at: site, fileSystem: LocalFileSystem())
        try FileManager.default.createDirectory(atPath: site + "/assets/css", withIntermediateDirectories: true)
        try "body { color: rgb(1, 2, 3); }\n".write(toFile: site + "/assets/css/sitegen.css", atomically: true, encoding: .utf8)
        let watch = try WatchProcess(arguments: ["site", "--port", "0"], in: temp.path)

        let webDriver = try WebDriver(driver: driverPath, browser: browser)
        defer { webDriver.quit() }
        try webDriver.open("http://127.0.0.1:\(watch.port)/about/")
        try webDriver.waitUntil("the live reload stream is open", "return window.__sitegenLiveReload && window.__sitegenLiveReload.readyState === 1")

        // Markdown: the new text appears without the test navigating.
        try "---\ntitle: About\n---\nText typed in the editor.\n".write(toFile: site + "/content/about.md", atomically: true, encoding: .utf8)
        try webDriver.waitUntil("the edited text is shown", "return document.body.innerText.includes('Text typed in the editor.')")
        try webDriver.waitUntil("the reloaded page listens again", "return window.__sitegenLiveReload && window.__sitegenLiveReload.readyState === 1")

        // Stylesheet: the computed style changes and the page was not reloaded (a marker set on window survives).
        XCTAssertEqual(try webDriver.execute("return getComputedStyle(document.body).color") as? String, "rgb(1, 2, 3)")
        _ = try webDriver.execute("window.sitegenMarker = 'still here'; return null")
        try "body { color: rgb(4, 5, 6); }\n".write(toFile: site + "/assets/css/sitegen.css", atomically: true, encoding: .utf8)
        try webDriver.waitUntil("the new color applies", "return getComputedStyle(document.body).color === 'rgb(4, 5, 6)'")
        XCTAssertEqual(try webDriver.execute("return window.sitegenMarker || null") as? String, "still here", "no reload for CSS")

        // Broken front matter: the overlay names the place; the fix removes it and shows the page.
        try "---\ntitle: About\ndraft: perhaps\n---\nBroken.\n".write(toFile: site + "/content/about.md", atomically: true, encoding: .utf8)
        try webDriver.waitUntil("the error overlay is shown", """
            var overlay = document.getElementById('sitegen-error-overlay');
            return !!overlay && overlay.textContent.includes('content/about.md:3:1') && overlay.textContent.includes("'draft' must be true or false")
            """)
        try "---\ntitle: About\n---\nRepaired text.\n".write(toFile: site + "/content/about.md", atomically: true, encoding: .utf8)
        try webDriver.waitUntil("the overlay is gone and the page is back", """
            return !document.getElementById('sitegen-error-overlay') && document.body.innerText.includes('Repaired text.')
            """)
        XCTAssertTrue(watch.process.isRunning, watch.stderr)
    }
}

/// Just enough of the W3C WebDriver protocol over HTTP: a session, navigation, and scripts.
final class WebDriver {
    private let process = Process()
    private let port: UInt16
    private var session = ""

    init(driver: String, browser: String) throws {
        let probe = try RawHTTP.listeningSocket()
        close(probe.descriptor)
        port = probe.port
        process.executableURL = URL(fileURLWithPath: driver)
        process.arguments = ["--port=\(probe.port)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while (try? call("GET", "/status"))?["ready"] as? Bool != true {
            guard Date() < deadline else { throw Failure(message: "chromedriver did not become ready") }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:chromeOptions": ["binary": browser,
                                   "args": ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                                            "--no-first-run", "--window-size=1024,768"]],
        ]]]
        let created = try call("POST", "/session", capabilities)
        guard let id = created?["sessionId"] as? String else { throw Failure(message: "no session: \(String(describing: created))") }
        session = id
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    func open(_ url: String) throws {
        _ = try call("POST", "/session/\(session)/url", ["url": url])
    }

    func execute(_ script: String) throws -> Any? {
        let value = try call("POST", "/session/\(session)/execute/sync", ["script": script, "args": [Any]()])?["value"]
        return value is NSNull ? nil : value
    }

    /// Runs `script` every 50 ms until it returns true; fails after `timeout`.
    func waitUntil(_ what: String, _ script: String, timeout: TimeInterval = 15) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if (try? execute(script)) as? Bool == true { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure(message: "timed out waiting until \(what)")
    }

    func quit() {
        if !session.isEmpty { _ = try? call("DELETE", "/session/\(session)") }
        process.terminate()
        process.waitUntilExit()
    }

    /// One WebDriver command over a plain socket; returns the response's `value` object.
    private func call(_ method: String, _ path: String, _ body: [String: Any]? = nil) throws -> [String: Any]? {
        let text = try body.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
        let response = try RawHTTP.request(port: port, method, path, body: text)
        guard let json = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any] else { return nil }
        let value = json["value"] as? [String: Any]
        if let error = value?["error"] as? String { throw Failure(message: "\(error): \(value?["message"] ?? "")") }
        return value ?? json
    }
}
