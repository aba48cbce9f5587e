/// Removes what builds leave in a site: its output folder and its `.sitegen` cache.
public struct SiteCleaner {
    let fileSystem: FileSystem

    public init(fileSystem: FileSystem) {
        self.fileSystem = fileSystem
    }

    /// The removed folders, or the reason nothing was removed.
    public func clean(siteDirectory: String) -> Result<[String], Diagnostic> {
        let configPath = joinPath(siteDirectory, ConfigLoader.fileName)
        guard let text = try? fileSystem.readString(configPath) else {
            return .failure(.error("no \(ConfigLoader.fileName) in '\(siteDirectory)': not a sitegen site"))
        }
        let diagnostics = DiagnosticsEngine()
        guard let config = ConfigLoader(path: ConfigLoader.fileName, diagnostics: diagnostics).load(text)?.config,
              !diagnostics.hasErrors else {
            return .failure(diagnostics.all.first { $0.severity == .error } ?? .error("invalid \(ConfigLoader.fileName)"))
        }
        var removed: [String] = []
        for folder in [joinPath(siteDirectory, config.outputDir), joinPath(siteDirectory, ".sitegen")] where fileSystem.exists(folder) {
            do {
                try fileSystem.removeTree(folder)
                removed.append(folder)
            } catch {
                return .failure(.error("cannot remove \(folder): \(error)"))
            }
        }
        return .success(removed)
    }
}
