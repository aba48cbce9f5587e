// swift-tools-version:6.0
import PackageDescription

/// sitegen: a static site generator with a persistent, provably correct incremental build graph.
///
/// The C libraries come from Debian's `-dev` packages (see `.ci/run`), each wrapped by a system-library target
/// and exactly one Swift file in SitegenCore that owns its pointers.
let package = Package(
    name: "sitegen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
        .library(name: "SitegenCore", targets: ["SitegenCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // The dev server's sockets and HTTP/1.1 parsing (`sitegen watch`): small, no SwiftNIO, a clean debug build of
        // it takes about 9 s on 2 cores.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(name: "CCmarkGFM",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CXXHash", providers: [.apt(["libxxhash-dev"])]),
        .systemLibrary(name: "CBrotli", providers: [.apt(["libbrotli-dev"])]),
        .systemLibrary(name: "CDeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CCrypto", providers: [.apt(["libssl-dev"])]),
        .target(
            name: "SitegenCore",
            dependencies: [
                "CCmarkGFM", "CXXHash", "CBrotli", "CDeflate", "CCrypto",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ],
            plugins: ["EmbedTheme"]
        ),
        // `sitegen watch`: the request -> response function, live reload, file watchers, and the socket shell.
        .target(
            name: "SitegenServer",
            dependencies: ["SitegenCore", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .target(
            name: "SitegenCommands",
            dependencies: [
                "SitegenCore",
                "SitegenServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "sitegen", dependencies: ["SitegenCommands"]),
        // Turns the repository's `templates/` (the default theme) into Swift source, so the binary carries it.
        .executableTarget(name: "theme-embedder", path: "Sources/theme-embedder"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["theme-embedder"]),
        // Times markdown rendering for each parse locking mode (bench/markdown-parallel.sh); not part of any product.
        .executableTarget(name: "markdown-bench", dependencies: ["SitegenCore"]),
        // Minifies files for bench/minify-compare.sh (bytes saved against tdewolff's minify); not part of any product.
        .executableTarget(name: "minify-bench", dependencies: ["SitegenCore"]),
        .target(name: "SitegenTestSupport", dependencies: ["SitegenCore"]),
        .testTarget(name: "SitegenCoreTests", dependencies: ["SitegenCore", "SitegenTestSupport"]),
        .testTarget(name: "SitegenServerTests", dependencies: ["SitegenServer", "SitegenTestSupport"]),
        .testTarget(
            name: "SitegenEndToEndTests",
            dependencies: ["SitegenCore", "SitegenCommands", "SitegenTestSupport"],
            exclude: ["Fixtures"]
        ),
    ]
)
