import CFFmpeg
import Foundation

/// Converts decoded frames of any sample format and layout to interleaved 32-bit floats at a fixed
/// channel count and rate (libswresample). Owns the `SwrContext` and its output block.
final class SampleConverter {
    private var context: OpaquePointer?
    private var inputFormat: Int32 = -1
    private var inputRate: Int32 = 0
    private var inputLayout = AVChannelLayout()
    private let block = SampleBlock(capacity: 8192 * 2)

    deinit {
        swr_free(&context)
        av_channel_layout_uninit(&inputLayout)
    }

    /// Converts one frame and hands the samples to `consume`; returns the frames handed on.
    func convert(_ frame: UnsafeMutablePointer<AVFrame>, channels: Int, rate: Int,
                 into consume: (UnsafeBufferPointer<Float>) -> Void) -> Int {
        guard frame.pointee.nb_samples > 0, prepare(for: frame, channels: channels, rate: rate) else { return 0 }
        let inputFrames = Int(frame.pointee.nb_samples)
        let capacityFrames = Int(swr_get_out_samples(context, Int32(inputFrames))) + 32
        block.reserve(capacityFrames * channels)
        let input = UnsafeMutablePointer<UnsafePointer<UInt8>?>(OpaquePointer(frame.pointee.extended_data))
        return run(input: input, frames: Int32(inputFrames), capacityFrames: capacityFrames, channels: channels, consume: consume)
    }

    /// Hands on what the resampler still holds (only when it had to change the rate).
    func flush(channels: Int, rate: Int, into consume: (UnsafeBufferPointer<Float>) -> Void) -> Int {
        guard context != nil else { return 0 }
        let capacityFrames = Int(swr_get_out_samples(context, 0)) + 32
        block.reserve(capacityFrames * channels)
        return run(input: nil, frames: 0, capacityFrames: capacityFrames, channels: channels, consume: consume)
    }

    private func run(input: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, frames: Int32, capacityFrames: Int, channels: Int,
                     consume: (UnsafeBufferPointer<Float>) -> Void) -> Int {
        var output: UnsafeMutablePointer<UInt8>? = UnsafeMutableRawPointer(block.samples).assumingMemoryBound(to: UInt8.self)
        let produced = withUnsafeMutablePointer(to: &output) { out in
            swr_convert(context, out, Int32(capacityFrames), input, frames)
        }
        guard produced > 0 else { return 0 }
        consume(block.prefix(Int(produced) * channels))
        return Int(produced)
    }

    /// (Re)configures the resampler when the frame's format, rate or layout differs from the last one.
    private func prepare(for frame: UnsafeMutablePointer<AVFrame>, channels: Int, rate: Int) -> Bool {
        var layout = AVChannelLayout()
        if frame.pointee.ch_layout.order == AV_CHANNEL_ORDER_UNSPEC || frame.pointee.ch_layout.nb_channels <= 0 {
            av_channel_layout_default(&layout, max(1, frame.pointee.ch_layout.nb_channels > 0 ? frame.pointee.ch_layout.nb_channels : Int32(channels)))
        } else {
            _ = av_channel_layout_copy(&layout, &frame.pointee.ch_layout)
        }
        defer { av_channel_layout_uninit(&layout) }
        if context != nil, frame.pointee.format == inputFormat, frame.pointee.sample_rate == inputRate,
           av_channel_layout_compare(&layout, &inputLayout) == 0 {
            return true
        }
        swr_free(&context)
        var outLayout = AVChannelLayout()
        av_channel_layout_default(&outLayout, Int32(channels))
        defer { av_channel_layout_uninit(&outLayout) }
        let inRate = frame.pointee.sample_rate > 0 ? frame.pointee.sample_rate : Int32(rate)
        guard swr_alloc_set_opts2(&context, &outLayout, AV_SAMPLE_FMT_FLT, Int32(rate), &layout,
                                  AVSampleFormat(frame.pointee.format), inRate, 0, nil) >= 0,
              swr_init(context) >= 0 else {
            swr_free(&context)
            return false
        }
        inputFormat = frame.pointee.format
        inputRate = frame.pointee.sample_rate
        av_channel_layout_uninit(&inputLayout)
        _ = av_channel_layout_copy(&inputLayout, &layout)
        return true
    }
}
