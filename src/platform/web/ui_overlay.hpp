// ui_overlay.hpp — draws ImGui's frame over the map, the windows through a render::LayerCache.
//
// ImGui's draw data is split in three: the background list (map labels and model markers, which
// move with the map) is drawn straight to the canvas; the windows (panels, popups, tooltips)
// go through the cache; the foreground list is drawn last, straight again. The windows are
// cached once their draw lists (vertices, indices, commands) and the canvas size are the same
// two frames running, and the cache is copied while they stay the same: a flight under a still
// panel copies it, a panel that changes every frame (scrolling, typing) is drawn directly and
// pays nothing for the cache. The copy writes the side panel's opaque interior (the caller says
// where it is) without blending and blends only the rest: its rounded edges and any other
// window. On a canvas that keeps its pixels, an interior already copied is left as it is
// (prepare/render).
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
    // draw() in two steps, for a canvas that keeps its pixels between frames (the viewer's
    // context has preserveDrawingBuffer): prepare() returns true when the opaque interior still
    // holds the panel the last frame copied there, unchanged since; the caller then draws the
    // map around it, not over it, and render() draws everything else without copying it again.
    // In software WebGL that copy was ~2.2 ms of a ~16 ms Sóc Trăng flight frame at 1280×800.
    bool prepare(ImDrawData* data, int fb_w, int fb_h, const render::PixelRect& opaque, bool may_cache);
    void render();
    // The cache no longer matches what the same draw lists would draw (the font texture was
    // remade; textures are named by GL ids, which GL reuses).
    void invalidate() { cached_hash_ = kept_hash_ = 0; }
    void forget_gl_objects() {
        cache_.forget_gl_objects();
        cached_hash_ = kept_hash_ = 0;
    }
    // Frames whose windows were copied from the cache (window.ntmMap.stats(), for the tests).
    uint32_t frames_from_cache() const { return frames_from_cache_; }
    // Frames that left the interior as the frame before had copied it (prepare() returned true).
    uint32_t interiors_kept() const { return interiors_kept_; }

private:
    void copy_from_cache();
    bool clip_bands_around_interior(const ImDrawData& data);
    void render_around_interior(ImDrawData& d);

    render::LayerCache cache_;
    ImDrawData below_, windows_, above_;     // reused: no allocation per frame once grown
    std::vector<render::PixelRect> boxes_;   // where the windows drew, device pixels
    std::vector<render::PixelRect> blended_; // boxes_ minus the opaque interior, disjoint
    render::PixelRect interior_;             // the opaque window's interior, copied without blending
    uint64_t last_hash_ = 0, cached_hash_ = 0;
    uint32_t frames_from_cache_ = 0, interiors_kept_ = 0;
    bool cache_failed_ = false;  // GL refused the framebuffer once: stop trying
    // Between prepare() and render().
    ImDrawData* data_ = nullptr;
    int fb_w_ = 0, fb_h_ = 0;
    uint64_t hash_ = 0;
    bool cacheable_ = false;
    bool keep_interior_ = false;
    // What the canvas holds inside the interior after the last render(): the cache's pixels for
    // windows hashing to kept_hash_ (0: anything else), at kept_interior_ on a canvas this size.
    uint64_t kept_hash_ = 0;
    render::PixelRect kept_interior_;
    int kept_fb_w_ = 0, kept_fb_h_ = 0;
    std::vector<render::PixelRect> bands_;  // the canvas minus the interior
    std::vector<ImVec4> band_clips_;        // the same in ImGui's coordinates (clip rectangles)
    std::vector<ImVec4> saved_clips_;       // the commands' own clip rectangles while a band is drawn
};

}  // namespace ntm::web
