#include <catch2/catch.hpp>

#include "core/asset.hpp"
#include "core/pick.hpp"

using namespace ntm;

// A file may hold a feature without any ring (hand-made, or a commune lost by simplification).
// Its box is empty (infinite corners); the index must skip it instead of turning infinities into
// grid cells, which was undefined behaviour (found by fuzz_asset under UBSan).
TEST_CASE("Picking skips features without rings and still finds the others", "[pick]") {
    asset::MapAsset m;
    m.origin = {11800000, 1070000};
    for (auto [x, y] : {std::pair{0.f, 0.f}, {100.f, 0.f}, {100.f, 100.f}, {0.f, 100.f}}) {
        m.xy.push_back(x);
        m.xy.push_back(y);
    }
    m.rings.push_back({0, 4});
    asset::Feature empty;
    empty.name = "Xã Trống";
    asset::Feature square;
    square.name = "Xã Vuông";
    square.ring_count = 1;
    square.bbox.extend(geo::World{m.origin.x, m.origin.y});
    square.bbox.extend(geo::World{m.origin.x + 100, m.origin.y + 100});
    m.communes = {empty, square};

    const pick::Index idx = pick::build(m, m.communes);
    CHECK(pick::find(idx, m, m.communes, {m.origin.x + 50, m.origin.y + 50}) == 1);
    CHECK(pick::find(idx, m, m.communes, {m.origin.x + 500, m.origin.y + 50}) == -1);

    m.communes = {empty};
    const pick::Index none = pick::build(m, m.communes);
    CHECK(pick::find(none, m, m.communes, {m.origin.x + 50, m.origin.y + 50}) == -1);
}
