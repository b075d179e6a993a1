import CFFmpeg
import Foundation

extension LibavInput {
    /// Whether a stream is real video: a video stream that is not an attached cover picture.
    static func isVideo(_ stream: UnsafeMutablePointer<AVStream>) -> Bool {
        stream.pointee.codecpar.pointee.codec_type == AVMEDIA_TYPE_VIDEO
            && (stream.pointee.disposition & AV_DISPOSITION_ATTACHED_PIC) == 0
    }

    /// The input's real video streams (cover pictures left out), in stream order.
    var videoStreams: [UnsafeMutablePointer<AVStream>] { streams.filter(Self.isVideo) }

    /// The container-brand rule applied to this input's `ftyp` tags.
    var isoBrand: ISOBrand { ISOBrand(major: tag("major_brand"), compatible: tag("compatible_brands")) }
}
