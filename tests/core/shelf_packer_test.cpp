#include <catch2/catch.hpp>

#include <vector>

#include "core/shelf_packer.hpp"

using ntm::ShelfPacker;
using ntm::pixel_rects::Rect;
namespace pr = ntm::pixel_rects;

namespace {

bool inside(const Rect& r, int w, int h) { return r.x0 >= 0 && r.y0 >= 0 && r.x1 <= w && r.y1 <= h; }

}  // namespace

TEST_CASE("label-sized rectangles fill the sheet without overlapping, then are refused") {
    ShelfPacker p;
    p.reset(256, 64);
    // Widths of names at one line height, with a taller district label now and then.
    std::vector<Rect> placed;
    for (int i = 0;; ++i) {
        const int w = 40 + (i * 37) % 70, h = i % 7 == 3 ? 24 : 20;
        Rect r;
        if (!p.place(w, h, &r)) break;
        REQUIRE(r.x1 - r.x0 == w);
        REQUIRE(r.y1 - r.y0 == h);
        REQUIRE(inside(r, 256, 64));
        for (const Rect& o : placed) REQUIRE_FALSE(pr::overlap(r, o));
        placed.push_back(r);
    }
    // Two full shelves and part of a third: the sheet's 3 × 20-ish rows are used, not one.
    REQUIRE(placed.size() >= 8);
    long long used = 0;
    for (const Rect& r : placed) used += r.area();
    REQUIRE(used > 256 * 64 / 2);
    // Once refused, a small one still fits if there is room at the end of the open shelf...
    Rect small;
    const bool fits = p.place(1, 1, &small);
    if (fits)
        for (const Rect& o : placed) REQUIRE_FALSE(pr::overlap(small, o));
    // ...and after a reset the whole sheet is free again.
    p.reset(256, 64);
    Rect r;
    REQUIRE(p.place(256, 64, &r));
    REQUIRE(r == Rect{0, 0, 256, 64});
    REQUIRE_FALSE(p.place(1, 1, &r));
}

TEST_CASE("a rectangle taller than its shelf grows the shelf; the next shelf starts below it") {
    ShelfPacker p;
    p.reset(100, 100);
    Rect a, b, c;
    REQUIRE(p.place(60, 10, &a));
    REQUIRE(p.place(30, 25, &b));  // joins the first shelf, which is now 25 tall
    REQUIRE(p.place(50, 10, &c));  // no room right of b: a new shelf under the tallest
    REQUIRE(a == Rect{0, 0, 60, 10});
    REQUIRE(b == Rect{60, 0, 90, 25});
    REQUIRE(c == Rect{0, 25, 50, 35});
}

TEST_CASE("degenerate sizes and sheets place nothing") {
    ShelfPacker p;
    Rect r{7, 7, 7, 7};
    REQUIRE_FALSE(p.place(1, 1, &r));  // never reset: no sheet
    p.reset(0, 50);
    REQUIRE_FALSE(p.place(1, 1, &r));
    p.reset(-5, 50);
    REQUIRE(p.width() == 0);
    p.reset(50, 50);
    REQUIRE_FALSE(p.place(0, 5, &r));
    REQUIRE_FALSE(p.place(5, -1, &r));
    REQUIRE_FALSE(p.place(51, 5, &r));  // wider than the sheet
    REQUIRE_FALSE(p.place(5, 51, &r));
    REQUIRE(r == Rect{7, 7, 7, 7});     // untouched by every refusal
    REQUIRE(p.place(50, 50, &r));
}
