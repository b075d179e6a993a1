import Foundation
import CFaceLoader

/// One face found in a ``GrayPicture``, in that picture's pixels.
struct DetectedFace: Equatable {
    /// The face box: left, top, width, height.
    var left: Double, top: Double, width: Double, height: Double
    /// The detector's confidence.
    var score: Double
    /// Landmark measures, when the 68-point model was installed.
    var landmarks: FaceLandmarks?

    /// The box's area.
    var area: Double { width * height }
    /// The box's centre.
    var center: (x: Double, y: Double) { (left + width / 2, top + height / 2) }
}

/// What dlib's 68 landmarks tell about one face.
struct FaceLandmarks: Equatable {
    /// Tilt of the eye line, degrees (positive: clockwise in the picture).
    var roll: Double
    /// Estimated turn, degrees (0 frontal).
    var yaw: Double
    /// Inner-lip gap over mouth width.
    var mouthOpen: Double
}

/// dlib's HOG frontal face detector, in the shared library `libPreflightFaces.so`, opened on first use:
/// a check without a face to look for never maps dlib (nor its BLAS, LAPACK and image libraries).
enum FaceDetector {
    /// dlib's 68-point shape predictor as Debian's `libdlib-data` installs it.
    static let defaultLandmarkModel = "/usr/share/dlib/shape_predictor_68_face_landmarks.dat"
    /// The Debian package with the landmark model.
    static let landmarkPackage = "libdlib-data"
    /// The Debian package with dlib's runtime library.
    static let runtimePackage = "libdlib19.1"
    /// The most faces reported.
    static let maxFaces = 16

    /// The landmark model used: `PREFLIGHT_LANDMARK_MODEL` when set (empty turns landmarks off),
    /// else ``defaultLandmarkModel`` when that file exists; nil when there is none.
    static var landmarkModel: String? {
        if let given = ProcessInfo.processInfo.environment["PREFLIGHT_LANDMARK_MODEL"] {
            return given.isEmpty || !FileManager.default.fileExists(atPath: given) ? nil : given
        }
        return FileManager.default.fileExists(atPath: defaultLandmarkModel) ? defaultLandmarkModel : nil
    }

    /// Whether the detector's library can be used (opening it once).
    static var available: Bool { pf_faces_available() != 0 }

    /// The loader's message when the library cannot be opened.
    static var loadError: String? { pf_faces_error().map { String(cString: $0) } }

    /// The outcome of one search.
    struct Search {
        /// Every face found (up to ``maxFaces``), largest first.
        var faces: [DetectedFace]
        /// How many were found in all.
        var count: Int
        /// A problem with the landmark model, if it could not be loaded.
        var landmarkProblem: String?
    }

    /// Finds faces in `picture`, doubling it `upsample` times first and searching its pyramid from
    /// level `firstLevel` on (each level 5/6 of the one before: skipping levels skips the smallest
    /// faces and most of the work); faces scoring under `threshold` are dropped. The search stops when `deadline` passes (it is checked between pyramid levels, so
    /// it stops within one level's work). Throws ``ProbeError`` `libraryMissing` when the library
    /// cannot be opened, `limitExceeded` (``notInTime``) when the deadline passed first.
    static func search(_ picture: GrayPicture, upsample: Int, firstLevel: Int = 0, threshold: Double, landmarks: String?,
                       deadline: ReadDeadline? = nil) throws -> Search {
        guard available else {
            throw ProbeError(.libraryMissing, MediaText.faceLibraryMissing(package: runtimePackage),
                detail: loadError)
        }
        var found = [pf_face](repeating: pf_face(), count: maxFaces)
        var message = [CChar](repeating: 0, count: 512)
        let seconds = deadline?.secondsLeft ?? 86_400
        let count = picture.pixels.withUnsafeBufferPointer { p in
            pf_faces_run(p.baseAddress, Int32(picture.width), Int32(picture.height), Int32(upsample), Int32(firstLevel), threshold,
                         landmarks, seconds, &found, Int32(maxFaces), &message, message.count)
        }
        let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if count == -2 { throw notInTime(deadline?.seconds ?? seconds, detail: text) }
        guard count >= 0 else {
            throw ProbeError(.unreadable, MediaText.faceDetectionFailed(text), detail: text)
        }
        let faces = found.prefix(min(Int(count), maxFaces)).map { f in
            DetectedFace(left: f.left, top: f.top, width: f.right - f.left, height: f.bottom - f.top, score: f.score,
                         landmarks: f.has_landmarks != 0 ? FaceLandmarks(roll: f.roll, yaw: f.yaw, mouthOpen: f.mouth_open) : nil)
        }
        return Search(faces: faces, count: Int(count), landmarkProblem: text.isEmpty ? nil : text)
    }

    /// The error of a search stopped by the per-file deadline of `seconds`.
    static func notInTime(_ seconds: Double, detail: String?) -> ProbeError {
        let limit = FactFormatting.trim(seconds, digits: 1)
        return ProbeError(.limitExceeded, MediaText.facesNotInTime(seconds: limit), detail: detail)
    }

    /// Whether dlib's own reader and the quick one the detector uses give the same landmark model
    /// from `path` (it is read twice; for tests). Nil when they do, else why not.
    static func modelReaderDifference(_ path: String) -> String? {
        var message = [CChar](repeating: 0, count: 512)
        if pf_faces_run_model_reader_check(path, &message, message.count) == 1 { return nil }
        return String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
