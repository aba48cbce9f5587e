/// Turns titles and taxonomy terms into URL path parts.
///
/// Letters and digits (any script) are kept and lowercased; every other run of characters becomes one `-`. The result
/// never contains `/`, `.` or `..`, so a slug can never move an output outside its folder.
public enum Slug {
    public static func make(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let props = scalar.properties
            if props.isAlphabetic || props.numericType != nil || scalar == "_" {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            } else {
                pendingDash = true
            }
        }
        return result
    }
}
