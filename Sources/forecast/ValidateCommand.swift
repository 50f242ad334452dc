import ArgumentParser
import Foundation
import Scenario

/// `forecast validate FILE...`: checks scenarios and tables, printing every problem.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario (.json) and history or targets (.csv) files.",
        discussion: """
            A scenario is checked with the history and targets tables it names. Every problem is \
            printed to standard error as FILE:LOCATION: MESSAGE (LOCATION is a line of a CSV file \
            or a JSON path such as targets[3].at_least); each clean file prints "ok: FILE". \
            Exits 0 when every file is clean, 2 otherwise.
            """
    )

    @Argument(help: "Scenario (.json), history or targets (.csv) files.")
    var files: [String]

    func run() throws {
        var allClean = true
        for file in files {
            do throws(ValidationFailure) {
                try FileCheck.validate(URL(fileURLWithPath: file))
                print("ok: \(file)")
            } catch {
                allClean = false
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
            }
        }
        if !allClean { throw ExitCode(2) }
    }
}
