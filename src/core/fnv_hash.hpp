// fnv_hash.hpp — 64-bit FNV-1a over 32-bit words: a quick fingerprint of what a frame would draw
// (ImGui's vertices, the map's inputs), to tell a frame that would repeat the last one drawn.
// Not for anything adversarial: a collision (different inputs, equal hashes) would skip one
// redraw of a changed frame until the next change.
//
//   ntm::FnvHash h;
//   h.add_words(vertices, bytes);
//   h.add(uint64_t(width) << 32 | height);
//   if (h.h == last) ...
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace ntm {

struct FnvHash {
    uint64_t h = 1469598103934665603ull;

    // Word by word (a few hundred KB of vertices hash in a fraction of a millisecond); a tail
    // shorter than a word byte by byte.
    void add_words(const void* p, size_t bytes) {
        const unsigned char* b = static_cast<const unsigned char*>(p);
        size_t i = 0;
        for (; i + 4 <= bytes; i += 4) {
            uint32_t w;
            std::memcpy(&w, b + i, 4);
            h = (h ^ w) * 1099511628211ull;
        }
        for (; i < bytes; ++i) h = (h ^ b[i]) * 1099511628211ull;
    }
    void add(uint64_t v) { add_words(&v, sizeof v); }
    void add_real(double v) { add_words(&v, sizeof v); }
};

}  // namespace ntm
