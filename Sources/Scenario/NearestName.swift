/// Levenshtein edit distance (insertions, deletions, substitutions, each of cost 1) between
/// two strings, on Unicode characters. O(|a| |b|) time, O(|b|) memory.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// The candidate nearest to `name` by edit distance, if it is close enough to be a likely typo
/// (distance at most 2, or a third of the name's length for long names), else the one candidate
/// that `name` begins (`growth` for `growth_pct`).
func nearest(to name: String, in candidates: [String]) -> String? {
    let prefixed = candidates.filter { name.count >= 3 && $0.lowercased().hasPrefix(name.lowercased()) }
    if prefixed.count == 1, editDistance(name, prefixed[0]) > 2 { return prefixed[0] }
    let scored = candidates.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    return best.1 <= max(2, name.count / 3) ? best.0 : nil
}

/// "unknown key "probabilty": did you mean "probability"?" or, with no close candidate,
/// "unknown key "foo": expected one of "a", "b"".
func unknownNameMessage(_ what: String, _ name: String, valid: [String]) -> String {
    if let guess = nearest(to: name, in: valid) {
        return "unknown \(what) \"\(name)\": did you mean \"\(guess)\"?"
    }
    return "unknown \(what) \"\(name)\": expected one of " + valid.map { "\"\($0)\"" }.joined(separator: ", ")
}
