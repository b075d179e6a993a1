import Foundation

/// Limits on the work done for one file. Each, when hit, becomes a finding instead of a hang.
public struct ProbeOptions: Sendable, Equatable {
    /// Wall-clock seconds allowed per file.
    public var timeout: Double = 60
    /// Most packets read when timing frames of a container without a sample index.
    public var packetLimit = 2_000_000
    /// Most streams a container may declare.
    public var streamLimit = 64
    /// Bytes libavformat may read to recognise a container.
    public var probeSize = 5_000_000

    /// The defaults: 60 s, 2 million packets, 64 streams.
    public init() {}
}
