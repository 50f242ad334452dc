// libFuzzer target for the decoders of forecast's input files: the scenario JSON, the history
// CSV and the past-targets CSV. Compiled with Sources/Scenario into one module by
// scripts/fuzz.sh (swiftc -sanitize=fuzzer,address -parse-as-library); not part of the package.
//
// The first byte of an input chooses the decoder (byte % 3: 0 scenario, 1 history, 2 targets;
// the committed seeds start with the digit '0', '1' or '2'); the rest is the file. A decoder
// may refuse the input (that is its job): only a trap, a crash or a hang is a failure. What a
// decoder accepts is checked for what the rest of the program relies on: finite numbers in
// their plausible ranges, years in range, a horizon after the base year.

import Foundation

/// A file in memory-backed temporary storage, rewritten for every input (the CSV loaders read
/// from a URL, as the command line does).
private let scratch: URL = {
    let dir = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    return URL(fileURLWithPath: dir).appendingPathComponent("forecast-fuzz-\(getpid()).csv")
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start, count >= 1 else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let body = Data(bytes.dropFirst())
    switch bytes[0] % 3 {
    case 0:
        guard let scenario = try? Scenario.decode(body, file: "fuzz.json", baseDirectory: URL(fileURLWithPath: "/nonexistent")) else { return 0 }
        precondition(scenario.horizonEnd > scenario.baseYear && scenario.horizonEnd - scenario.baseYear <= PlausibleRange.longestHorizon)
        precondition(PlausibleRange.years.contains(scenario.baseYear) && scenario.confidence > 0 && scenario.confidence < 1)
        for target in scenario.targets {
            precondition(PlausibleRange.problems(of: target.bound, measure: target.measure).isEmpty, "implausible bound accepted")
            precondition(scenario.horizon.contains(target.year), "target outside the horizon accepted")
        }
        for risk in scenario.risks { precondition(risk.impactPP.values.allSatisfy(PlausibleRange.points.contains)) }
        _ = try? scenario.encoded()
    case 1:
        guard (try? body.write(to: scratch)) != nil, let history = try? History.load(contentsOf: scratch) else { return 0 }
        for o in history.observations {
            precondition(PlausibleRange.value(of: o.measure).contains(o.value) && PlausibleRange.years.contains(o.year))
        }
        for series in history.allSeries() { _ = series.gaps }
    default:
        guard (try? body.write(to: scratch)) != nil, let targets = try? PastTarget.load(contentsOf: scratch) else { return 0 }
        for t in targets { precondition(PlausibleRange.years.contains(t.year)) }
    }
    return 0
}
