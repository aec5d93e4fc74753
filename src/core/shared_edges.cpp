#include "core/shared_edges.hpp"

#include <cstring>

namespace ntm::shared_edges {

namespace {

uint64_t point_bits(const float* p) {
    uint32_t x = 0, y = 0;
    std::memcpy(&x, &p[0], 4);
    std::memcpy(&y, &p[1], 4);
    return (uint64_t(x) << 32) | y;
}

uint64_t mix(uint64_t h) {  // splitmix64's finaliser: every input bit moves every output bit
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebull;
    return h ^ (h >> 31);
}

}  // namespace

std::vector<uint8_t> repeated(const asset::MapAsset& map, const std::vector<asset::Feature>& features) {
    size_t segments = 0;
    for (const asset::Feature& f : features)
        for (uint32_t r = f.first_ring; r < f.first_ring + f.ring_count; ++r) segments += map.rings[r].vertex_count;
    std::vector<uint8_t> out(segments, 0);
    // Open addressing over the segments seen so far: a slot holds a segment's two vertex numbers
    // (+1, 0 = empty) and a hit is confirmed on the coordinates, so no edge is ever dropped for a
    // hash collision. At most half full.
    size_t capacity = 16;
    while (capacity < 2 * segments) capacity *= 2;
    struct Slot {
        uint32_t a = 0, b = 0;
    };
    std::vector<Slot> table(capacity);
    const float* xy = map.xy.data();
    size_t s = 0;
    for (const asset::Feature& f : features)
        for (uint32_t r = f.first_ring; r < f.first_ring + f.ring_count; ++r) {
            const asset::Ring& ring = map.rings[r];
            for (uint32_t i = 0; i < ring.vertex_count; ++i, ++s) {
                const uint32_t va = ring.first_vertex + i, vb = ring.first_vertex + (i + 1) % ring.vertex_count;
                uint64_t ka = point_bits(&xy[2 * size_t(va)]), kb = point_bits(&xy[2 * size_t(vb)]);
                if (ka > kb) std::swap(ka, kb);
                size_t h = size_t(mix(ka ^ mix(kb))) & (capacity - 1);
                for (;; h = (h + 1) & (capacity - 1)) {
                    Slot& slot = table[h];
                    if (slot.a == 0) {
                        slot = {va + 1, vb + 1};
                        break;
                    }
                    uint64_t sa = point_bits(&xy[2 * size_t(slot.a - 1)]), sb = point_bits(&xy[2 * size_t(slot.b - 1)]);
                    if (sa > sb) std::swap(sa, sb);
                    if (sa == ka && sb == kb) {
                        out[s] = 1;
                        break;
                    }
                }
            }
        }
    return out;
}

}  // namespace ntm::shared_edges
