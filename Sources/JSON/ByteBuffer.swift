/// A growable run of bytes whose appends are a capacity check and a copy: an agenda writes hundreds of
/// thousands of short pieces, where an array's general-purpose append costs more than the copying.
///
/// Its appends are inlinable: the writers that call them most (the agenda's, the JSON writer's) are in other
/// modules, and a call per piece costs as much as the piece.
package struct ByteBuffer: ByteSink, ~Copyable {
    @usableFromInline var start: UnsafeMutablePointer<UInt8>
    @usableFromInline package internal(set) var count = 0
    @usableFromInline var capacity: Int

    package init(capacity: Int) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    @inlinable
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(extra) }
    }

    /// Moves the bytes to a block twice as large, or as large as `extra` more needs: out of line, since it is
    /// rare.
    @usableFromInline @inline(never)
    mutating func grow(_ extra: Int) {
        let grown = max(capacity * 2, count + extra)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.initialize(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = grown
    }

    @inlinable
    package mutating func append(_ byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    @inlinable
    package mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (start + count).initialize(from: base, count: bytes.count)
        count += bytes.count
    }

    /// The bytes written so far.
    @inlinable
    package func withBytes<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try body(UnsafeBufferPointer(start: start, count: count))
    }
}
