/// What a work report states about a target, before it is read: the number and the bound word.
///
/// Values in percent for growth and rates, in the indicator's unit for levels.
public enum Wording: Sendable, Hashable {
    /// 以上, 突破, or a bare number: at least `x`.
    case atLeast(Double)
    /// 以内, 控制在: at most `x`.
    case atMost(Double)
    /// 左右: about `x`, with the stated (or default 0.5 pp) tolerance.
    case around(Double, tolerance: Double)
    /// 区间 a–b: a range, `lower < upper`.
    case range(Double, Double)

    /// The number the report states first (the centre of 左右, the lower end of a range).
    public var value: Double {
        switch self {
        case .atLeast(let x), .atMost(let x), .around(let x, _), .range(let x, _): return x
        }
    }

    /// Whether the wording is vague enough to need a reading (左右 or a range).
    public var needsReading: Bool {
        switch self {
        case .around, .range: return true
        case .atLeast, .atMost: return false
        }
    }
}

/// How a vague wording (左右, 区间) is judged "met".
///
/// Official practice reads a growth target "X%左右" as met when the outcome is at or above about
/// X: overshooting exceeds the target, it does not miss it. NDRC's 2011 plan report said 2010's
/// GDP growth of 10.3% "exceeded the expected target (8%左右) by 2.3 points" (xinhuanet,
/// 2011-03-06); NBS described 2014's 7.4% as meeting "7.5%左右" (people.com.cn, 2015-01-22).
/// Prices and unemployment ("控制在3%左右", "以内") are ceilings.
public enum ReadingRule: String, Sendable, Hashable, CaseIterable {
    /// At least X − tolerance (左右), at least a (区间 a–b): the default on growth and levels.
    case floor
    /// At most X (左右), at most b (区间 a–b): the default on rates (CPI, unemployment).
    case ceiling
    /// |y − X| <= tolerance, a <= y <= b: "lands near X", a second figure by default.
    case band

    /// The default reading of a vague wording on `measure`.
    public static func defaultRule(for measure: Measure) -> ReadingRule {
        measure == .ratePct ? .ceiling : .floor
    }

    /// The practice the rule follows, for tables and notes.
    public var citation: String {
        switch self {
        case .floor:
            return "左右 and 区间 read as a floor (official review practice: NDRC 2011 counted 10.3% against 8%左右 as exceeding it; NBS 2015 counted 7.4% against 7.5%左右 as met)"
        case .ceiling:
            return "左右 on prices and unemployment read as a ceiling (控制在…左右 states the level not to be exceeded)"
        case .band:
            return "read as a two-sided band, as the scenario states (not the official verdict)"
        }
    }
}

extension Wording {
    /// The bound that decides "met" under `rule` (ignored for 以上 and 以内).
    ///
    /// floor: 左右 X ± t -> ≥ X − t, 区间 a–b -> ≥ a; ceiling: -> ≤ X, ≤ b; band: -> |y − X| ≤ t,
    /// the range's midpoint ± half its width.
    public func verdict(_ rule: ReadingRule) -> Bound {
        switch (self, rule) {
        case (.atLeast(let x), _): return .atLeast(x)
        case (.atMost(let x), _): return .atMost(x)
        case (.around(let x, let t), .floor): return .atLeast(x - t)
        case (.around(let x, _), .ceiling): return .atMost(x)
        case (.around(let x, let t), .band): return .around(x, tolerance: t)
        case (.range(let a, _), .floor): return .atLeast(a)
        case (.range(_, let b), .ceiling): return .atMost(b)
        case (.range(let a, let b), .band): return .around((a + b) / 2, tolerance: (b - a) / 2)
        }
    }

    /// The two-sided band "lands near X" reported beside a floor or ceiling verdict (nil for
    /// 以上 and 以内, and when the verdict already is the band).
    public func nearBand(_ rule: ReadingRule) -> Bound? {
        guard needsReading, rule != .band else { return nil }
        return verdict(.band)
    }
}

extension ReadingRule: NamedCases {
    static var kind: String { "reading (read_as)" }
}
