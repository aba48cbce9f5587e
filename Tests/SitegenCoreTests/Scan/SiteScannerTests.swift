import XCTest
import SitegenTestSupport
@testable import SitegenCore

final class SiteScannerTests: XCTestCase {
    func testListsInputsByRoleSkippingHiddenAndExcluded() {
        let fs = InMemoryFileSystem(root: "/site", files: [
            "sitegen.toml": "", "content/a.md": "", "content/.hidden.md": "", "content/b.md~": "",
            "templates/page.mustache": "", "assets/css/x.css": "", "static/robots.txt": "", "data/d.yaml": "",
            "content/public/index.html": "", "public/index.html": "",
        ])
        let diagnostics = DiagnosticsEngine()
        let inventory = SiteScanner(fileSystem: fs, root: "/site", diagnostics: diagnostics, excluded: ["content/public"]).scan()
        XCTAssertTrue(inventory.hasConfig)
        XCTAssertEqual(inventory.content, ["content/a.md"])
        XCTAssertEqual(inventory.templates, ["templates/page.mustache"])
        XCTAssertEqual(inventory.assets, ["assets/css/x.css"])
        XCTAssertEqual(inventory.staticFiles, ["static/robots.txt"])
        XCTAssertEqual(inventory.data, ["data/d.yaml"])
        XCTAssertFalse(diagnostics.hasErrors)
    }

    func testSymlinkOutOfTheSiteIsAnErrorAndInsideIsFollowed() {
        let fs = InMemoryFileSystem(root: "/", files: ["site/sitegen.toml": "", "site/shared/note.txt": "n", "etc/passwd": "root"])
        fs.addSymlink(at: "/site/static/passwd", pointingTo: "/etc/passwd")
        fs.addSymlink(at: "/site/static/shared", pointingTo: "../shared")
        let diagnostics = DiagnosticsEngine()
        let inventory = SiteScanner(fileSystem: fs, root: "/site", diagnostics: diagnostics, excluded: []).scan()
        XCTAssertEqual(inventory.staticFiles, ["static/shared/note.txt"])
        XCTAssertEqual(diagnostics.all.map(\.description),
                       ["static/passwd:1:1: error: symlink points outside the site (to /etc/passwd); refusing to publish it"])
    }
}
