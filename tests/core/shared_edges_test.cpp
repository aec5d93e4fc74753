#include <catch2/catch.hpp>

#include "core/asset.hpp"
#include "core/shared_edges.hpp"

using namespace ntm;
using namespace ntm::asset;

namespace {

// Features of one ring each, from corner lists (world metre offsets).
struct Builder {
    MapAsset m;
    std::vector<Feature> features;
    void add(std::initializer_list<std::pair<float, float>> corners) {
        Ring r{uint32_t(m.vertex_count()), uint32_t(corners.size())};
        for (auto [x, y] : corners) {
            m.xy.push_back(x);
            m.xy.push_back(y);
        }
        Feature f;
        f.first_ring = uint32_t(m.rings.size());
        f.ring_count = 1;
        m.rings.push_back(r);
        features.push_back(f);
    }
};

}  // namespace

TEST_CASE("The border two neighbours share is flagged once, in the later one, whichever way it is walked",
          "[shared_edges]") {
    Builder b;
    b.add({{0, 0}, {10, 0}, {10, 10}, {0, 10}});    // A: its segment 1 runs (10,0) -> (10,10)
    b.add({{10, 0}, {20, 0}, {20, 10}, {10, 10}});  // B: its segment 3 runs (10,10) -> (10,0)
    b.add({{50, 50}, {60, 50}, {60, 60}});          // C: touches nobody
    const std::vector<uint8_t> rep = shared_edges::repeated(b.m, b.features);
    REQUIRE(rep.size() == 4 + 4 + 3);
    CHECK(rep == std::vector<uint8_t>{0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0});
}

TEST_CASE("Points that only come close, or edges that share one end, are not the same edge", "[shared_edges]") {
    Builder b;
    b.add({{0, 0}, {10, 0}, {10, 10}});
    b.add({{10, 0}, {20, 0}, {10, 10.001f}});  // shares the corner (10,0), not the edge to (10,10)
    const std::vector<uint8_t> rep = shared_edges::repeated(b.m, b.features);
    for (uint8_t r : rep) CHECK(r == 0);
}

TEST_CASE("No features, no segments", "[shared_edges]") {
    Builder b;
    CHECK(shared_edges::repeated(b.m, b.features).empty());
}
