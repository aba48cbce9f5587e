// Placeholder until the minifiers land (branch `minify`): returns its input.
public enum MinifyKind: Sendable { case html, css, js, json, svg, xml }

public enum Minifier {
    public static func kind(forPath path: String) -> MinifyKind? {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) {
        case "html", "htm": return .html
        case "css": return .css
        case "js", "mjs": return .js
        case "json", "webmanifest": return .json
        case "svg": return .svg
        case "xml": return .xml
        default: return nil
        }
    }

    public static func minify(_ bytes: [UInt8], kind: MinifyKind) -> [UInt8] { bytes }
}
