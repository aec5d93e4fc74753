#include "core/pick.hpp"

#include <algorithm>
#include <cmath>

namespace ntm::pick {

bool feature_contains(const asset::MapAsset& map, const asset::Feature& f, geo::World p) {
    if (!f.bbox.contains(p)) return false;
    // Work in the asset's float offsets to match the stored precision exactly.
    const double px = p.x - map.origin.x, py = p.y - map.origin.y;
    bool inside = false;
    for (uint32_t r = f.first_ring; r < f.first_ring + f.ring_count; ++r) {
        const asset::Ring& ring = map.rings[r];
        const float* v = map.xy.data() + 2 * size_t(ring.first_vertex);
        const uint32_t n = ring.vertex_count;
        for (uint32_t i = 0, j = n - 1; i < n; j = i++) {
            const double xi = v[2 * i], yi = v[2 * i + 1], xj = v[2 * j], yj = v[2 * j + 1];
            if ((yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi) inside = !inside;
        }
    }
    return inside;
}

Index build(const asset::MapAsset&, const std::vector<asset::Feature>& features) {
    Index idx;
    for (const auto& f : features) idx.bounds.extend(f.bbox);
    if (features.empty() || idx.bounds.empty()) return idx;
    // About one feature per cell on average keeps the candidate lists short.
    const double aspect = std::max(idx.bounds.width(), 1.0) / std::max(idx.bounds.height(), 1.0);
    const double cells = std::max<double>(1, double(features.size()));
    idx.cols = std::clamp(int(std::ceil(std::sqrt(cells * aspect))), 1, 1024);
    idx.rows = std::clamp(int(std::ceil(cells / idx.cols)), 1, 1024);
    idx.cell_w = std::max(idx.bounds.width(), 1.0) / idx.cols;
    idx.cell_h = std::max(idx.bounds.height(), 1.0) / idx.rows;

    auto cell_range = [&](const geo::Box& b, int& c0, int& r0, int& c1, int& r1) {
        c0 = std::clamp(int((b.min_x - idx.bounds.min_x) / idx.cell_w), 0, idx.cols - 1);
        c1 = std::clamp(int((b.max_x - idx.bounds.min_x) / idx.cell_w), 0, idx.cols - 1);
        r0 = std::clamp(int((b.min_y - idx.bounds.min_y) / idx.cell_h), 0, idx.rows - 1);
        r1 = std::clamp(int((b.max_y - idx.bounds.min_y) / idx.cell_h), 0, idx.rows - 1);
    };
    std::vector<uint32_t> counts(size_t(idx.cols) * idx.rows, 0);
    int c0, r0, c1, r1;
    // A feature without rings (a damaged or hand-made file) has an empty, infinite box: it can
    // never be hit, and converting its infinite corners to cells would be undefined behaviour.
    for (const auto& f : features) {
        if (f.bbox.empty()) continue;
        cell_range(f.bbox, c0, r0, c1, r1);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c) ++counts[size_t(r) * idx.cols + c];
    }
    idx.cell_start.assign(counts.size() + 1, 0);
    for (size_t i = 0; i < counts.size(); ++i) idx.cell_start[i + 1] = idx.cell_start[i] + counts[i];
    idx.items.resize(idx.cell_start.back());
    std::vector<uint32_t> fill(idx.cell_start.begin(), idx.cell_start.end() - 1);
    for (uint32_t i = 0; i < features.size(); ++i) {
        if (features[i].bbox.empty()) continue;
        cell_range(features[i].bbox, c0, r0, c1, r1);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c) idx.items[fill[size_t(r) * idx.cols + c]++] = i;
    }
    return idx;
}

int find(const Index& idx, const asset::MapAsset& map, const std::vector<asset::Feature>& features, geo::World p) {
    if (idx.cols == 0 || !idx.bounds.contains(p)) return -1;
    const int c = std::clamp(int((p.x - idx.bounds.min_x) / idx.cell_w), 0, idx.cols - 1);
    const int r = std::clamp(int((p.y - idx.bounds.min_y) / idx.cell_h), 0, idx.rows - 1);
    const size_t cell = size_t(r) * idx.cols + c;
    for (uint32_t k = idx.cell_start[cell]; k < idx.cell_start[cell + 1]; ++k) {
        const uint32_t i = idx.items[k];
        if (feature_contains(map, features[i], p)) return int(i);
    }
    return -1;
}

}  // namespace ntm::pick
