import Foundation

/// The current value (a hash) of every kind of dependency, computed on demand and remembered for the build.
///
/// An output is clean when every dependency it recorded last time still has the hash it had then. Facts are derived
/// from this build's site model, so a fact about a list (a section's pages, a term's pages) changes only when what
/// the list shows changes: that is the early cutoff that keeps a body edit from re-rendering every list page.
final class FactTable: @unchecked Sendable {
    private let inputHashes: [String: UInt64]
    private let templates: TemplateSet
    private let configTable: DataTable
    private let model: SiteModel
    private let values: SiteValues
    private let assetFingerprints: [String: UInt64]
    private let dataFiles: [String]
    private let lock = NSLock()
    private var memo: [String: UInt64] = [:]

    init(inputHashes: [String: UInt64], templates: TemplateSet, configTable: DataTable, model: SiteModel,
         values: SiteValues, assetFingerprints: [String: UInt64], dataFiles: [String]) {
        self.inputHashes = inputHashes
        self.templates = templates
        self.configTable = configTable
        self.model = model
        self.values = values
        self.assetFingerprints = assetFingerprints
        self.dataFiles = dataFiles
    }

    func hash(_ dependency: Dependency) -> UInt64 {
        let key = dependency.key
        lock.lock()
        if let known = memo[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let value = compute(dependency)
        lock.lock()
        memo[key] = value
        lock.unlock()
        return value
    }

    /// The dependencies with their current hashes, as an output or a body records them.
    func facts(_ dependencies: [Dependency]) -> [(key: String, hash: UInt64)] {
        dependencies.map { ($0.key, hash($0)) }
    }

    /// The first recorded dependency whose fact changed, or nil when all still hold (for body records, whose keys
    /// are few and stored as strings).
    func firstChange(in recorded: [(key: String, hash: UInt64)]) -> Dependency? {
        for (key, stored) in recorded {
            guard let dependency = Dependency(key: key) else { return .file(key) }
            if hash(dependency) != stored { return dependency }
        }
        return nil
    }

    /// Facts of the previous graph's key table by index: each key is parsed and computed at most once per build.
    /// Used only by the (single-threaded) dirty check.
    private var indexedKeys: [String] = []
    private var indexedFacts: [UInt64?] = []
    private var indexedKnown: [Bool] = []

    /// Makes `firstChange(in:)` for output records answer against `keys` (the previous graph's key table).
    func useKeyTable(_ keys: [String]) {
        indexedKeys = keys
        indexedFacts = Array(repeating: nil, count: keys.count)
        indexedKnown = Array(repeating: false, count: keys.count)
    }

    /// The first dependency of an output record whose fact changed, or nil when all still hold.
    func firstChange(in recorded: [(key: UInt32, hash: UInt64)]) -> Dependency? {
        for (index, stored) in recorded {
            let slot = Int(index)
            if !indexedKnown[slot] {
                // The array is this path's memo: compute directly, without rebuilding and hashing the key string.
                indexedFacts[slot] = Dependency(key: indexedKeys[slot]).map(compute)
                indexedKnown[slot] = true
            }
            guard let current = indexedFacts[slot] else { return .file(indexedKeys[slot]) }
            if current != stored { return Dependency(key: indexedKeys[slot]) }
        }
        return nil
    }

    private func compute(_ dependency: Dependency) -> UInt64 {
        let hasher = StableHasher()
        switch dependency {
        case .file(let path):
            if let hash = inputHashes[path] { return hash }
            if path.hasPrefix(TemplateSet.themePrefix), let bytes = BuiltinTheme.files[String(path.dropFirst(TemplateSet.themePrefix.count))] {
                return XXH3.hash(bytes)
            }
            return 0
        case .template(let name):
            return templates.fingerprint(of: name)
        case .config(let key):
            guard let value = configTable[key] else { return 0 }
            hasher.combine(value)
        case .pageSelf(let path):
            guard let page = model.pagesBySource[path] else { return 0 }
            hasher.combine(page.sourceHash)
            hasher.combine(page.bodyHash)
            hasher.combine(page.urlPath)
            hasher.combine(page.sectionDirectory ?? "")
            hasher.combine(page.bundleFiles.count)
            for file in page.bundleFiles { hasher.combine(file) }
        case .summaryField(let path, let field):
            guard let value = values.summaries[path]?[field] else { return 0 }
            hasher.combine(any: value)
        case .pageURL(let path):
            guard let page = model.pagesBySource[path] else { return model.failedSources.contains(path) ? 1 : 0 }
            hasher.combine(page.urlPath)
        case .resourceURL(let path):
            guard let url = model.resourceURLs[path] else { return 0 }
            hasher.combine(url)
        case .sectionList(let directory):
            guard let section = model.sections[directory] else { return 0 }
            hasher.combine(section.urlPath)
            hasher.combine(section.pages.count)
            for page in section.pages { hasher.combine(page.sourcePath) }
            hasher.combine(section.subsections.count)
            for sub in section.subsections { hasher.combine(sub.directory) }
            hasher.combine(section.index?.frontMatter.paginate ?? model.config.paginate)
            hasher.combine(model.hasFeed(section))
        case .neighbours(let path):
            guard let page = model.pagesBySource[path], let section = page.sectionDirectory.flatMap({ model.sections[$0] }),
                  let position = section.pages.firstIndex(where: { $0 === page }) else { return 0 }
            hasher.combine(position > 0 ? section.pages[position - 1].sourcePath : "")
            hasher.combine(position + 1 < section.pages.count ? section.pages[position + 1].sourcePath : "")
        case .taxonomyTerms(let name):
            guard let taxonomy = model.taxonomies.first(where: { $0.name == name }) else { return 0 }
            hasher.combine(taxonomy.terms.count)
            for term in taxonomy.terms {
                hasher.combine(term.slug)
                hasher.combine(term.name)
                hasher.combine(term.pages.count)
            }
        case .termPages(let name, let slug):
            guard let term = model.taxonomies.first(where: { $0.name == name })?.terms.first(where: { $0.slug == slug }) else { return 0 }
            hasher.combine(term.name)
            hasher.combine(term.pages.count)
            for page in term.pages { hasher.combine(page.sourcePath) }
        case .recentPages:
            for page in model.recent { hasher.combine(page.sourcePath) }
            hasher.combine(model.newestDate?.year ?? 0)
        case .feedEntries(let directory):
            guard let section = model.sections[directory] else { return 0 }
            for page in model.feedPages(of: section).prefix(OutputRenderer.feedSize) { hasher.combine(page.sourcePath) }
        case .data:
            for path in dataFiles {
                hasher.combine(path)
                hasher.combine(inputHashes[path] ?? 0)
            }
        case .asset(let name):
            guard let fingerprint = assetFingerprints[name] else { return 0 }
            hasher.combine(fingerprint)
        }
        return hasher.finalize()
    }
}
