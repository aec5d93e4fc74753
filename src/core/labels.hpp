// labels.hpp — which map labels to draw so that none overlaps another.
//
// Candidates arrive in priority order (districts before communes, larger before smaller);
// each is accepted if its screen box (grown by a margin) misses every box accepted before it.
// A label also needs room: it is skipped when its text is wider than the feature it names
// appears on screen, so commune names appear as the zoom allows. Boxes wholly off the canvas
// are skipped (forced ones still reserve their place). Accepted boxes go into a uniform grid of
// screen cells, so each candidate is tested against the few boxes near it: linear in the number
// of candidates (11,163 communes of the national map), not quadratic. The result is cached by
// the caller per camera state, so this runs only when the view changes.
//
//   std::vector<ntm::labels::Candidate> c = ...;   // anchor, text size, room
//   std::vector<uint8_t> shown;
//   ntm::labels::Workspace work;                     // kept between calls: no allocation
//   ntm::labels::place(c, 4.0, shown, 1280, 800, &work);
#pragma once

#include <cstdint>
#include <vector>

#include "core/geo.hpp"

namespace ntm::labels {

struct Candidate {
    geo::ScreenPx anchor;  // centre of the text, CSS pixels
    double width_px = 0;   // text box
    double height_px = 0;
    double room_px = 1e9;  // on-screen width of the feature; the label needs width_px <= room_px
    bool forced = false;   // always shown (the selected unit), still reserves its box
};

struct BoxPx {
    double x0, y0, x1, y1;
};

// Memory place() reuses: keep one next to the candidates and pass it to every call.
struct Workspace {
    std::vector<BoxPx> taken;                 // accepted boxes
    std::vector<std::vector<uint32_t>> cells; // per grid cell, the accepted boxes touching it
};

// Fills `shown[i]` with 1 for accepted candidates. `shown` is reused to avoid allocation; so is
// `work` when given.
void place(const std::vector<Candidate>& candidates, double margin_px, std::vector<uint8_t>& shown,
           double canvas_w = 1e9, double canvas_h = 1e9, Workspace* work = nullptr);
bool overlaps(const BoxPx& a, const BoxPx& b);

}  // namespace ntm::labels
