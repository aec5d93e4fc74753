#include "core/labels.hpp"

#include <algorithm>
#include <cmath>

namespace ntm::labels {

bool overlaps(const BoxPx& a, const BoxPx& b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

void place(const std::vector<Candidate>& candidates, double margin_px, std::vector<uint8_t>& shown, double canvas_w,
           double canvas_h, Workspace* work) {
    Workspace local;
    Workspace& w = work ? *work : local;
    shown.assign(candidates.size(), 0);
    w.taken.clear();
    auto box_of = [&](const Candidate& c) {
        return BoxPx{c.anchor.x - c.width_px / 2 - margin_px, c.anchor.y - c.height_px / 2 - margin_px,
                     c.anchor.x + c.width_px / 2 + margin_px, c.anchor.y + c.height_px / 2 + margin_px};
    };

    // The grid spans the canvas (or, for an unbounded one, the boxes) in at most 64 × 64 cells of
    // at least 32 px; boxes past its edges fall in the edge cells, which keeps every overlap
    // test that matters (clamping keeps overlapping ranges overlapping).
    double extent_x = 1, extent_y = 1;
    for (const Candidate& c : candidates) {
        const BoxPx b = box_of(c);
        if (b.x1 > extent_x) extent_x = std::min(b.x1, canvas_w);
        if (b.y1 > extent_y) extent_y = std::min(b.y1, canvas_h);
    }
    const double cell = std::max(32.0, std::max(extent_x, extent_y) / 64);
    const int cols = std::min(64, int(extent_x / cell) + 1), rows = std::min(64, int(extent_y / cell) + 1);
    if (w.cells.size() < size_t(cols) * size_t(rows)) w.cells.resize(size_t(cols) * size_t(rows));
    for (size_t i = 0; i < size_t(cols) * size_t(rows); ++i) w.cells[i].clear();
    auto cell_of = [&](double v, int n) {
        const double k = std::floor(v / cell);
        return k >= n - 1 ? n - 1 : k > 0 ? int(k) : 0;  // NaN → 0
    };
    auto is_free = [&](const BoxPx& b) {
        const int cx0 = cell_of(b.x0, cols), cx1 = cell_of(b.x1, cols);
        const int cy0 = cell_of(b.y0, rows), cy1 = cell_of(b.y1, rows);
        for (int cy = cy0; cy <= cy1; ++cy)
            for (int cx = cx0; cx <= cx1; ++cx)
                for (uint32_t t : w.cells[size_t(cy) * size_t(cols) + size_t(cx)])
                    if (overlaps(b, w.taken[t])) return false;
        return true;
    };
    auto take = [&](const BoxPx& b) {
        const uint32_t id = uint32_t(w.taken.size());
        w.taken.push_back(b);
        const int cx0 = cell_of(b.x0, cols), cx1 = cell_of(b.x1, cols);
        const int cy0 = cell_of(b.y0, rows), cy1 = cell_of(b.y1, rows);
        for (int cy = cy0; cy <= cy1; ++cy)
            for (int cx = cx0; cx <= cx1; ++cx) w.cells[size_t(cy) * size_t(cols) + size_t(cx)].push_back(id);
    };

    // Forced labels first so that nothing hides the selection's name.
    for (size_t i = 0; i < candidates.size(); ++i) {
        if (!candidates[i].forced) continue;
        shown[i] = 1;
        take(box_of(candidates[i]));
    }
    for (size_t i = 0; i < candidates.size(); ++i) {
        const Candidate& c = candidates[i];
        if (c.forced || c.width_px > c.room_px) continue;
        const BoxPx b = box_of(c);
        // Off screen (written so that a not-a-number anchor is off screen too).
        if (!(b.x1 >= 0 && b.y1 >= 0 && b.x0 <= canvas_w && b.y0 <= canvas_h)) continue;
        if (!is_free(b)) continue;
        shown[i] = 1;
        take(b);
    }
}

}  // namespace ntm::labels
