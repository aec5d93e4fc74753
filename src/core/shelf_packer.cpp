#include "core/shelf_packer.hpp"

namespace ntm {

void ShelfPacker::reset(int w, int h) {
    w_ = w > 0 ? w : 0;
    h_ = h > 0 ? h : 0;
    shelf_y_ = shelf_h_ = x_ = 0;
}

bool ShelfPacker::place(int w, int h, pixel_rects::Rect* out) {
    if (w <= 0 || h <= 0 || w > w_ || h > h_) return false;
    // A rectangle taller than the open shelf may still join it while the shelf below is free:
    // the shelf grows. Otherwise (no room to the right, or too tall) a new shelf opens below.
    if (x_ + w > w_) {
        shelf_y_ += shelf_h_;
        shelf_h_ = 0;
        x_ = 0;
    }
    if (shelf_y_ + h > h_) return false;
    *out = {x_, shelf_y_, x_ + w, shelf_y_ + h};
    x_ += w;
    if (h > shelf_h_) shelf_h_ = h;
    return true;
}

}  // namespace ntm
