/* libsndfile's declarations for Swift (libsndfile1-dev, /usr/include). The functions are defined by
   CLazyLibraries (trampolines into libsndfile.so.1, opened on first use); a new one must be added to
   its sndfile_functions.h. */
#include <sndfile.h>
