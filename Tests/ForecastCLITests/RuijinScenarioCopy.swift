import Foundation

extension ForecastExecutable {
    /// A copy of scenarios/ruijin-2022.json written to `dir/name`, its relative history paths
    /// made absolute, after `edit` changes its JSON object.
    static func ruijinCopy(in dir: URL, name: String = "s.json", _ edit: (inout [String: Any]) -> Void) throws -> URL {
        let root = packageRoot
        var json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: root.appendingPathComponent("scenarios/ruijin-2022.json"))) as! [String: Any]
        let absolute = { (p: String) in root.appendingPathComponent("scenarios").appendingPathComponent(p).standardized.path }
        json["history"] = absolute(json["history"] as! String)
        var indicators = json["indicators"] as! [[String: Any]]
        for i in indicators.indices { if let h = indicators[i]["history"] as? String { indicators[i]["history"] = absolute(h) } }
        json["indicators"] = indicators
        edit(&json)
        let url = dir.appendingPathComponent(name)
        try JSONSerialization.data(withJSONObject: json).write(to: url)
        return url
    }
}
