#include "core/labels.hpp"

namespace ntm::labels {

bool overlaps(const BoxPx& a, const BoxPx& b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

void place(const std::vector<Candidate>& candidates, double margin_px, std::vector<uint8_t>& shown, double canvas_w,
           double canvas_h) {
    shown.assign(candidates.size(), 0);
    // Forced labels first so that nothing hides the selection's name.
    std::vector<BoxPx> taken;
    taken.reserve(candidates.size());
    auto box_of = [&](const Candidate& c) {
        return BoxPx{c.anchor.x - c.width_px / 2 - margin_px, c.anchor.y - c.height_px / 2 - margin_px,
                     c.anchor.x + c.width_px / 2 + margin_px, c.anchor.y + c.height_px / 2 + margin_px};
    };
    for (size_t i = 0; i < candidates.size(); ++i) {
        if (!candidates[i].forced) continue;
        shown[i] = 1;
        taken.push_back(box_of(candidates[i]));
    }
    for (size_t i = 0; i < candidates.size(); ++i) {
        const Candidate& c = candidates[i];
        if (c.forced || c.width_px > c.room_px) continue;
        const BoxPx b = box_of(c);
        if (b.x1 < 0 || b.y1 < 0 || b.x0 > canvas_w || b.y0 > canvas_h) continue;  // off screen
        bool free = true;
        for (const BoxPx& t : taken)
            if (overlaps(b, t)) {
                free = false;
                break;
            }
        if (!free) continue;
        shown[i] = 1;
        taken.push_back(b);
    }
}

}  // namespace ntm::labels
