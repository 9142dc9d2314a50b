// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "chiiki",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "chiiki", targets: ["chiiki"]),
    .library(name: "Chiiki", targets: ["Chiiki"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
  ],
  targets: [
    // libcsv from Debian's libcsv-dev; it ships no pkg-config file, so the module map links it.
    .systemLibrary(
      name: "CLibCSV",
      path: "Sources/CLibCSV",
      providers: [.apt(["libcsv-dev"])]
    ),
    // SHA-256 block function with the x86 SHA extensions (portable C elsewhere): the manifest
    // fingerprints every input, 2 GB at national scale.
    .target(name: "CSHA256", path: "Sources/CSHA256"),
    .target(name: "CMemory", path: "Sources/CMemory"),
    .target(
      name: "Chiiki",
      dependencies: [
        "CLibCSV",
        "CSHA256",
        "CMemory",
        .product(name: "Mustache", package: "swift-mustache"),
      ]
    ),
    .executableTarget(
      name: "chiiki",
      dependencies: [
        "Chiiki",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Fuzz target (issue 8): a corpus replay tool in a normal build; a libFuzzer target when built
    // with -Xswiftc -sanitize=fuzzer -Xswiftc -DCHIIKI_FUZZ (Scripts/fuzz.sh).
    .executableTarget(
      name: "chiiki-fuzz",
      dependencies: ["Chiiki"]
    ),
    .testTarget(
      name: "ChiikiTests",
      dependencies: ["Chiiki", "CSHA256"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "ChiikiCLITests",
      dependencies: ["chiiki"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
