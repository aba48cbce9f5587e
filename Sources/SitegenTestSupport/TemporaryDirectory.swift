import Foundation
import SitegenCore

/// A fresh folder under the system's temporary folder, removed when the value is released.
public final class TemporaryDirectory {
    public let path: String

    public init(prefix: String = "sitegen-test") {
        let template = NSTemporaryDirectory() + "/\(prefix)-XXXXXX"
        var bytes = Array(template.utf8CString)
        let created = bytes.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(created != nil, "cannot create a temporary folder")
        path = String(cString: created!).replacingOccurrences(of: "//", with: "/")
    }

    deinit {
        try? LocalFileSystem().removeTree(path)
    }

    public func sub(_ relative: String) -> String { path + "/" + relative }
}
