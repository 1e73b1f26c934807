// swift-tools-version:6.0
import PackageDescription

// Shared settings: Swift 6 language mode (strict concurrency) everywhere.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "notapest",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "notapest", targets: ["notapest"])
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(name: "CLinux", path: "Sources/CLinux"),
        .target(name: "System", dependencies: ["CLinux"], swiftSettings: swiftSettings),
        .target(name: "Time", swiftSettings: swiftSettings),
        .target(name: "JSON", swiftSettings: swiftSettings),
        .target(name: "Crypto", swiftSettings: swiftSettings),
        .target(name: "HTTP", dependencies: ["CLinux", "JSON", "System", "Time"], swiftSettings: swiftSettings),
        .target(name: "SQLite", dependencies: ["CSQLite"], swiftSettings: swiftSettings),
        .target(name: "Guidance", dependencies: ["Time"], swiftSettings: swiftSettings),
        .target(name: "Store", dependencies: ["SQLite", "System", "JSON", "Crypto"], swiftSettings: swiftSettings),
        .target(name: "Outgoing", dependencies: ["CLinux"], swiftSettings: swiftSettings),
        .executableTarget(name: "notapest-https", dependencies: ["Outgoing", "System"], swiftSettings: swiftSettings),
        .target(
            name: "Reminders",
            dependencies: ["Crypto", "Guidance", "JSON", "Outgoing", "Store", "System", "Time"],
            swiftSettings: swiftSettings),
        .target(
            name: "API",
            dependencies: ["CLinux", "HTTP", "JSON", "Store", "Guidance", "Reminders", "System", "Time"],
            resources: [.embedInCode("Resources/openapi.yaml"), .embedInCode("Resources/app")],
            swiftSettings: swiftSettings),
        .target(
            name: "App", dependencies: ["HTTP", "API", "Reminders", "Store", "SQLite", "System", "Time"],
            swiftSettings: swiftSettings),
        // notapest-https is a dependency so that building notapest builds the helper it starts beside itself; it is
        // not linked in (an executable target's dependency on another is for building only).
        .executableTarget(name: "notapest", dependencies: ["App", "notapest-https"], swiftSettings: swiftSettings),
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: swiftSettings),
        .testTarget(
            name: "HTTPTests", dependencies: ["HTTP", "CLinux", "System", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SQLiteTests", dependencies: ["SQLite", "CSQLite", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "GuidanceTests", dependencies: ["Guidance", "Time"], swiftSettings: swiftSettings),
        .testTarget(name: "JSONTests", dependencies: ["JSON"], swiftSettings: swiftSettings),
        .testTarget(name: "CryptoTests", dependencies: ["Crypto"], swiftSettings: swiftSettings),
        .testTarget(name: "SystemTests", dependencies: ["System"], swiftSettings: swiftSettings),
        .testTarget(name: "TimeTests", dependencies: ["Time"], swiftSettings: swiftSettings),
        .testTarget(name: "OutgoingTests", dependencies: ["Outgoing", "System"], swiftSettings: swiftSettings),
        .testTarget(
            name: "StoreTests", dependencies: ["Store", "SQLite", "System", "Crypto", "TestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "APITests",
            dependencies: [
                "API", "App", "Crypto", "HTTP", "JSON", "Store", "Guidance", "Reminders", "Time", "TestSupport",
            ],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "RemindersTests",
            dependencies: [
                "App", "Reminders", "API", "Crypto", "Guidance", "HTTP", "JSON", "Outgoing", "notapest-https",
                "Store", "System", "Time", "TestSupport",
            ],
            swiftSettings: swiftSettings),
        .testTarget(name: "AppTests", dependencies: ["App", "HTTP", "TestSupport"], swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
