#include "core/tile_grid.hpp"

#include <cmath>

#include "core/camera.hpp"

namespace ntm::tile_grid {

double side_m(int z, int tile_px) { return tile_px * camera::metres_per_px(z); }

geo::Box box_of(const Key& k, int tile_px) {
    const double s = side_m(k.z, tile_px);
    return {k.x * s, k.y * s, (k.x + 1.0) * s, (k.y + 1.0) * s};
}

int zoom_for(double device_zoom) { return int(std::lround(device_zoom)); }

void covering(const geo::Box& b, int z, int tile_px, std::vector<Key>& out) {
    if (b.empty()) return;
    const double s = side_m(z, tile_px);
    // A box ending exactly on a tile edge does not reach into the next tile.
    const auto first = [&](double v) { return int32_t(std::floor(v / s)); };
    const auto last = [&](double v) { return int32_t(std::ceil(v / s)) - 1; };
    const int32_t x0 = first(b.min_x), y0 = first(b.min_y);
    const int32_t x1 = std::max(x0, last(b.max_x)), y1 = std::max(y0, last(b.max_y));
    for (int32_t y = y0; y <= y1; ++y)
        for (int32_t x = x0; x <= x1; ++x) out.push_back({z, x, y});
}

Key parent(const Key& k) {
    // Floor division: tile -1 is in parent -1, not 0.
    const auto half = [](int32_t v) { return v >= 0 ? v / 2 : -((-v + 1) / 2); };
    return {k.z - 1, half(k.x), half(k.y)};
}

std::array<Key, 4> children(const Key& k) {
    const int z = k.z + 1;
    return {Key{z, 2 * k.x, 2 * k.y}, Key{z, 2 * k.x + 1, 2 * k.y}, Key{z, 2 * k.x, 2 * k.y + 1},
            Key{z, 2 * k.x + 1, 2 * k.y + 1}};
}

void remove_repeats(std::vector<Key>& keys) {
    // Plain loops, not std::find and std::sort: a few dozen keys, and every byte of the viewer's
    // code is downloaded (the library versions unroll into kilobytes).
    size_t kept = 0;
    for (size_t i = 0; i < keys.size(); ++i) {
        size_t j = 0;
        while (j < kept && !(keys[j] == keys[i])) ++j;
        if (j == kept) keys[kept++] = keys[i];
    }
    keys.resize(kept);
}

void sort_by_distance(std::vector<Key>& keys, geo::World p, int tile_px) {
    const auto d2 = [&](const Key& k) {
        const geo::World c = box_of(k, tile_px).center();
        return (c.x - p.x) * (c.x - p.x) + (c.y - p.y) * (c.y - p.y);
    };
    // Insertion sort (see remove_repeats).
    for (size_t i = 1; i < keys.size(); ++i) {
        const Key k = keys[i];
        const double d = d2(k);
        size_t j = i;
        for (; j > 0 && d2(keys[j - 1]) > d; --j) keys[j] = keys[j - 1];
        keys[j] = k;
    }
}

float pattern_phase(const Key& k, int tile_px, double period_px) {
    if (!(period_px > 0)) return 0;
    // Whole pixels, exact in a double up to 2^53 (street zoom has tile numbers near 2^17).
    const double px = (double(k.x) + double(k.y)) * tile_px;
    return float(px - std::floor(px / period_px) * period_px);
}

}  // namespace ntm::tile_grid
