import Foundation

/// A calibration set: several regions' past targets and first-published outcomes, each region
/// forecast by a backtest scenario (its own history, or a stated proxy's), scored together.
///
/// ```json
/// { "name": "...", "calibration_set": { "from": 2005, "to": 2025, "regions": [
///     {"id": "china", "name": "全国 (China)", "scenario": "china-backtest.json"},
///     {"id": "beijing", "name": "北京 (Beijing)", "scenario": "calibration-province.json",
///      "targets": "../notebooks-data/provinces/beijing/targets.csv",
///      "outcomes": "../notebooks-data/provinces/beijing/history.csv", "proxy": "China"} ] } }
/// ```
/// `targets` and `outcomes` default to the scenario's backtest targets and history; `proxy`
/// names the region whose history the scenario's model runs on (nil: the region's own).
public struct CalibrationSet: Sendable {
    public struct Region: Sendable, Hashable {
        public var id: String
        public var name: String
        public var scenario: FileReference
        public var targets: FileReference?
        public var outcomes: FileReference?
        public var proxy: String?
        enum CodingKeys: String, CodingKey, CaseIterable { case id, name, scenario, targets, outcomes, proxy }
    }

    public var name: String
    /// Target years scored.
    public var from: Int
    public var to: Int
    public var regions: [Region]
    /// The file, as named to the loader.
    public var file: String

    enum CodingKeys: String, CodingKey, CaseIterable { case schema = "$schema", name, calibrationSet = "calibration_set" }
    enum SetKeys: String, CodingKey, CaseIterable { case from, to, regions }

    /// Whether JSON data is a calibration set (has a top-level "calibration_set" key).
    public static func isCalibrationSet(_ data: Data) -> Bool {
        ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any])?["calibration_set"] != nil
    }

    /// Reads and validates a calibration-set file.
    ///
    /// - Throws: `ValidationFailure` naming the JSON path of every problem: unknown or missing
    ///   keys, `from > to`, an empty region list, duplicate region ids.
    public static func load(contentsOf url: URL) throws(ValidationFailure) -> CalibrationSet {
        let text = try TextFile.read(url)
        let data = Data(text.utf8)
        let log = ProblemLog(file: url.relativePath, baseDirectory: url.deletingLastPathComponent())
        try checkSyntax(data, log: log)
        let decoder = JSONDecoder()
        decoder.userInfo[.problemLog] = log
        let entry = try? decoder.decode(Attempt<CalibrationSetEntry>.self, from: data).value
        try log.throwIfAny()
        guard var set = entry?.set else {
            throw ValidationFailure(problems: [ValidationProblem(file: url.relativePath, location: .file, message: "could not be decoded")])
        }
        set.file = url.relativePath
        return set
    }
}

struct CalibrationSetEntry: LenientDecodable {
    static var expectation: String { "a calibration set {name, calibration_set: {from, to, regions}}" }
    var set: CalibrationSet

    init(lenient decoder: any Decoder) throws {
        let f = try Fields<CalibrationSet.CodingKeys>(decoder)
        let _: String? = f.optional(.schema)
        let name: String? = f.required(.name)
        let body: CalibrationSetBody? = f.required(.calibrationSet)
        try f.finish()
        set = CalibrationSet(name: name!, from: body!.from, to: body!.to, regions: body!.regions, file: "")
    }
}

struct CalibrationSetBody: LenientDecodable {
    static var expectation: String { "an object {from, to, regions: [...]}" }
    var from: Int, to: Int
    var regions: [CalibrationSet.Region]

    init(lenient decoder: any Decoder) throws {
        let f = try Fields<CalibrationSet.SetKeys>(decoder)
        let from: Int? = f.required(.from), to: Int? = f.required(.to)
        if let from, let to, from > to { f.problem(.to, message: "expected a year >= from (\(from)), found \(to)") }
        let list = f.list(.regions, required: true, of: CalibrationSet.Region.self)
        if let list, list.isEmpty { f.problem(.regions, message: "expected at least one region") }
        var seen: [String: Int] = [:]
        for (i, r) in (list ?? []).enumerated() {
            guard let r else { continue }
            if let j = seen[r.id] {
                f.problem(.regions, AnyKey(intValue: i), AnyKey("id"), message: "duplicate region id \"\(r.id)\" (first at regions[\(j)])")
            }
            seen[r.id] = i
        }
        try f.finish()
        self.from = from!
        self.to = to!
        regions = list!.compactMap { $0 }
    }
}

extension CalibrationSet.Region: LenientDecodable {
    static var expectation: String { "a region {id, name, scenario, targets, outcomes, proxy}" }
    init(lenient decoder: any Decoder) throws {
        let f = try Fields<CodingKeys>(decoder)
        let id: String? = f.required(.id), name: String? = f.required(.name)
        let scenario = f.file(.scenario, required: true)
        let targets = f.file(.targets, required: false), outcomes = f.file(.outcomes, required: false)
        let proxy: String? = f.optional(.proxy)
        try f.finish()
        self.init(id: id!, name: name!, scenario: scenario!, targets: targets, outcomes: outcomes, proxy: proxy)
    }
}

/// A loaded calibration set: per region, its scenario input (with the region's targets) and
/// its outcomes table.
public struct CalibrationSetInput: Sendable {
    public struct Member: Sendable {
        public var region: CalibrationSet.Region
        /// The region's scenario with its past targets (`pastTargets`) replaced by the region's.
        public var input: ScenarioInput
        /// First-published outcomes of the region (its own history, never the proxy's).
        public var outcomes: History
    }

    public var set: CalibrationSet
    public var members: [Member]

    /// Loads the set and every file it names.
    ///
    /// - Throws: `ValidationFailure` with the problems of all the files, each naming its file.
    public static func load(contentsOf url: URL) throws(ValidationFailure) -> CalibrationSetInput {
        let set = try CalibrationSet.load(contentsOf: url)
        var problems: [ValidationProblem] = []
        var members: [Member] = []
        for (i, region) in set.regions.enumerated() {
            // A missing file is named where the set names it.
            let named: [(String, FileReference?)] = [("scenario", region.scenario), ("targets", region.targets), ("outcomes", region.outcomes)]
            let missing = named.compactMap { key, ref -> ValidationProblem? in
                guard let ref, !FileManager.default.fileExists(atPath: ref.url.path) else { return nil }
                return ValidationProblem(file: set.file, location: .jsonPath("calibration_set.regions[\(i)].\(key)"),
                                         message: "file not found: \(ref.written) (looked for \(ref.url.path); paths are relative to the calibration set's folder)")
            }
            guard missing.isEmpty else { problems += missing; continue }
            do throws(ValidationFailure) {
                var input = try ScenarioInput.load(contentsOf: region.scenario.url)
                if let t = region.targets { input.pastTargets = try PastTarget.load(contentsOf: t.url) }
                let outcomes: History
                if let o = region.outcomes {
                    outcomes = try History.load(contentsOf: o.url)
                } else if let h = input.scenario.history, let own = input.histories[h.url] {
                    outcomes = own
                } else {
                    throw ValidationFailure(problems: [ValidationProblem(file: set.file, location: .jsonPath("calibration_set.regions[\(i)]"),
                        message: "no outcomes table: give \"outcomes\" (the region's first-published history)")])
                }
                members.append(Member(region: region, input: input, outcomes: outcomes))
            } catch {
                problems += error.problems
            }
        }
        if !problems.isEmpty { throw ValidationFailure(problems: problems) }
        return CalibrationSetInput(set: set, members: members)
    }
}
