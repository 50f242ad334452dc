import Foundation
import Linear
import Models
import Random

/// Parameter draws of a run's blocks, kept for later runs of the same model with the same seed
/// and draws per block — a sweep's points, a decomposition's combinations — which would draw
/// exactly the same: each entry holds a block's state-space forms and its generator just after
/// drawing them, so a run that finds its block here simulates exactly what it would have drawn
/// (byte-identical tables), without the cost of the posterior draws.
///
/// Whoever shares a cache between runs guarantees that they run the same fitted model. Thread
/// safe; holds at most `capacity` state-space forms (past that, blocks are drawn as usual).
public final class ParameterDrawCache: @unchecked Sendable {
    private struct Key: Hashable { let seed: UInt64, stream: Int, count: Int }
    private let lock = NSLock()
    private var entries: [Key: (systems: [StateSpaceSystem], generator: Philox4x32)] = [:]
    private var held = 0
    private struct GainKey: Hashable { let draws: Key, conditions: String }
    private var gainEntries: [GainKey: [Matrix?]?] = [:]
    public let capacity: Int

    /// - Parameter capacity: state-space forms held at most (each a few small matrices).
    public init(capacity: Int = 50_000) {
        self.capacity = capacity
    }

    func lookup(seed: UInt64, stream: Int, count: Int) -> (systems: [StateSpaceSystem], generator: Philox4x32)? {
        lock.lock()
        defer { lock.unlock() }
        return entries[Key(seed: seed, stream: stream, count: count)]
    }

    /// The hard conditions' gains of a block's cached draws (`PathConditions.gains`), computed
    /// by `make` the first time a run with the same conditioned cells (`key`) asks; the gains
    /// do not depend on the assumed values, so a sweep's points share them. Only for blocks
    /// whose draws are cached (else `make` runs every time).
    func gains(seed: UInt64, stream: Int, count: Int, key: String, make: () -> [Matrix?]?) -> [Matrix?]? {
        let draws = Key(seed: seed, stream: stream, count: count)
        let k = GainKey(draws: draws, conditions: key)
        lock.lock()
        let cached = entries[draws] != nil
        if let hit = gainEntries[k] { lock.unlock(); return hit }
        lock.unlock()
        let made = make()
        guard cached else { return made }
        lock.lock()
        defer { lock.unlock() }
        gainEntries[k] = .some(made)
        return made
    }

    func store(seed: UInt64, stream: Int, count: Int, systems: [StateSpaceSystem], generator: Philox4x32) {
        lock.lock()
        defer { lock.unlock() }
        guard held + systems.count <= capacity else { return }
        let key = Key(seed: seed, stream: stream, count: count)
        guard entries[key] == nil else { return }
        entries[key] = (systems, generator)
        held += systems.count
    }
}
