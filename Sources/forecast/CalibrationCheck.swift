import ArgumentParser
import Calibration
import Foundation
import Scenario

/// The checks of a scenario's combination file that `validate` and `simulate` share: it must
/// read as a combination file (exit 2, naming `calibration.file`), and the scenario's region
/// should have records in it (a warning: the region then borrows entirely from the others;
/// an error under `--strict`).
func checkCalibration(_ path: String, _ input: ScenarioInput, strict: Bool) throws {
    guard let c = input.scenario.calibration else { return }
    let records: [TargetRecord]
    do {
        records = try CombinationFile.load(contentsOf: c.file.url).targetRecords()
    } catch {
        printError("\(path):calibration.file: \(c.file.written) is not a usable combination file (write it with `forecast calibrate CALIBRATION-SET --out FILE`): \(error)")
        throw ExitStatus.invalidInput
    }
    if !records.contains(where: { $0.region == c.region }) {
        let regions = Array(Set(records.map(\.region))).sorted()
        let message = "\(path):calibration.region: warning: \"\(c.region)\" has no past targets in \(c.file.written); its target-anchored forecast borrows entirely from the other regions (regions in the file: \(regions.prefix(12).joined(separator: ", "))\(regions.count > 12 ? ", ..." : ""))"
        printError(message)
        if strict { throw ExitStatus.invalidInput }
    }
}
