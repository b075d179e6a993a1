// swift-tools-version:6.0
import PackageDescription

/// preflight: checks digital-human materials (video, photo, voice) against the
/// Tencent Cloud customization limits locally, before upload.
let package = Package(
    name: "preflight",
    products: [
        .library(name: "Preflight", targets: ["Preflight"]),
        .executable(name: "preflight", targets: ["PreflightCLI"]),
        // dlib's face detector as its own shared library, opened by CFaceLoader on first use only.
        .library(name: "PreflightFaces", type: .dynamic, targets: ["CFaceDetector"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // `swift package generate-documentation` (make docs); nothing of it is linked.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // Headers only, of FFmpeg (libavformat-dev, libavcodec-dev, libavutil-dev, libswresample-dev),
        // libsndfile (libsndfile1-dev) and libzip (libzip-dev), all in /usr/include: the libraries are not
        // linked but opened on first use by CLazyLibraries, so no pkg-config (it adds -l).
        .systemLibrary(name: "CFFmpeg"),
        .systemLibrary(name: "CSndFile"),
        .systemLibrary(name: "CZip"),
        // Defines every FFmpeg, libsndfile and libzip function preflight calls as a trampoline into its
        // library, opened with dlopen() on first use: a photo check maps none of them (FFmpeg alone
        // brings ~130 shared libraries; libsndfile and libzip bring codecs and libcrypto).
        .target(name: "CLazyLibraries", dependencies: ["CFFmpeg"], linkerSettings: [.linkedLibrary("dl")]),
        // One system library per other C library, found through pkg-config.
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CJPEG", pkgConfig: "libjpeg", providers: [.apt(["libjpeg-dev"])]),
        .systemLibrary(name: "CWebP", pkgConfig: "libwebp", providers: [.apt(["libwebp-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // libjpeg's default error handler calls exit(); this C target replaces it with a longjmp.
        .target(name: "CJPEGErrorTrap", dependencies: ["CJPEG"]),
        // Decodes every pixel of a JPEG, PNG or WebP to reduced 8-bit luma, row by row, with each
        // library's errors trapped (libjpeg's and libpng's through setjmp).
        .target(name: "CPixelDecode", dependencies: ["CPNG", "CJPEG", "CWebP"]),
        // dlib's HOG face detector and 68-point landmarks (C++, libdlib-dev) behind an extern "C"
        // surface; linked into the PreflightFaces shared library only, never into Preflight.
        // dlib's detector is header templates: optimised in every configuration, and left out of the sanitized
        // tree's instrumentation (ASan, libFuzzer's coverage), which would instrument all of dlib's templates;
        // the shim's own C surface is small.
        .target(name: "CFaceDetector", cxxSettings: [.unsafeFlags(["-O2", "-fno-sanitize=address", "-fno-sanitize=fuzzer-no-link"])],
                linkerSettings: [.linkedLibrary("dlib")]),
        // Opens PreflightFaces with dlopen() on first use, so only a face check maps dlib.
        .target(name: "CFaceLoader", linkerSettings: [.linkedLibrary("dl")]),
        // A copy with non-temporal stores, for the audio batches handed from one thread to another.
        .target(name: "CStreamingCopy"),
        // The audio pass's hottest loops for 256-bit vectors (AVX2, chosen at run time per function with
        // `target` attributes, so no flags: the same in the sanitized build); Swift keeps the portable loops.
        .target(name: "CAudioKernels"),
        // Embeds rules/ into the library at build time.
        .executableTarget(name: "RuleEmbedder"),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["RuleEmbedder"]),
        .target(
            name: "Preflight",
            dependencies: [
                "CFFmpeg", "CLazyLibraries", "CSndFile", "CZip", "CPNG", "CJPEG", "CWebP", "CZlib", "CJPEGErrorTrap", "CStreamingCopy", "CAudioKernels",
                "CPixelDecode", "CFaceLoader",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: [.swiftLanguageMode(.v5)],
            plugins: ["EmbedRules"]),
        // The command-line tool: built as `preflight`, named apart from the library so the two cannot
        // collide on a case-insensitive disk.
        .executableTarget(
            name: "PreflightCLI",
            dependencies: ["Preflight", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: [.swiftLanguageMode(.v5)]),
        // Small programs that use the library as an app would (Examples/); built with the package.
        .executableTarget(name: "example-check", dependencies: ["Preflight"], path: "Examples/CheckFiles"),
        .executableTarget(name: "example-custom-rules", dependencies: ["Preflight"], path: "Examples/CustomRules"),
        .executableTarget(name: "example-gate", dependencies: ["Preflight"], path: "Examples/GateWrapper"),
        // The audio-quality calibration harness (make calibrate and the calibration tests), not part of the library.
        .target(
            name: "PreflightCalibration",
            dependencies: ["Preflight", "CFFmpeg", "CLazyLibraries", "CSndFile"],
            swiftSettings: [.swiftLanguageMode(.v5)]),
        // One input through one reader, for libFuzzer (PreflightFuzz) and the fuzz regression tests.
        .target(name: "PreflightFuzzTargets", dependencies: ["Preflight"], swiftSettings: [.swiftLanguageMode(.v5)]),
        // Calls libFuzzer's driver when `make fuzz` links it in (-DPREFLIGHT_LIBFUZZER).
        .target(name: "CFuzzerDriver"),
        // Fuzzes one FuzzTarget under libFuzzer (`make fuzz`), or replays inputs through it.
        .executableTarget(
            name: "PreflightFuzz",
            dependencies: ["Preflight", "PreflightFuzzTargets", "CFuzzerDriver"],
            swiftSettings: [.swiftLanguageMode(.v5)]),
        // What the tests share: paths to the fixtures, running the built tool, resource bounds.
        .target(name: "PreflightTestSupport", path: "Tests/PreflightTestSupport"),
        // The library through its Swift API: probes, analysis, rules, reports.
        .testTarget(
            name: "PreflightTests",
            dependencies: ["Preflight", "PreflightCalibration", "PreflightFuzzTargets", "PreflightTestSupport"],
            swiftSettings: [.swiftLanguageMode(.v5)]),
        // The built `preflight` end to end: arguments, output formats, exit codes, the gate, hostile input.
        .testTarget(
            name: "PreflightCLITests",
            dependencies: ["Preflight", "PreflightCalibration", "PreflightTestSupport"],
            swiftSettings: [.swiftLanguageMode(.v5)]),
        // The audio estimates against known truth: synthetic signals, image-source rooms, annotated speech.
        .testTarget(
            name: "PreflightCalibrationTests",
            dependencies: ["Preflight", "PreflightCalibration", "PreflightTestSupport"],
            swiftSettings: [.swiftLanguageMode(.v5)]),
    ]
)

#if arch(x86_64)
// The face detector again, for processors with AVX2 and FMA: the same sources (each file of
// Sources/CFaceDetectorAVX2 includes its CFaceDetector original), compiled with those instructions and
// without floating-point contraction, so that it finds the same faces with the same numbers, a
// quarter faster. CFaceLoader opens it instead of libPreflightFaces.so on a processor that has both.
package.products.append(.library(name: "PreflightFacesAVX2", type: .dynamic, targets: ["CFaceDetectorAVX2"]))
package.targets.append(.target(
    name: "CFaceDetectorAVX2",
    cxxSettings: [.unsafeFlags(["-O2", "-mavx2", "-mfma", "-ffp-contract=off", "-fno-sanitize=address", "-fno-sanitize=fuzzer-no-link"])],
    linkerSettings: [.linkedLibrary("dlib")]))
#endif
