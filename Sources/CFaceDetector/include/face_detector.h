#ifndef PREFLIGHT_FACE_DETECTOR_H
#define PREFLIGHT_FACE_DETECTOR_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif

/// One face found by dlib's HOG frontal face detector, in pixels of the picture searched.
typedef struct {
    double left, top, right, bottom;
    /// The detector's confidence (its SVM score; larger is surer).
    double score;
    /// 1 when the 68-point landmarks were read for this face (the model file was given and loaded).
    int has_landmarks;
    /// Angle of the line between the eye centres, degrees, positive when the face's right-hand
    /// eye in the picture is lower (clockwise tilt).
    double roll;
    /// Estimated turn, degrees: from where the nose tip sits between the jaw's ends, 0 frontal.
    double yaw;
    /// Inner-lip gap over the mouth's width (about 0.0–0.05 closed, more than 0.1 open).
    double mouth_open;
} pf_face;

/// Finds frontal faces in an 8-bit gray picture with dlib's HOG detector, after `upsample` doublings
/// of the picture (each halves the smallest face found, about 80 px at 0, and quadruples the work),
/// from pyramid level `first_level` on (0: every level; each level is 5/6 the size of the one before,
/// so level 1 skips the faces under 96 px and about 30 % of the work). Detections scoring under
/// `threshold` are dropped. When `landmark_model` names dlib's 68-point
/// shape predictor file, each face also gets roll, yaw and mouth opening (the model is loaded once,
/// and only when a face was found). The search takes at most `seconds` (clamped to 0–86400): it runs
/// one pyramid level and one filter at a time and checks the time before each, so it stops within
/// one level's filtering once the time is up.
/// Writes up to `max_faces` faces, largest first; returns how many were found (possibly more than
/// written), -2 with a message when the time ran out (no faces written), or -1 with a message.
/// Never throws or aborts.
int pf_faces_detect(const unsigned char *gray, int width, int height, int upsample, int first_level, double threshold,
                    const char *landmark_model, double seconds, pf_face *faces, int max_faces, char *message,
                    size_t message_size);

/// Reads the shape predictor at `landmark_model` with the quick reader the detector uses and with
/// dlib's own deserialize, and returns 1 when both give the same predictor (the same bytes when
/// serialized again), else 0 with a message. For tests: it reads the file twice.
int pf_faces_check_model_reader(const char *landmark_model, char *message, size_t message_size);

/// The version of this interface (the loader refuses a library of another).
int pf_faces_interface_version(void);
#ifdef __cplusplus
}
#endif
#endif
