#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "core/camera.hpp"
#include "core/tile_grid.hpp"

namespace tg = ntm::tile_grid;
using ntm::geo::Box;

TEST_CASE("the tiles covering a box tile it: every point of the box is in exactly one of them") {
    const int px = 256;
    const Box view{11'700'000.3, 1'050'000.7, 11'860'000.1, 1'130'000.9};  // around Sóc Trăng, zoom ~9
    std::vector<tg::Key> keys;
    tg::covering(view, 9, px, keys);
    REQUIRE(!keys.empty());
    for (const tg::Key& k : keys) REQUIRE(k.z == 9);
    // Sample the box on a grid finer than a tile: each sample in exactly one key's box.
    for (int i = 0; i <= 40; ++i)
        for (int j = 0; j <= 40; ++j) {
            const ntm::geo::World p{view.min_x + (view.max_x - view.min_x) * i / 40.0,
                                    view.min_y + (view.max_y - view.min_y) * j / 40.0};
            int inside = 0;
            for (const tg::Key& k : keys) {
                const Box b = tg::box_of(k, px);
                inside += (p.x >= b.min_x && p.x < b.max_x && p.y >= b.min_y && p.y < b.max_y) ? 1 : 0;
            }
            INFO("sample " << i << "," << j);
            REQUIRE(inside == 1);
        }
    // And no key is wasted: each tile meets the box.
    for (const tg::Key& k : keys) REQUIRE(tg::box_of(k, px).intersects(view));
}

TEST_CASE("a tile is tile_px pixels of its zoom wide, and the level is the nearest whole zoom") {
    REQUIRE(tg::side_m(0, 256) == Approx(256 * ntm::camera::metres_per_px(0)));
    REQUIRE(tg::side_m(10, 256) * 2 == Approx(tg::side_m(9, 256)));
    REQUIRE(tg::zoom_for(8.4) == 8);
    REQUIRE(tg::zoom_for(8.6) == 9);
    REQUIRE(tg::zoom_for(10.0) == 10);
    // Shown between 0.71 and 1.41 of its size at any zoom.
    for (double z = 2; z < 17; z += 0.05) {
        const double scale = std::pow(2.0, z - tg::zoom_for(z));
        REQUIRE(scale >= 0.70);
        REQUIRE(scale <= 1.42);
    }
}

TEST_CASE("parent and children: a tile is one quarter of its parent, on either side of the origin") {
    for (const tg::Key k : {tg::Key{9, 5, 7}, tg::Key{9, -1, -1}, tg::Key{9, -6, 3}, tg::Key{12, 0, -3}}) {
        const tg::Key p = tg::parent(k);
        REQUIRE(p.z == k.z - 1);
        const Box kb = tg::box_of(k, 256), pb = tg::box_of(p, 256);
        INFO("tile " << k.x << "," << k.y);
        REQUIRE(kb.min_x >= pb.min_x - 1e-6);
        REQUIRE(kb.max_x <= pb.max_x + 1e-6);
        REQUIRE(kb.min_y >= pb.min_y - 1e-6);
        REQUIRE(kb.max_y <= pb.max_y + 1e-6);
        int found = 0;
        for (const tg::Key& c : tg::children(p)) found += c == k ? 1 : 0;
        REQUIRE(found == 1);
    }
}

TEST_CASE("repeats are removed keeping the first of each, and keys sort nearest the centre first") {
    std::vector<tg::Key> keys{{5, 1, 1}, {5, 2, 1}, {5, 1, 1}, {5, 0, 0}, {5, 2, 1}};
    tg::remove_repeats(keys);
    REQUIRE(keys == std::vector<tg::Key>{{5, 1, 1}, {5, 2, 1}, {5, 0, 0}});
    const ntm::geo::World centre = tg::box_of({5, 2, 1}, 256).center();
    tg::sort_by_distance(keys, centre, 256);
    REQUIRE(keys[0] == tg::Key{5, 2, 1});
    REQUIRE(keys[1] == tg::Key{5, 1, 1});
    REQUIRE(keys[2] == tg::Key{5, 0, 0});
}

TEST_CASE("the hatch pattern runs on across tiles: the phase at a tile's corner is the pixels before it") {
    const double period = 9;
    for (const tg::Key k : {tg::Key{11, 812, 97}, tg::Key{11, -3, 5}, tg::Key{17, 104'000, 7'600}}) {
        const float ph = tg::pattern_phase(k, 256, period);
        REQUIRE(ph >= 0);
        REQUIRE(ph < period + 1e-4);
        // One tile to the right starts 256 pixels further along x + y.
        const float right = tg::pattern_phase({k.z, k.x + 1, k.y}, 256, period);
        REQUIRE(std::fmod(ph + 256 - right + 10 * period, period) == Approx(0).margin(1e-3));
        const float up = tg::pattern_phase({k.z, k.x, k.y + 1}, 256, period);
        REQUIRE(std::fmod(ph + 256 - up + 10 * period, period) == Approx(0).margin(1e-3));
    }
}
