// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "k1",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "k1", targets: ["k1"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // libedit through a system-library module map (apt: libedit-dev).
        .systemLibrary(
            name: "CEditLine",
            path: "Modules/CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // Paths, atomic files and reads, file stamps, locks, configuration, terminal styling, child processes (the
        // process runner and the PATH lookup), and reading the current context and namespace from kubeconfig (the one
        // piece of kubectl knowledge here). No model knowledge.
        .target(name: "Support", dependencies: [
            .product(name: "Yams", package: "Yams"), .product(name: "Subprocess", package: "swift-subprocess"),
        ]),
        // kubectl knowledge: line parsing, verb/flag/resource tables, get-table parser, normaliser, risk. No I/O.
        .target(name: "KubectlKit", exclude: ["Generated/generate-tables.py"]),
        // libedit in Swift: prompt, prefill, cancel keys, completion, history.
        .target(name: "LineEditor", dependencies: ["CEditLine"]),
        // Session context, history store, session files.
        .target(name: "Session", dependencies: ["KubectlKit", "Support"]),
        // The HTTP transport to model servers. Scope frozen: HTTP/1.1 as llama-server, Ollama and OpenAI-compatible
        // servers send it (Content-Length, chunked or close-delimited bodies; SSE and NDJSON lines; no redirects).
        // Plain http to this machine goes through the loopback socket client, because URLSession's streaming burned
        // ~70 % of a core while tokens arrived; anything else (LAN, https) goes through URLSession. Also the
        // transport's error type (LLMError), the endpoint and its error mapping, and JSON values.
        .target(name: "HTTP", dependencies: ["Support"]),
        // Installed model runtime: the managed llama-server (process, store, watcher, port, lock, record, status,
        // prompt snapshots), the runtime and model installers, the model catalog, progress bars.
        .target(name: "Runtime", dependencies: ["HTTP", "Support"]),
        // Model backends (llama-server, Ollama, OpenAI-compatible) behind one protocol, their wire types, the factory.
        .target(name: "LLM", dependencies: ["HTTP", "Runtime", "Support"]),
        // Natural language to kubectl: prompt, sanitizer, validation, cache.
        .target(name: "Translate", dependencies: ["LLM", "HTTP", "KubectlKit", "Session", "Support"], resources: [.copy("Resources")]),
        // The REPL loop, command runner, completion, replay.
        .target(
            name: "Shell",
            dependencies: [
                "LineEditor", "KubectlKit", "Session", "LLM", "HTTP", "Translate", "Support",
                .product(name: "Subprocess", package: "swift-subprocess"),
            ],
            // Optimised, the dry-run preview's capture of kubectl crashed in swift_release (Swift 6.3.1); this layer
            // only waits on processes and the terminal, so it loses nothing measurable unoptimised.
            swiftSettings: [.unsafeFlags(["-Onone"], .when(configuration: .release))]
        ),
        // The translation benchmark and the micro-benchmarks (`k1 bench`), above Translate and Shell so that it times
        // both. The syntax oracle (SyntaxOracle*, behind Translate's CommandOracle protocol) stays in Translate: the
        // validator checks answers with it, and this target, being above Translate, uses the same one.
        .target(
            name: "Bench",
            dependencies: ["Translate", "Shell", "LineEditor", "LLM", "HTTP", "Session", "KubectlKit", "Support"]
        ),
        .executableTarget(
            name: "k1",
            dependencies: [
                "Bench", "Shell", "Translate", "LLM", "Runtime", "HTTP", "Session", "KubectlKit", "LineEditor", "Support",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets: temporary directories, XDG environments, `sourceLocation:`-forwarding checks,
        // a scripted backend, the shipped benchmark's path, snapshot files (`Snapshots/NAME.txt`) with a line diff.
        .target(name: "TestSupport", dependencies: ["LLM", "Support"], path: "Tests/TestSupport"),
        .testTarget(name: "SupportTests", dependencies: ["Support"]),
        .testTarget(name: "KubectlKitTests", dependencies: ["KubectlKit"]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
        .testTarget(name: "SessionTests", dependencies: ["Session", "KubectlKit", "Support", "TestSupport"]),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP", "Support", "TestSupport"]),
        .testTarget(name: "RuntimeTests", dependencies: ["Runtime", "HTTP", "Support", "TestSupport"]),
        .testTarget(name: "LLMTests", dependencies: ["LLM", "Runtime", "HTTP", "Support", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BenchTests", dependencies: ["Bench", "Translate", "LLM", "HTTP", "KubectlKit", "Session", "Support", "TestSupport"],
                    resources: [.copy("Snapshots")]),
        .testTarget(name: "TranslateTests", dependencies: ["Translate", "Bench", "TestSupport", "LLM", "HTTP", "KubectlKit", "Session", "Support"]),
        .testTarget(name: "ShellTests", dependencies: ["Shell", "Translate", "LineEditor", "LLM", "KubectlKit", "Session", "Support", "TestSupport"],
                    resources: [.copy("Snapshots")]),
        // The command line of the k1 executable: its commands and options, parsed as a user types them.
        .testTarget(name: "K1Tests", dependencies: ["k1", "Bench", "Translate", "KubectlKit", "Support", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // Drives the built k1 binary through a real pseudo-terminal (tmux) against real kubectl.
        .testTarget(name: "EndToEndTests", dependencies: ["Support"], resources: [.copy("Fixtures")]),
    ]
)
