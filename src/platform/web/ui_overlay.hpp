// ui_overlay.hpp — draws ImGui's frame over the map, the windows through a render::LayerCache.
//
// ImGui's draw data is split in three: the background list (map labels and model markers, which
// move with the map) is drawn straight to the canvas; the windows (panels, popups, tooltips)
// go through the cache; the foreground list is drawn last, straight again. The windows are
// cached once their draw lists (vertices, indices, commands) and the canvas size are the same
// two frames running, and the cache is copied while they stay the same: a flight under a still
// panel copies it, a panel that changes every frame (scrolling, typing) is drawn directly and
// pays nothing for the cache. The copy blits the side panel's opaque interior (the caller says
// where it is) and blends only the rest: its rounded edges and any other window.
//
// Measured (Sóc Trăng flight, SwiftShader, 1280×800): see README, "Speed".
#pragma once

#include <imgui.h>

#include <cstdint>
#include <vector>

#include "render/layer_cache.hpp"

namespace ntm::web {

// A fingerprint of everything `data` draws: every list's vertices, indices and commands (clip
// rectangles, textures, ranges), the display size and scale. Equal fingerprints, equal pixels,
// as long as the textures named keep their contents (the font atlas is remade under the same
// name: the caller treats that as a change).
uint64_t draw_data_fingerprint(const ImDrawData& data);

class UiOverlay {
public:
    // Draws `data` over what the canvas holds. `opaque` is where a window is known to be opaque
    // (device pixels; empty if none), e.g. the side panel's interior. `may_cache` false (PNG
    // export at 4× the canvas) draws everything directly and leaves the cache alone.
    void draw(ImDrawData* data, int fb_w, int fb_h, const render::PixelRect& opaque, bool may_cache);
    // The cache no longer matches what the same draw lists would draw (the font texture was
    // remade; textures are named by GL ids, which GL reuses).
    void invalidate() { cached_hash_ = 0; }
    void forget_gl_objects() {
        cache_.forget_gl_objects();
        cached_hash_ = 0;
    }
    // Frames whose windows were copied from the cache (window.ntmMap.stats(), for the tests).
    uint32_t frames_from_cache() const { return frames_from_cache_; }

private:
    void copy_from_cache();

    render::LayerCache cache_;
    ImDrawData below_, windows_, above_;     // reused: no allocation per frame once grown
    std::vector<render::PixelRect> boxes_;   // where the windows drew, device pixels
    std::vector<render::PixelRect> blended_; // boxes_ minus the opaque interior, disjoint
    render::PixelRect interior_;             // the opaque window's interior, copied without blending
    uint64_t last_hash_ = 0, cached_hash_ = 0;
    uint32_t frames_from_cache_ = 0;
    bool cache_failed_ = false;  // GL refused the framebuffer once: stop trying
};

}  // namespace ntm::web
