/// What a build is asked to do; the command line fills it, tests construct it directly.
public struct BuildOptions: Sendable {
    /// The site folder (absolute).
    public var siteDirectory: String
    /// Where to write; nil means the config's `output_dir` inside the site.
    public var outputDirectory: String?
    /// Where the build keeps its state between runs; `SITE/.sitegen` when nil.
    public var cacheDirectory: String?
    public var drafts = false
    public var future = false
    public var baseURL: String?
    /// Broken links and anchors are errors instead of warnings.
    public var strict = false
    /// Fill the report's `explanations`: why each rendered or copied output was produced again.
    public var explain = false
    /// Write `.br`/`.gz` siblings as `[compress]` says; false skips them (`--no-compress`, quick local builds, watch).
    public var compress = true
    /// Overrides `[build] minify` (tests that compare exact markup build unminified).
    public var minify: Bool?
    /// Threads for parsing and rendering; the core count by default.
    public var jobs: Int
    /// The instant "future-dated" is measured against, in seconds since 1970; the current time when nil. Tests fix
    /// it so that output never depends on the day they run.
    public var now: Int64?
    /// Called as each phase starts, with its name, so a front end can show progress; the engine itself never prints.
    public var progress: (@Sendable (String) -> Void)?

    public init(siteDirectory: String, outputDirectory: String? = nil, jobs: Int = 0) {
        self.siteDirectory = siteDirectory
        self.outputDirectory = outputDirectory
        self.jobs = jobs > 0 ? jobs : ProcessorCount.active
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The number of cores this process may use.
public enum ProcessorCount {
    public static var active: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
