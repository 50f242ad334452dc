import Foundation
import XCTest
import Scenario

/// Every shipped scenario (scenarios/*.json) passes both the JSON Schema (checked by Python's
/// jsonschema, an independent implementation) and the loader with its history tables.
final class ShippedScenarioTests: XCTestCase {
    /// The package root, from this file's path (Tests/ScenarioTests/<file>).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let schemaURL = packageRoot.appendingPathComponent("scenarios/scenario.schema.json")

    static var shippedScenarios: [URL] {
        let directory = packageRoot.appendingPathComponent("scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && $0 != "scenario.schema.json" }.sorted()
            .map { directory.appendingPathComponent($0) }
            .filter { !CalibrationSet.isCalibrationSet((try? Data(contentsOf: $0)) ?? Data()) }
    }

    static var shippedCalibrationSets: [URL] {
        let directory = packageRoot.appendingPathComponent("scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { directory.appendingPathComponent($0) }
            .filter { CalibrationSet.isCalibrationSet((try? Data(contentsOf: $0)) ?? Data()) }
    }

    func testShippedCalibrationSetsLoad() throws {
        for url in Self.shippedCalibrationSets {
            do {
                let set = try CalibrationSetInput.load(contentsOf: url)
                XCTAssertFalse(set.members.isEmpty)
            } catch {
                XCTFail("\(url.lastPathComponent) does not load:\n\(error)")
            }
        }
    }

    func testShippedScenariosPassTheLoader() throws {
        let scenarios = Self.shippedScenarios
        try XCTSkipIf(scenarios.isEmpty, "no scenarios/*.json shipped yet")
        for url in scenarios {
            do {
                _ = try ScenarioInput.load(contentsOf: url)
            } catch {
                XCTFail("\(url.lastPathComponent) does not load:\n\(error)")
            }
        }
    }

    func testShippedScenariosAndCleanFixturePassTheSchema() throws {
        let files = [cleanScenarioURL] + Self.shippedScenarios
        let output = try runSchemaCheck(files)
        XCTAssertEqual(output.status, 0, "schema errors:\n\(output.text)")
    }

    /// The schema itself rejects what the loader rejects, on a few of the bad cases.
    func testSchemaRejectsBadCases() throws {
        let cases = [
            ("\"probability\": 0.3", "\"probability\": 1.3"),
            ("\"sd\": 0.3", "\"sd\": 0"),
            ("\"tolerance\": 0.5", "\"tolerance\": -0.5"),
            ("\"probability\": 0.3", "\"probabilty\": 0.3"),
            ("\"dof\": 6", "\"dof\": 2"),
            ("\"at_least\": 8.2", "\"at_least\": \"8.2%\""),
            ("\"measure\": \"level\"", "\"measure\": \"levels\""),
            // Plausible ranges the schema states too.
            ("\"dof\": 6", "\"dof\": 5000"),
            ("\"scale\": 1.0", "\"scale\": 1000000"),
            ("\"paths\": 10000", "\"paths\": 10000000000000"),
            ("\"shift_pp\": 1.0", "\"shift_pp\": 500000000000"),
            ("\"gdp\": -1.5", "\"gdp\": -1000000"),
            ("\"base_year\": 2021", "\"base_year\": 99999"),
            ("\"type\": \"bvar\", \"lags\": 1, \"prior\": \"minnesota\",", "\"type\": \"log_linear_trend\","),
        ]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [URL] = []
        for (i, (old, new)) in cases.enumerated() {
            let url = directory.appendingPathComponent("bad\(i).json")
            try Data(cleanScenario(replacing: old, with: new).utf8).write(to: url)
            XCTAssertFalse(problems(ofScenario: try String(contentsOf: url, encoding: .utf8)).isEmpty)
            files.append(url)
        }
        let output = try runSchemaCheck(files)
        XCTAssertEqual(output.status, 1)
        for (url, (_, new)) in zip(files, cases) {
            XCTAssertTrue(output.text.contains(url.path + ":"), "the schema should reject \(new)")
        }
    }

    /// The schema's enums are the loader's names.
    func testSchemaEnumsMatchTheLoader() throws {
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: Self.schemaURL)) as? [String: Any])
        let defs = try XCTUnwrap(schema["$defs"] as? [String: Any])
        func enumeration(_ object: Any?) -> [String]? { (object as? [String: Any])?["enum"] as? [String] }
        XCTAssertEqual(enumeration(defs["measure"]), Measure.allCases.map(\.rawValue))
        XCTAssertEqual(enumeration(defs["distribution"]), Distribution.allCases.map(\.rawValue))
        XCTAssertEqual(enumeration(defs["unit"]), [Units.percent] + Units.levels)
        let model = try XCTUnwrap((schema["properties"] as? [String: Any])?["model"] as? [String: Any])
        let modelProperties = model["properties"] as? [String: Any]
        // log_linear_trend models the log of a level: the loader refuses it in a scenario.
        XCTAssertEqual(enumeration(modelProperties?["type"]), ModelType.allCases.filter { $0 != .logLinearTrend }.map(\.rawValue))
        XCTAssertEqual(enumeration(modelProperties?["prior"]), Prior.allCases.map(\.rawValue))
        let indicator = (defs["indicator"] as? [String: Any])?["properties"] as? [String: Any]
        XCTAssertEqual(enumeration(indicator?["model_on"]), Measure.observable.map(\.rawValue))
        XCTAssertEqual(enumeration(indicator?["growth_prices"]), GrowthPrices.allCases.map(\.rawValue))
    }

    /// Runs python3 + jsonschema (Draft 2020-12) over `files`; skips when either is missing.
    private func runSchemaCheck(_ files: [URL]) throws -> (status: Int32, text: String) {
        let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            sys.exit(3)
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        bad = 0
        for path in sys.argv[2:]:
            for error in validator.iter_errors(json.load(open(path, encoding="utf-8-sig"))):
                bad = 1
                print(f"{path}:{error.json_path}: {error.message}")
        sys.exit(bad)
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, Self.schemaURL.path] + files.map(\.path)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { throw XCTSkip("python3 cannot be run: \(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        if process.terminationStatus == 127 { throw XCTSkip("python3 not found") }
        if process.terminationStatus == 3 { throw XCTSkip("python3 has no jsonschema module (pip install jsonschema)") }
        return (process.terminationStatus, text)
    }
}
