import Foundation

/// Something a render read. The incremental graph stores these with the hash of what was read, and re-renders an
/// output only when one of them changed (llbuild calls this a key).
public enum Dependency: Hashable, Sendable, Codable {
    /// The bytes of an input file (site-relative path; theme files as `(theme)/name`).
    case file(String)
    /// A top-level key of `sitegen.toml` (`title`, `build`, `extra`, ...).
    case config(String)
    /// A page's summary record (title, date, URL, tags, summary, ...), apart from its body.
    case pageSummary(String)
    /// The members and order of a section's list, and its subsections.
    case sectionList(String)
    /// The terms of a taxonomy.
    case taxonomyTerms(String)
    /// The pages of one term of a taxonomy.
    case termPages(taxonomy: String, term: String)
    /// The heading ids of a page, read by links that point at an anchor in it.
    case pageAnchors(String)
    /// The site-wide list of newest pages.
    case recentPages
    /// A published asset's URL.
    case asset(String)
}

/// Collects what one render reads. Each render has its own recorder, so recording needs no lock.
public final class DependencyRecorder: @unchecked Sendable {
    public private(set) var dependencies: Set<Dependency> = []

    public init() {}

    public func record(_ dependency: Dependency) { dependencies.insert(dependency) }

    /// The dependencies in a stable order, for storing and for `--explain`.
    public var sorted: [Dependency] {
        dependencies.sorted { String(describing: $0) < String(describing: $1) }
    }
}
