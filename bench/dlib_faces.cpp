// What face_recognition.face_locations(image) does in Python, in C++ on the same dlib: load the
// picture, convert it to 8-bit gray, run dlib's HOG frontal face detector with one upsampling on
// the full-size picture, print the boxes. Built by bench/content.sh (the Python binding of dlib is
// not packaged for Debian 12).
#include <dlib/image_io.h>
#include <dlib/image_processing/frontal_face_detector.h>
#include <iostream>

int main(int argc, char **argv) {
    if (argc < 2) { std::cerr << "usage: dlib_faces PICTURE\n"; return 2; }
    dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();
    dlib::array2d<unsigned char> picture;
    dlib::load_image(picture, argv[1]);
    for (const auto &box : detector(picture, 1)) std::cout << box << "\n";
    return 0;
}
