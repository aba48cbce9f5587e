import Foundation

/// The built-in default theme (the repository's `templates/`), compiled into the binary so that `sitegen` works
/// from anywhere, with no theme folder to install.
public enum BuiltinTheme {
    /// Theme-relative path to file bytes.
    public static let files: [String: [UInt8]] = {
        var result: [String: [UInt8]] = [:]
        for (path, base64) in EmbeddedTheme.files {
            result[path] = Array(Data(base64Encoded: base64) ?? Data())
        }
        return result
    }()
}
