#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "core/pixel_rects.hpp"

using ntm::pixel_rects::Rect;
namespace pr = ntm::pixel_rects;

namespace {

// How many of `rects` cover each pixel of a w × h grid.
std::vector<int> coverage(const std::vector<Rect>& rects, int w, int h) {
    std::vector<int> n(size_t(w * h), 0);
    for (const Rect& r : rects)
        for (int y = std::max(0, r.y0); y < std::min(h, r.y1); ++y)
            for (int x = std::max(0, r.x0); x < std::min(w, r.x1); ++x) ++n[size_t(y * w + x)];
    return n;
}

}  // namespace

TEST_CASE("subtract leaves exactly the pixels outside the hole, each once") {
    const Rect panel{10, 10, 60, 90};
    const Rect hole{16, 16, 54, 84};  // the panel's opaque interior
    std::vector<Rect> out;
    pr::subtract(panel, hole, out);
    REQUIRE(out.size() == 4);
    const std::vector<int> n = coverage(out, 100, 100);
    for (int y = 0; y < 100; ++y)
        for (int x = 0; x < 100; ++x) {
            const bool in_panel = x >= 10 && x < 60 && y >= 10 && y < 90;
            const bool in_hole = x >= 16 && x < 54 && y >= 16 && y < 84;
            INFO("pixel " << x << "," << y);
            REQUIRE(n[size_t(y * 100 + x)] == (in_panel && !in_hole ? 1 : 0));
        }
}

TEST_CASE("subtract: a hole covering the rectangle leaves nothing, a disjoint one leaves it whole") {
    std::vector<Rect> out;
    pr::subtract({20, 20, 30, 30}, {0, 0, 100, 100}, out);
    REQUIRE(out.empty());
    pr::subtract({20, 20, 30, 30}, {40, 40, 50, 50}, out);
    REQUIRE(out.size() == 1);
    REQUIRE(out[0] == Rect{20, 20, 30, 30});
    // A hole over one edge leaves one band.
    out.clear();
    pr::subtract({0, 0, 10, 10}, {-5, 6, 15, 20}, out);
    REQUIRE(out.size() == 1);
    REQUIRE(out[0] == Rect{0, 0, 10, 6});
}

TEST_CASE("merge_overlapping: no pixel covered twice, every input pixel still covered") {
    // A panel's edge bands, a tooltip across the panel's edge, a child window inside it and an
    // empty rectangle, as the UI produces them.
    std::vector<Rect> rects = {{10, 10, 60, 16}, {10, 84, 60, 90}, {10, 16, 16, 84}, {54, 16, 60, 84},
                               {50, 40, 80, 50}, {20, 30, 40, 40}, {5, 5, 5, 50}};
    const std::vector<Rect> before = rects;
    pr::merge_overlapping(rects);
    const std::vector<int> n_after = coverage(rects, 100, 100);
    const std::vector<int> n_before = coverage(before, 100, 100);
    for (size_t i = 0; i < n_after.size(); ++i) {
        INFO("pixel " << i % 100 << "," << i / 100);
        REQUIRE(n_after[i] <= 1);
        if (n_before[i] > 0) REQUIRE(n_after[i] == 1);
    }
    // The tooltip overlapped the right band: they became one rectangle; the rest stayed apart.
    REQUIRE(rects.size() == 5);
}

TEST_CASE("merge_overlapping: merging can create a new overlap, which is merged too") {
    // a and b overlap; their union reaches c, which overlaps neither of them alone.
    std::vector<Rect> rects = {{0, 0, 10, 10}, {5, 20, 15, 30}, {0, 5, 6, 25}, {11, 0, 12, 4}};
    pr::merge_overlapping(rects);
    const std::vector<int> n = coverage(rects, 40, 40);
    for (int v : n) REQUIRE(v <= 1);
}
