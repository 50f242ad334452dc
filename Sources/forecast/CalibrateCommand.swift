import ArgumentParser
import Calibration
import Foundation
import Scenario
import Simulation

/// `forecast calibrate SET --out FILE`: fits the combination on a calibration set.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Learn the calibrated P(met) from past targets and outcomes; write the combination file scenarios name.",
        discussion: """
            Runs the calibration set's rolling backtest (as `forecast backtest SET` does): for \
            each region's past targets, the model's P(met) from data up to the year before, \
            then the target-anchored forecaster and the logistic pool, each year learned from \
            the years before only. Writes FILE (JSON): every record (wording, first-published \
            outcome, model P(met)), the state learned at each origin, and how the file was \
            made. A scenario uses it with "calibration": {"file": FILE, "region": ID}. Exit \
            status 2 for invalid input, 1 when a model cannot be fitted or FILE cannot be written.
            """
    )

    @Argument(help: "Calibration-set file (.json with a calibration_set section).")
    var set: String

    @OptionGroup var options: SimulationOptions

    @Option(help: "The combination file to write.")
    var out: String

    func validate() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ValidationError("--out \(out) is a directory: give the combination file to write, e.g. \(out)/combination.json")
        }
    }

    func run() throws {
        let run = try backtestCalibrationSet(set, options: options)
        var made = "forecast calibrate \(set)"
        if let p = options.paths { made += " --paths \(p)" }
        if let s = options.seed { made += " --seed \(s)" }
        let file = CombinationFile(madeBy: made, calibrationSet: set, years: [run.set.from, run.set.to],
                                   paths: run.paths, rolling: run.rolling, trackRecord: run.trackRecord)
        let url = URL(fileURLWithPath: out)
        try writeOutputs(directory: url.deletingLastPathComponent().path, files: [url.lastPathComponent: try file.encoded()])
        let last = file.origins.last!
        // The state every later year uses: from the first year after the last outcome on.
        let from = file.origins.first { $0.trainingTargets == last.trainingTargets }?.year ?? last.year
        print("wrote \(out): \(file.records.count) records, state for targets of \(from) and later learned from \(last.trainingTargets) targets with outcomes (centre \(last.prior ?? "?"), λ = \(last.penalty.map { String(format: "%g", $0) } ?? "none")); coefficients (\(LogisticPool.names.joined(separator: ", "))) = \(last.coefficients.map { String(format: "%.3f", $0) }.joined(separator: ", "))")
        if let t = file.trackRecord, let c = t.scores(.calibrated) {
            let others = t.forecasters.filter { $0.name != ForecasterName.calibrated.rawValue }
                .map { "\($0.name) \(String(format: "%.3f", $0.brier))" }.joined(separator: ", ")
            print("scored \(t.targets) targets (\(t.firstYear)-\(t.lastYear)): Brier calibrated \(String(format: "%.3f", c.brier)); \(others)")
        }
    }
}
