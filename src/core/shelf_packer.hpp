// shelf_packer.hpp — places rectangles of about one height in a fixed sheet, shelf by shelf.
//
// For the map labels' sprite sheet (ui/label_sprites): every label is one line of text, so its
// rectangle has one of two or three heights, and a row of shelves wastes little of the sheet.
// Nothing is ever freed one by one: a full sheet is reset as a whole and filled again, which is
// what a cache of the labels on screen needs (the labels of a new view replace all of the old).
// Integer units, origin top left; a placed rectangle holds x0 ≤ x < x1, y0 ≤ y < y1.
#pragma once

#include "core/pixel_rects.hpp"

namespace ntm {

class ShelfPacker {
public:
    // An empty sheet of w × h (none if either is not positive: every place() fails).
    void reset(int w, int h);
    // A free w × h rectangle of the sheet in *out, never overlapping one placed before; false
    // (and *out untouched) if the sheet has no room left for it, or w or h is not positive.
    bool place(int w, int h, pixel_rects::Rect* out);
    int width() const { return w_; }
    int height() const { return h_; }

private:
    int w_ = 0, h_ = 0;
    int shelf_y_ = 0;  // top of the open shelf
    int shelf_h_ = 0;  // its height: the tallest rectangle on it
    int x_ = 0;        // where the next rectangle on the open shelf starts
};

}  // namespace ntm
