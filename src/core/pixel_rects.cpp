#include "core/pixel_rects.hpp"

#include <algorithm>

namespace ntm::pixel_rects {

bool overlap(const Rect& a, const Rect& b) {
    return !a.empty() && !b.empty() && a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

bool contains(const Rect& outer, const Rect& inner) {
    return !inner.empty() && outer.x0 <= inner.x0 && outer.y0 <= inner.y0 && inner.x1 <= outer.x1 &&
           inner.y1 <= outer.y1;
}

Rect intersection(const Rect& a, const Rect& b) {
    return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

void subtract(const Rect& a, const Rect& hole, std::vector<Rect>& out) {
    if (a.empty()) return;
    if (!overlap(a, hole)) {
        out.push_back(a);
        return;
    }
    const Rect h = intersection(a, hole);
    const Rect pieces[4] = {{a.x0, a.y0, a.x1, h.y0},   // above
                            {a.x0, h.y1, a.x1, a.y1},   // below
                            {a.x0, h.y0, h.x0, h.y1},   // left
                            {h.x1, h.y0, a.x1, h.y1}};  // right
    for (const Rect& p : pieces)
        if (!p.empty()) out.push_back(p);
}

void merge_overlapping(std::vector<Rect>& rects) {
    rects.erase(std::remove_if(rects.begin(), rects.end(), [](const Rect& r) { return r.empty(); }), rects.end());
    // A handful of windows per frame: the quadratic loop is cheaper than any index.
    for (bool merged = true; merged;) {
        merged = false;
        for (size_t i = 0; i < rects.size() && !merged; ++i)
            for (size_t j = i + 1; j < rects.size(); ++j) {
                if (!overlap(rects[i], rects[j])) continue;
                Rect& a = rects[i];
                const Rect& b = rects[j];
                a = {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
                rects.erase(rects.begin() + std::ptrdiff_t(j));
                merged = true;
                break;
            }
    }
}

}  // namespace ntm::pixel_rects
