// fuzz_asset.cpp — libFuzzer target for the map-asset reader (asset::decode) and what the viewer
// does with a file it accepted: the pick index, a lookup, the gazetteer and the coarse copy.
//
// The header's CRC-32 is recomputed over the fuzzer's payload before decoding: otherwise almost
// every mutation stops at the checksum and the fuzzer never reaches the section and count checks
// behind it, which are what a damaged file must not get past. The checksum check itself is
// covered by the unit tests (tests/core/asset_test.cpp).
//
// Beyond "no crash", an accepted file must be internally consistent: every triangle index, ring
// and feature range inside its arrays and every commune's parent a real district or none, because the
// renderer and the picker index into them without further checks.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/asset.hpp"
#include "core/pick.hpp"
#include "core/plan.hpp"

// An invariant the fuzzer broke: name it, then abort so that libFuzzer keeps the input.
#define require(cond) \
    ((cond) ? (void)0 : (std::fprintf(stderr, "invariant broken: %s (%s:%d)\n", #cond, __FILE__, __LINE__), std::abort()))

namespace {

using ntm::asset::Feature;
using ntm::asset::MapAsset;


void check_features(const MapAsset& m, const std::vector<Feature>& features, bool communes) {
    for (const Feature& f : features) {
        require(uint64_t(f.first_ring) + f.ring_count <= m.rings.size());
        require(uint64_t(f.first_index) + f.index_count <= m.indices.size());
        require(f.index_count % 3 == 0);
        // A commune may lack a district (-1; the panels then show none); anything else is a real one.
        if (communes) require(f.parent >= -1 && (f.parent < 0 || size_t(f.parent) < m.districts.size()));
        else require(f.parent == -1);
    }
}

void check(const MapAsset& m) {
    require(m.xy.size() % 2 == 0);
    const size_t nv = m.vertex_count();
    for (uint32_t i : m.indices) require(i < nv);
    for (const auto& r : m.rings) require(uint64_t(r.first_vertex) + r.vertex_count <= nv);
    check_features(m, m.communes, true);
    check_features(m, m.districts, false);
    check_features(m, m.province, false);
    check_features(m, m.context, false);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::vector<uint8_t> bytes(data, data + size);
    if (size >= ntm::asset::kHeaderBytes) {
        const uint32_t crc = ntm::asset::crc32(bytes.data() + ntm::asset::kHeaderBytes, size - ntm::asset::kHeaderBytes);
        std::memcpy(bytes.data() + 12, &crc, 4);  // little-endian, as the format
    }
    auto r = ntm::asset::decode(bytes.data(), bytes.size());
    if (!r) {
        require(!r.error().message_vi.empty());
        return 0;
    }
    const MapAsset& m = *r;
    check(m);
    const ntm::pick::Index index = ntm::pick::build(m, m.communes);
    if (!m.communes.empty()) {
        const auto& b = m.communes.front().bbox;
        const int hit = ntm::pick::find(index, m, m.communes, {(b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2});
        require(hit >= -1 && hit < int(m.communes.size()));
    }
    (void)ntm::plan::gazetteer_from_asset(m);
    // The coarse copy the viewer draws at low zoom must stay as consistent as the file itself.
    check(ntm::asset::simplified(m, 500.0));
    return 0;
}
