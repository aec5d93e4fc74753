// pixel_rects.hpp — integer rectangles of framebuffer pixels, and the two operations the UI
// layer cache needs to copy a cached layer without blending any pixel twice.
//
// A translucent pixel composited twice with premultiplied "over" darkens (α applied twice), so
// the rectangles composited must not overlap. Opaque pixels may be written any number of times.
// Device pixels, origin top left, y down; a rectangle holds x0 ≤ x < x1, y0 ≤ y < y1.
#pragma once

#include <vector>

namespace ntm::pixel_rects {

struct Rect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x0 >= x1 || y0 >= y1; }
    long long area() const { return empty() ? 0 : (long long)(x1 - x0) * (y1 - y0); }
    bool operator==(const Rect& o) const { return x0 == o.x0 && y0 == o.y0 && x1 == o.x1 && y1 == o.y1; }
};

bool overlap(const Rect& a, const Rect& b);
bool contains(const Rect& outer, const Rect& inner);
Rect intersection(const Rect& a, const Rect& b);

// `a` minus `hole` as up to four disjoint rectangles (bands above and below the hole, then the
// pieces left and right of it), appended to `out`. Nothing is appended where `hole` covers `a`.
void subtract(const Rect& a, const Rect& hole, std::vector<Rect>& out);

// Replaces rectangles that overlap by their bounding box until none overlap; empty ones are
// dropped. The result covers every input pixel (and perhaps some more).
void merge_overlapping(std::vector<Rect>& rects);

}  // namespace ntm::pixel_rects
