#include <catch2/catch.hpp>

#include <cmath>

#include "core/labels.hpp"

using namespace ntm::labels;

TEST_CASE("Overlapping labels: the earlier (higher priority) one wins", "[labels]") {
    std::vector<Candidate> c = {
        {{100, 100}, 80, 16},
        {{130, 104}, 80, 16},  // overlaps the first
        {{300, 100}, 80, 16},  // free
    };
    std::vector<uint8_t> shown;
    place(c, 2, shown);
    CHECK(shown == std::vector<uint8_t>{1, 0, 1});
}

TEST_CASE("No two shown labels overlap in a dense field", "[labels]") {
    std::vector<Candidate> c;
    for (int i = 0; i < 400; ++i) c.push_back({{double((i * 37) % 500), double((i * 91) % 300)}, 60, 14});
    std::vector<uint8_t> shown;
    place(c, 3, shown);
    int count = 0;
    for (size_t i = 0; i < c.size(); ++i) {
        if (!shown[i]) continue;
        ++count;
        for (size_t j = i + 1; j < c.size(); ++j) {
            if (!shown[j]) continue;
            BoxPx a{c[i].anchor.x - 33, c[i].anchor.y - 10, c[i].anchor.x + 33, c[i].anchor.y + 10};
            BoxPx b{c[j].anchor.x - 30, c[j].anchor.y - 7, c[j].anchor.x + 30, c[j].anchor.y + 7};
            CHECK_FALSE(overlaps(a, b));
        }
    }
    CHECK(count > 10);
}

TEST_CASE("A label wider than its feature waits for more zoom; a forced one always shows", "[labels]") {
    std::vector<Candidate> c = {{{100, 100}, 80, 16, 40}, {{300, 100}, 80, 16, 200}};
    std::vector<uint8_t> shown;
    place(c, 2, shown);
    CHECK(shown == std::vector<uint8_t>{0, 1});
    c.push_back({{310, 100}, 80, 16, 10, true});
    place(c, 2, shown);
    CHECK(shown == std::vector<uint8_t>{0, 0, 1});
}

namespace {
// The definition place() must keep: each candidate in order against every box accepted before.
std::vector<uint8_t> place_by_brute_force(const std::vector<Candidate>& c, double m, double w, double h) {
    std::vector<uint8_t> shown(c.size(), 0);
    std::vector<BoxPx> taken;
    auto box = [&](const Candidate& k) {
        return BoxPx{k.anchor.x - k.width_px / 2 - m, k.anchor.y - k.height_px / 2 - m, k.anchor.x + k.width_px / 2 + m,
                     k.anchor.y + k.height_px / 2 + m};
    };
    for (size_t i = 0; i < c.size(); ++i)
        if (c[i].forced) {
            shown[i] = 1;
            taken.push_back(box(c[i]));
        }
    for (size_t i = 0; i < c.size(); ++i) {
        if (c[i].forced || c[i].width_px > c[i].room_px) continue;
        const BoxPx b = box(c[i]);
        if (!(b.x1 >= 0 && b.y1 >= 0 && b.x0 <= w && b.y0 <= h)) continue;
        bool free = true;
        for (const BoxPx& t : taken) free = free && !overlaps(b, t);
        if (!free) continue;
        shown[i] = 1;
        taken.push_back(b);
    }
    return shown;
}
}  // namespace

TEST_CASE("The grid gives the same labels as testing every pair, on and off the canvas", "[labels]") {
    // A national-scale field: 12,000 candidates of mixed sizes, some forced, some far off the
    // canvas, some wider than their room, around a 1280 × 800 canvas.
    std::vector<Candidate> c;
    uint32_t seed = 12345;
    auto rnd = [&](double lo, double hi) {
        seed = seed * 1664525u + 1013904223u;
        return lo + (hi - lo) * double(seed >> 8) / double(1u << 24);
    };
    for (int i = 0; i < 12000; ++i) {
        Candidate k;
        k.anchor = {rnd(-400, 1680), rnd(-300, 1100)};
        k.width_px = rnd(20, 180);
        k.height_px = rnd(12, 20);
        k.room_px = rnd(0, 400);
        k.forced = i % 997 == 0;
        c.push_back(k);
    }
    Workspace work;
    std::vector<uint8_t> shown;
    place(c, 3, shown, 1280, 800, &work);
    CHECK(shown == place_by_brute_force(c, 3, 1280, 800));
    size_t count = 0;
    for (uint8_t s : shown) count += s;
    CHECK(count > 100);

    // Again with the same workspace after a pan, and without a canvas size (tests, exports).
    for (Candidate& k : c) k.anchor.x += 333;
    place(c, 3, shown, 1280, 800, &work);
    CHECK(shown == place_by_brute_force(c, 3, 1280, 800));
    std::vector<Candidate> few(c.begin(), c.begin() + 2000);
    place(few, 2, shown);
    CHECK(shown == place_by_brute_force(few, 2, 1e9, 1e9));
}

TEST_CASE("Degenerate label input: nothing, a huge box, one not-a-number anchor", "[labels]") {
    std::vector<uint8_t> shown{1, 1};
    place({}, 3, shown, 800, 600);
    CHECK(shown.empty());
    std::vector<Candidate> c = {{{400, 300}, 5000, 3000}, {{100, 100}, 20, 10}, {{std::nan(""), 50}, 20, 10}};
    place(c, 3, shown, 800, 600);
    CHECK(shown[0] == 1);  // covers the canvas: the rest cannot show
    CHECK(shown[1] == 0);
    CHECK(shown[2] == 0);
}
