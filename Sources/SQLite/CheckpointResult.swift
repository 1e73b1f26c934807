/// What a WAL checkpoint did; both counts are -1 when the database is not in WAL mode.
public struct CheckpointResult: Sendable, Equatable {
    /// Frames in the WAL when the checkpoint ended.
    public let walFrames: Int
    /// Frames copied back into the database file.
    public let checkpointedFrames: Int

    /// Makes a result from the two counts.
    public init(walFrames: Int, checkpointedFrames: Int) {
        self.walFrames = walFrames
        self.checkpointedFrames = checkpointedFrames
    }
}
