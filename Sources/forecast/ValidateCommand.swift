import ArgumentParser
import Foundation
import Scenario
import Simulation

/// `forecast validate FILE...`: checks scenarios and tables, printing every problem.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario (.json) and history or targets (.csv) files.",
        discussion: """
            A scenario is checked with the history and targets tables it names, and then as \
            simulate checks it before simulating: its model is fitted (minimum data, fallbacks) \
            and every target is mapped (level slots, proxies, prices). Every problem is printed \
            to standard error as FILE:LOCATION: MESSAGE (LOCATION is a line of a CSV file or a \
            JSON path such as targets[3].at_least), every warning as FILE:PATH: warning: \
            MESSAGE; each file without problems prints "ok: FILE". Exit status 0 when every \
            file is clean (warnings allowed, unless --strict), 2 when a file is invalid (or, \
            under --strict, has warnings), 1 when a scenario's model cannot be fitted.
            """
    )

    @Argument(help: "Scenario (.json), history or targets (.csv) files.")
    var files: [String]

    @OptionGroup var strictness: StrictOption

    func run() throws {
        var status: ExitCode = .success
        for file in files {
            let checked: FileCheck.Checked
            do throws(ValidationFailure) {
                checked = try FileCheck.validate(URL(fileURLWithPath: file))
            } catch {
                status = ExitStatus.invalidInput
                printError(error.description)
                continue
            }
            switch checked {
            case .scenario(let input):
                do {
                    try checkCalibration(file, input, strict: strictness.strict)
                    let prepared = try checkScenario(file, input, strict: strictness.strict)
                    print("ok: \(file)" + (prepared.warnings.isEmpty ? "" : " (\(prepared.warnings.count) warning\(prepared.warnings.count == 1 ? "" : "s"))"))
                } catch let code as ExitCode {
                    if status == .success || code == ExitStatus.invalidInput { status = code }
                }
            case .jsonSchema:
                print("ok: \(file) (a JSON Schema: read as JSON only, not as a scenario)")
            case .other:
                print("ok: \(file)")
            }
        }
        if status != .success { throw status }
    }
}
