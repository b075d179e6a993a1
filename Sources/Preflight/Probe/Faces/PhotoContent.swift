import Foundation

/// The content facts of a photo: whether every pixel decodes, and the faces in it (count, size,
/// place, tilt, turn, mouth) with the sharpness and exposure of the largest face's region.
///
/// Faces are searched in the displayed picture (after the EXIF orientation), reduced to at most
/// ``PhotoPixels/maxSide`` pixels; boxes are reported in the displayed photo's own pixels.
enum PhotoContent {
    /// Doublings of the picture when the first search, at its reduced size, finds no face: one, so
    /// faces down to about 40 px of the reduced picture are found (a too-small face is then reported
    /// as small, not as missing). Each doubling quadruples the work, so it is only spent then.
    static let retryUpsample = 1
    /// The detector's score threshold: dlib's default 0 let a 0.09-scoring false face through next
    /// to two real ones (scoring 0.9–1.6) in the two-faces test picture.
    static let threshold = 0.3

    /// The `photo.*` content facts of a photo whose header was read; JPEG, PNG and WebP only. The
    /// face search stops at `deadline` (`photo.faces_in_time` false).
    static func facts(_ file: PhotoFile, header: PhotoHeader, deadline: ReadDeadline? = nil) -> Facts {
        var f = Facts()
        guard [.jpeg, .png, .webp].contains(header.format), (header.bitDepth ?? 8) <= 8 else { return f }
        switch PhotoPixels.decode(file, format: header.format) {
        case .skipped:
            return f
        case .damaged(let message):
            f.set(.photoDecodes, false)
            f.set(.photoDecodeError, message)
            return f
        case .decoded(let picture):
            f.set(.photoDecodes, true)
            f.merge(faceFacts(picture.oriented(header.orientation), displayed: displayedSize(header), deadline: deadline))
            return f
        }
    }

    /// The displayed size of the stored photo (after its orientation).
    static func displayedSize(_ header: PhotoHeader) -> (width: Int, height: Int)? {
        guard let w = header.width, let h = header.height, w > 0, h > 0 else { return nil }
        return header.swapsSides ? (h, w) : (w, h)
    }

    /// Face facts of a displayed picture; `displayed` is the photo's full size (the picture may be
    /// reduced). A search stopped by `deadline` gives `photo.faces_in_time` false and no face facts.
    static func faceFacts(_ picture: GrayPicture, displayed: (width: Int, height: Int)?, deadline: ReadDeadline? = nil) -> Facts {
        var f = Facts()
        let search: FaceDetector.Search
        let model = FaceDetector.landmarkModel
        do {
            var found = try FaceDetector.search(picture, upsample: 0, threshold: threshold, landmarks: model, deadline: deadline)
            if found.count == 0 {
                found = try FaceDetector.search(picture, upsample: retryUpsample, threshold: threshold, landmarks: model, deadline: deadline)
            }
            search = found
        } catch let e as ProbeError {
            f.setSearchStopped(e, inTime: .photoFacesInTime, measured: .photoFacesMeasured, problem: (.photoFacesProblem, .photoFacesProblemZh))
            return f
        } catch {
            return f
        }
        f.set(.photoFacesMeasured, true)
        f.set(.photoFaceCount, search.count)
        f.set(.photoLandmarksMeasured, model != nil && search.landmarkProblem == nil)
        guard let face = search.faces.first else { return f }
        let (pw, ph) = (Double(picture.width), Double(picture.height))
        let short = min(pw, ph)
        f.set(.photoFaceAreaRatio, round4(face.area / (pw * ph)))
        let c = face.center
        f.set(.photoFaceCenterOffset, round4(hypot(c.x - pw / 2, c.y - ph / 2) / short))
        // The box and the crop in the displayed photo's pixels.
        let scale = displayed.map { Double($0.width) / pw } ?? 1
        let full = displayed ?? (picture.width, picture.height)
        f.set(.photoFaceBox, geometry(x: face.left * scale, y: face.top * scale, width: face.width * scale, height: face.height * scale, in: full))
        f.set(.photoFaceCenteredCrop, centeredCrop(x: c.x * scale, y: c.y * scale, in: full))
        if let l = face.landmarks {
            f.set(.photoFaceRoll, (l.roll * 10).rounded() / 10)
            f.set(.photoFaceLevelRotation, String(format: "%.1f", -(l.roll * 10).rounded() / 10))
            f.set(.photoFaceYaw, (l.yaw * 10).rounded() / 10)
            f.set(.photoMouthOpen, round4(l.mouthOpen))
        }
        if let q = FaceRegionQuality.measure(picture, left: face.left, top: face.top, width: face.width, height: face.height) {
            f.set(.photoFaceSharpness, (q.sharpness * 10).rounded() / 10)
            f.set(.photoFaceLevel, (q.meanLevel * 10).rounded() / 10)
            f.set(.photoFaceClipped, round4(q.clippedShare))
        }
        return f
    }

    static func round4(_ v: Double) -> Double { (v * 10_000).rounded() / 10_000 }

    /// A box as ImageMagick geometry `WxH+X+Y`, clamped to the picture.
    static func geometry(x: Double, y: Double, width: Double, height: Double, in size: (width: Int, height: Int)) -> String {
        let x0 = max(0, min(size.width - 1, Int(x.rounded()))), y0 = max(0, min(size.height - 1, Int(y.rounded())))
        let w = max(1, min(size.width - x0, Int(width.rounded()))), h = max(1, min(size.height - y0, Int(height.rounded())))
        return "\(w)x\(h)+\(x0)+\(y0)"
    }

    /// The largest crop of the photo's nearest accepted ratio whose centre is the face's centre
    /// (`x`, `y`), as ImageMagick geometry.
    static func centeredCrop(x: Double, y: Double, in size: (width: Int, height: Int)) -> String {
        let ratio = PhotoAspect.nearest(width: size.width, height: size.height, among: PhotoAspect.allowed).ratio
        let r = ratio.value
        let halfW = min(x, Double(size.width) - x), halfH = min(y, Double(size.height) - y)
        var w = 2 * halfW, h = w / r
        if h > 2 * halfH { h = 2 * halfH; w = h * r }
        return geometry(x: x - w / 2, y: y - h / 2, width: w, height: h, in: size)
    }
}
