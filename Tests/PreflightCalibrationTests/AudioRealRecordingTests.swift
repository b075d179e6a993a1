import Foundation
import PreflightTestSupport
import Testing
@testable import PreflightCalibration
@testable import Preflight

/// The audio estimates on ground truth made outside this project: pyroomacoustics' image-source rooms
/// and the pyannote.audio sample with its human-annotated speaker turns (`Fixtures/make-room-fixtures.sh`).
@Suite struct AudioRealRecordingTests {
    static let rooms: [RoomCalibration.Room] = (try? RoomCalibration.rooms(in: Fixture.url("rooms"), sampleRate: 16000)) ?? []
    static let recording: RoomCalibration.AnnotatedRecording? = try? RoomCalibration.annotated(
        Fixture.url("real/pyannote-sample.flac"), rttm: Fixture.url("real/pyannote-sample.rttm"))

    static func rooms(_ names: String...) -> [RoomCalibration.Room] { rooms.filter { names.contains($0.name) } }

    @Test func fixturesLoad() throws {
        #expect(Self.rooms.count == 16)
        let c50s = Self.rooms.map(\.c50)
        #expect(c50s.min()! < 0 && c50s.max()! > 40, "the rooms span C50 \(c50s.min()!)…\(c50s.max()!) dB")
        let r = try #require(Self.recording)
        #expect(abs(r.speechSeconds - 22.46) < 0.01, "annotated speech \(r.speechSeconds) s")
    }

    /// Effective duration within ±10 % of the annotated turns, as recorded, with noise, and far-field in
    /// reverberant rooms that are quiet (where a room's ringing and faint background once counted as speech:
    /// +20 % in these three rooms).
    @Test func effectiveDurationMatchesAnnotatedTurns() throws {
        let r = try #require(Self.recording)
        let cases = RoomCalibration.durationCases(r, rooms: Self.rooms("ism-01", "ism-03", "ism-04"), snrs: [nil, 20])
        #expect(cases.count == 8)
        for c in cases {
            let error = 100 * (c.estimate - c.truth) / c.truth
            #expect(abs(error) <= 10, "\(c.condition), \(c.detail): \(c.estimate) s of \(c.truth) s (\(error) %)")
        }
    }

    /// C50 within 5 dB in every image-source room below 30 dB, on each talk.
    @Test func c50OnImageSourceRooms() throws {
        let speech = try CalibrationSpeech.load(from: Fixture.url("speech"))
        let cases = RoomCalibration.c50Cases(speech.only(0), rooms: Self.rooms.filter { $0.c50 < 30 })
        #expect(cases.count >= 12)
        for c in cases { #expect(abs(c.error) <= 5, "\(c.detail): true \(c.truth) dB, estimated \(c.estimate) dB") }
    }

    /// Quiet far-field speech (−35 dBFS, reverberant): no clipping invented, every clipped stretch found.
    @Test func clippingOnQuietFarFieldSpeech() throws {
        let r = try #require(Self.recording)
        for o in RoomCalibration.clippingCases(r, rooms: Self.rooms("ism-03", "ism-09")) {
            #expect(o.inserted >= 2, "\(o.condition): \(o.inserted) stretches clipped")
            #expect(o.found == o.inserted, "\(o.condition): \(o.found) of \(o.inserted) found")
            #expect(o.invented == 0, "\(o.condition): \(o.invented) runs invented")
        }
    }

    /// The room calibration table (`make calibrate` writes it to docs/audio-calibration-rooms.md).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PREFLIGHT_CALIBRATION_ROOMS_OUT"] != nil))
    func roomCalibration() throws {
        let speech = try CalibrationSpeech.load(from: Fixture.url("speech"))
        let report = RoomCalibration.report(speech: speech, rooms: Self.rooms, recording: try #require(Self.recording))
        try report.write(toFile: ProcessInfo.processInfo.environment["PREFLIGHT_CALIBRATION_ROOMS_OUT"]!, atomically: true, encoding: .utf8)
    }
}
