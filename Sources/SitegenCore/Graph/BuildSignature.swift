/// Everything that can change the output of every page at once, hashed together. When it differs from the stored
/// graph's, the build starts over: a new sitegen (its rendering may differ), another base URL, drafts or future
/// pages switched on, or a config key that pages do not record individually (`[build]` with its minify and fingerprint switches, `[markdown]`,
/// `date_format`, `language`, ...). Keys that renders record individually (`title`, `menu`, `extra`, ...) are
/// left out, so editing them re-renders only the pages that show them.
enum BuildSignature {
    /// Bumped whenever a change to sitegen changes what it renders for the same input.
    static let engineRevision = "sitegen 0.1.0 render 2"
    /// Config keys that reach templates through recorded reads (`Dependency.config`).
    static let recordedConfigKeys: Set<String> = ["title", "description", "author", "menu", "extra"]

    /// The built-in theme, files and contents: a sitegen with another theme renders differently.
    static let themeHash: UInt64 = {
        let hasher = StableHasher()
        for path in BuiltinTheme.files.keys.sorted() {
            hasher.combine(path)
            hasher.combine(XXH3.hash(BuiltinTheme.files[path]!))
        }
        return hasher.finalize()
    }()

    static func compute(configTable: DataTable, config: SiteConfig, options: BuildOptions) -> UInt64 {
        let hasher = StableHasher()
        hasher.combine(engineRevision)
        hasher.combine(themeHash)
        hasher.combine(UInt64(BuildGraph.formatVersion))
        hasher.combine(config.baseURL)
        hasher.combine(config.drafts)
        hasher.combine(config.future)
        hasher.combine(config.minify)
        hasher.combine(config.fingerprint)
        // `[compress]` only decides the `.br`/`.gz` siblings, which are kept apart by content hash (`Precompressor`).
        for key in configTable.keys.sorted() where !recordedConfigKeys.contains(key) && key != "base_url" && key != "compress" {
            hasher.combine(key)
            hasher.combine(configTable[key]!)
        }
        return hasher.finalize()
    }
}
