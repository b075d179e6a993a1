import Foundation

/// The sample index libavformat 5.1 builds for a track at open (`mov_build_index`, then
/// `mov_fix_index` for an edit list): decode timestamps, keyframe and discard flags, file offsets.
struct SampleIndex {
    /// One entry of the index.
    struct Entry {
        var timestamp: Int64
        var keyframe: Bool
        var discard: Bool
        var position: Int64
        var size: Int
    }

    /// The entries in decode order.
    private(set) var entries: [Entry] = []
    /// Sum of all sample sizes (libavformat's `stream_size`).
    private(set) var dataSize: Int64 = 0
    /// The stream duration in track ticks after the edit list.
    private(set) var duration: Int64

    /// Builds the index of `track`, whose stream duration so far is `duration` (the `mdhd` duration,
    /// shortened to the `stts` total), within a movie of `movieTimeScale`.
    init(_ track: TrackBoxes, duration: Int64, movieTimeScale: Int64) throws {
        self.duration = duration
        var raw: [Entry] = []
        raw.reserveCapacity(track.sampleSizes.count)
        var sample = 0, dts: Int64 = 0, sttsIndex = 0, sttsSample = 0, stssIndex = 0
        let sync = track.syncSamples
        let keyOffset = (sync?.first ?? 0) > 0 ? 1 : 0
        var stscIndex = 0
        for chunk in 0..<track.chunkOffsets.count {
            while stscIndex + 1 < track.sampleToChunk.count && chunk + 1 == track.sampleToChunk[stscIndex + 1].first { stscIndex += 1 }
            var offset = track.chunkOffsets[chunk]
            for _ in 0..<track.sampleToChunk[stscIndex].count {
                try require(sample < track.sampleSizes.count, "stsc describes more samples than stsz")
                var key = false
                if let sync {
                    if sample + keyOffset == sync[stssIndex] {
                        key = true
                        if stssIndex + 1 < sync.count { stssIndex += 1 }
                    }
                } else {
                    key = true
                }
                let size = track.sampleSizes[sample]
                raw.append(Entry(timestamp: dts, keyframe: key, discard: false, position: offset, size: size))
                offset += Int64(size)
                dataSize += Int64(size)
                dts += track.timeToSample[sttsIndex].duration
                sttsSample += 1
                sample += 1
                if sttsIndex + 1 < track.timeToSample.count && sttsSample == track.timeToSample[sttsIndex].count {
                    sttsSample = 0
                    sttsIndex += 1
                }
            }
        }
        try require(sample == track.sampleSizes.count, "stsc describes fewer samples than stsz")
        guard !track.edits.isEmpty else { entries = raw; return }
        try applyEdit(track, raw, movieTimeScale: movieTimeScale)
    }

    /// `mov_fix_index` for one edit that starts at `media_time` ≥ 0 (other edit lists are declined):
    /// keeps the entries from the keyframe before the edit start, marks those outside the edit as
    /// discarded, rewrites the timestamps and shortens the duration to the edit's.
    private mutating func applyEdit(_ track: TrackBoxes, _ old: [Entry], movieTimeScale: Int64) throws {
        try require(track.edits.count == 1 && track.edits[0].time >= 0, "edit list shape")
        let mediaTime = track.edits[0].time
        var editDuration = try Self.rescale(track.edits[0].duration, track.timeScale, movieTimeScale)
        if editDuration.addingReportingOverflow(mediaTime).overflow { editDuration = 0 }
        try require(editDuration < Int64.max / 2, "edit duration")
        let ctts = track.compositionOffsets.map { Array($0.prefix(old.count)) }
        var index = try Self.closestKeyframe(old, ctts: ctts, pts: mediaTime)
        var cttsIndex = index
        var counter: Int64 = 0
        var started = false, foundKeyAfterEdit = false
        var pending: [Int64] = []
        var minCorrected: Int64 = -1
        while index < old.count {
            defer { index += 1 }
            let current = old[index]
            let frameDuration = index + 1 < old.count ? old[index + 1].timestamp - current.timestamp : editDuration
            var cts = current.timestamp
            var ctt: Int64 = 0
            if let ctts, cttsIndex < ctts.count {
                ctt = ctts[cttsIndex]
                cts += ctt
                cttsIndex += 1
            }
            var entry = current
            if cts < mediaTime || cts >= editDuration + mediaTime {
                entry.discard = true
                if !started { pending.append(frameDuration) }
            } else {
                minCorrected = minCorrected < 0 ? counter + ctt : min(minCorrected, counter + ctt)
                if !started {
                    started = true
                    var end = counter
                    for (k, d) in pending.reversed().enumerated() {
                        end -= d
                        entries[entries.count - 1 - k].timestamp = end
                    }
                    pending = []
                }
            }
            entry.timestamp = counter
            entries.append(entry)
            if started { counter += frameDuration }
            if cts + frameDuration >= editDuration + mediaTime && current.keyframe {
                if ctts != nil && !foundKeyAfterEdit { foundKeyAfterEdit = true; continue }
                break
            }
        }
        if minCorrected > 0 {
            for k in entries.indices { entries[k].timestamp -= minCorrected }
        }
        duration = min(duration, editDuration)
    }

    /// `find_prev_closest_index`: the last keyframe whose decode time is at or before `pts`, then,
    /// with composition offsets, moved back until its presentation time is at or before `pts`.
    static func closestKeyframe(_ e: [Entry], ctts: [Int64]?, pts: Int64) throws -> Int {
        // av_index_search_timestamp, backward, keyframes only (no entry is discarded yet).
        var a = -1, b = e.count
        if b > 0 && e[b - 1].timestamp < pts { a = b - 1 }
        while b - a > 1 {
            let m = (a + b) >> 1
            if e[m].timestamp >= pts { b = m }
            if e[m].timestamp <= pts { a = m }
        }
        var m = a
        while m >= 0 && !e[m].keyframe { m -= 1 }
        try require(m >= 0, "no keyframe before the edit")
        var index = m
        var i = index
        while i > 0 && e[i].timestamp == e[i - 1].timestamp {
            if e[i - 1].keyframe { index = i - 1 }
            i -= 1
        }
        if let ctts {
            var c = index
            while index >= 0 && c >= 0 && c < ctts.count {
                if e[index].timestamp + ctts[c] <= pts && e[index].keyframe { break }
                index -= 1
                c -= 1
            }
            try require(index >= 0, "no keyframe before the edit")
        }
        return index
    }

    /// `av_rescale(a, b, c)`: a·b/c rounded to nearest, halves away from zero; throws on overflow.
    static func rescale(_ a: Int64, _ b: Int64, _ c: Int64) throws -> Int64 {
        try require(a >= 0 && b > 0 && c > 0, "rescale operands")
        let (high, low) = a.multipliedFullWidth(by: b)
        let (sum, carry) = low.addingReportingOverflow(UInt64(c / 2))
        let top = UInt64(bitPattern: high) + (carry ? 1 : 0)
        try require(top < UInt64(c), "rescale overflow")
        let (q, _) = UInt64(c).dividingFullWidth((top, sum))
        try require(q <= UInt64(Int64.max), "rescale overflow")
        return Int64(q)
    }
}
