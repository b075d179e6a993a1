import Foundation

extension FactDefinition {
    /// Facts of a photo's decoded pixels: integrity, and the faces dlib's frontal detector finds.
    static let photoContentFacts: [FactDefinition] = [
        .init(name: "photo.decodes", dimension: .flag, summary: "Whether every pixel decodes (libjpeg, libpng with every CRC and the zlib checksum, libwebp)."),
        .init(name: "photo.decode_error", dimension: .text, summary: "The decoder's own message when photo.decodes is false."),
        .init(name: "photo.faces_measured", dimension: .flag, summary: "Whether the face detector (libPreflightFaces.so, dlib) could run."),
        .init(name: "photo.faces_in_time", dimension: .flag, summary: "False when the face search was stopped by the per-file time limit (--timeout); not set otherwise."),
        .init(name: "photo.faces_problem", dimension: .text, summary: "Why faces were not measured (the library or package missing)."),
        .init(name: "photo.faces_problem_zh", dimension: .text, summary: "photo.faces_problem in Chinese, for the Chinese text of findings."),
        .init(name: "photo.face_count", dimension: .count, summary: "Frontal faces found (dlib HOG detector, one upsampling)."),
        .init(name: "photo.landmarks_measured", dimension: .flag, summary: "Whether the 68-point landmark model (libdlib-data) was installed, so roll, yaw and mouth were measured."),
        .init(name: "photo.face_area_ratio", dimension: .count, summary: "Area of the largest face box over the picture's area."),
        .init(name: "photo.face_center_offset", dimension: .count, summary: "Distance of the largest face's centre from the picture's centre, over the short side."),
        .init(name: "photo.face_box", dimension: .text, summary: "The largest face box in displayed pixels, as ImageMagick geometry WxH+X+Y."),
        .init(name: "photo.face_centered_crop", dimension: .text, summary: "Largest crop of the nearest accepted ratio centred on the face, as WxH+X+Y."),
        .init(name: "photo.face_roll", dimension: .degrees, summary: "Tilt of the eye line (positive clockwise); landmarks needed."),
        .init(name: "photo.face_level_rotation", dimension: .text, summary: "Degrees for ImageMagick's -rotate that level the eye line (the negated roll)."),
        .init(name: "photo.face_yaw", dimension: .degrees, summary: "Estimated head turn from the nose's place between the jaw ends (0 frontal); landmarks needed."),
        .init(name: "photo.mouth_open", dimension: .count, summary: "Inner-lip gap over mouth width (closed about 0.02–0.05); landmarks needed."),
        .init(name: "photo.face_sharpness", dimension: .count, summary: "Variance of the Laplacian of the face region in the reduced gray picture (low: blurry)."),
        .init(name: "photo.face_level", dimension: .count, summary: "Mean luma of the face region, 0–255."),
        .init(name: "photo.face_clipped", dimension: .count, summary: "Share of the face region's pixels at luma 250 or more."),
    ]
}
