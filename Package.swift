// swift-tools-version:6.0
import PackageDescription

// Module layering (imports run one way):
//   forecast (CLI) -> Report -> Simulation -> Calibration, Models -> Linear, Random -> CLAPACK
//   forecast also links BLASThreadsAtLoad (C): OpenBLAS on one thread from load time
//   Scenario is plain data (Codable types + validation) used by Simulation, Report and the CLI;
//   Models takes plain arrays (Panel) and knows nothing of scenario files.
let package = Package(
    name: "forecast",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "forecast", targets: ["forecast"]),
        .library(name: "Linear", targets: ["Linear"]),
        .library(name: "Random", targets: ["Random"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLAPACK",
            path: "Sources/CLAPACK",
            pkgConfig: "lapacke",
            providers: [.apt(["liblapacke-dev", "libopenblas-dev"])]
        ),
        .target(name: "Linear", dependencies: ["CLAPACK"]),
        .target(name: "Random", dependencies: ["Linear",
            .product(name: "Numerics", package: "swift-numerics"),
        ]),
        .target(name: "Scenario", dependencies: [
            .product(name: "CSV", package: "CSV.swift"),
        ]),
        .target(name: "Models", dependencies: ["Linear", "Random",
            .product(name: "Numerics", package: "swift-numerics"),
        ]),
        .target(name: "Calibration", dependencies: ["Linear", "Scenario",
            .product(name: "Numerics", package: "swift-numerics"),
        ]),
        .target(name: "Simulation", dependencies: ["Linear", "Random", "Models", "Scenario", "Calibration"]),
        .target(name: "Report", dependencies: ["Simulation", "Calibration", "Models", "Linear", "Scenario"]),
        .target(name: "BLASThreadsAtLoad"),
        .executableTarget(name: "forecast", dependencies: [
            "BLASThreadsAtLoad", "Report", "Simulation", "Calibration", "Models", "Scenario",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "LinearTests", dependencies: ["Linear"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RandomTests", dependencies: ["Random", "Linear",
            .product(name: "Numerics", package: "swift-numerics")]),
        .testTarget(name: "ScenarioTests", dependencies: ["Scenario"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ModelsTests", dependencies: ["Models", "Linear", "Random"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CalibrationTests", dependencies: ["Calibration", "Scenario"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "Models", "Linear", "Random", "Scenario",
            .product(name: "Numerics", package: "swift-numerics")]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Simulation", "Scenario", "Calibration",
            .product(name: "CSV", package: "CSV.swift")], resources: [.copy("Fixtures")]),
        .testTarget(name: "ForecastCLITests", dependencies: ["forecast",
            .product(name: "CSV", package: "CSV.swift")]),
        .testTarget(name: "Benchmarks", dependencies: ["Linear", "Random", "Models", "Simulation"]),
    ]
)
