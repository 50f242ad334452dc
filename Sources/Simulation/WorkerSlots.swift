/// One result slot per worker: worker `w` writes slot `w` only, once, and the slots are read
/// after `concurrentPerform` returns, so no slot is ever shared between threads.
final class WorkerSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    func store(_ value: Value, at w: Int) { slots[w] = value }
    func take(_ w: Int) -> Value { slots[w]! }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
}
