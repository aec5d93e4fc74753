// label_sheet.hpp — the GL texture behind ui::LabelSprites: the map labels' sprites.
//
// A render::LayerCache of 1024 × 512 CSS px at the canvas's pixel ratio (every label of the
// Sóc Trăng map fits with room to spare; a national view's labels on screen too), made when the
// map first moves, never cleared again except when the sprites are wiped. The texts that were
// given sprites in a frame are rendered into it by ImGui's own backend before the frame is
// drawn, so the frame can show them.
#pragma once

#include <imgui.h>

#include "render/layer_cache.hpp"
#include "ui/label_sprites.hpp"

namespace ntm::web {

class LabelSheet {
public:
    // The sheet for the labels' sprites at `pixel_ratio` (none until make()).
    const ui::SpriteSheet& sheet() const { return sheet_; }
    // Makes the texture (again, for another pixel ratio). False if GL refuses: labels stay text.
    bool make(float pixel_ratio);
    // Renders what `sprites` gave out since the last call into the sheet.
    void render_pending(ui::LabelSprites& sprites);
    void forget_gl_objects();

    static constexpr int kCssW = 1024, kCssH = 512;

private:
    render::LayerCache target_;
    ImDrawData data_;  // reused: render_pending allocates nothing once grown
    float ratio_ = 0;
    bool failed_ = false;
    ui::SpriteSheet sheet_;
};

}  // namespace ntm::web
