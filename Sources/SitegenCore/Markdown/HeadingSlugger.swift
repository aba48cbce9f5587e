/// Turns heading titles into ids that are unique within one page, the way GitHub does, so that `#anchors` people
/// copy from GitHub keep working on the generated site.
///
/// One slugger per page: it remembers the ids it handed out (`intro`, then `intro-1`, `intro-2`).
struct HeadingSlugger {
    private var used: Set<String>
    private var suffixes: [String: Int] = [:]

    /// `reserved` holds the page's explicit `{#id}`s: they were chosen by the author, so generated ids step around
    /// them instead of the other way round.
    init(reserved: Set<String> = []) {
        used = reserved
    }

    /// A unique id for a heading with this plain-text title.
    mutating func id(for title: String) -> String {
        let base = Self.slug(title)
        var candidate = base
        if used.contains(candidate) {
            var suffix = suffixes[base, default: 0]
            repeat {
                suffix += 1
                candidate = "\(base)-\(suffix)"
            } while used.contains(candidate)
            suffixes[base] = suffix
        }
        used.insert(candidate)
        return candidate
    }

    /// GitHub's slug: lowercase (Unicode-aware), keep letters, marks, decimal digits, connector punctuation (`_`) and
    /// `-`, turn each space into `-`, drop everything else. Marks stay because dropping them would break words in
    /// scripts such as Devanagari. Runs of spaces are not merged (GitHub does not merge them either). An empty result
    /// becomes `section`, so every heading can be linked to.
    static func slug(_ title: String) -> String {
        var slug = String.UnicodeScalarView()
        for scalar in title.lowercased().unicodeScalars {
            switch scalar {
            case " ", "-":
                slug.append("-")
            default:
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                    .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation:
                    slug.append(scalar)
                default:
                    break
                }
            }
        }
        return slug.isEmpty ? "section" : String(slug)
    }
}
