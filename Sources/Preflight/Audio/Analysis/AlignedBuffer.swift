import Foundation

/// A 64-byte aligned buffer of `T`: libavutil's `av_tx` uses aligned AVX loads and stores, which Swift
/// arrays (16-byte aligned) do not guarantee.
@_spi(Calibration) public final class AlignedBuffer<T> {
    /// The first element.
    public let pointer: UnsafeMutablePointer<T>
    /// Elements held.
    public let count: Int

    /// `count` copies of `value`.
    public init(count: Int, repeating value: T) {
        self.count = count
        pointer = UnsafeMutableRawPointer.allocate(byteCount: max(1, count) * MemoryLayout<T>.stride, alignment: 64)
            .bindMemory(to: T.self, capacity: max(1, count))
        pointer.initialize(repeating: value, count: count)
    }

    deinit {
        pointer.deinitialize(count: count)
        UnsafeMutableRawPointer(pointer).deallocate()
    }

    /// Element `i` (unchecked).
    public subscript(i: Int) -> T {
        get { pointer[i] }
        set { pointer[i] = newValue }
    }
}
