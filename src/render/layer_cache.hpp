// layer_cache.hpp — a layer drawn over the map (the UI panels), kept in a texture so that an
// unchanged layer costs one textured copy per frame instead of being drawn again.
//
// Why (issue 5): in software WebGL (SwiftShader: the benchmark's browser, and any projector
// laptop without a GPU driver) every pixel and every small triangle is CPU work. The side panel
// is thousands of glyph quads over a translucent background; while the map flies under it,
// drawing it each frame took about as long as drawing the map. Copying it from a texture in the
// rectangles it covers is one blended pass over those pixels.
//
// The capture is drawn with the usual "over" blending into a transparent target, which leaves
// premultiplied colour in the texture; composite() blends it with (1, 1 − α), so the result is
// the same as drawing the layer directly (up to one 8-bit rounding). Where the layer is opaque
// (a panel's interior), copy() is cheaper still: the same textured pass without blending. Not
// glBlitFramebuffer: in SwiftShader the blit of a 400 × 800 panel interior took ~0.7 ms more a
// frame than this pass (traced per pass during the Sóc Trăng flight, 2.3–2.6 vs 3.0–3.3 ms for
// the whole panel), and the flight's frames sit just under SwiftShader's 60 Hz budget.
// No ImGui, no Emscripten: only GLES3 headers.
//
//   ntm::render::LayerCache cache;
//   cache.begin_capture(fb_w, fb_h, &err);  ... draw the layer ...  cache.end_capture();
//   cache.composite(rects, n);              // every frame while the layer is unchanged
#pragma once

#include <GLES3/gl3.h>

#include <string>

#include "core/pixel_rects.hpp"

namespace ntm::render {

using PixelRect = pixel_rects::Rect;  // device pixels, origin top left, y down

class LayerCache {
public:
    LayerCache() = default;
    ~LayerCache();
    LayerCache(const LayerCache&) = delete;
    LayerCache& operator=(const LayerCache&) = delete;

    // Binds an offscreen framebuffer of fb_w × fb_h, cleared to transparent: what is drawn until
    // end_capture() lands in the cache. False (nothing bound) with a reason if GL refuses.
    // `clear` false keeps what the cache held (of this size) and draws over it.
    bool begin_capture(int fb_w, int fb_h, std::string* error_en, bool clear = true);
    void end_capture();  // back to the canvas's framebuffer
    // Copies the cached layer over the canvas inside `rects`, with premultiplied "over" blending.
    // The rectangles must not overlap where the layer is translucent (pixel_rects::merge_overlapping).
    void composite(const PixelRect* rects, int count) const;
    // Copies the cached pixels as they are (no blending): for rectangles the layer covers opaquely.
    void copy(const PixelRect* rects, int count) const;
    bool ready() const { return framebuffer_ != 0 && width_ > 0; }
    GLuint texture() const { return texture_; }
    int width() const { return width_; }
    int height() const { return height_; }
    // After a lost WebGL context: forgets the names (the objects died with the context).
    void forget_gl_objects();

private:
    GLuint program_ = 0;
    GLint u_rect_ = -1;
    GLuint vao_ = 0;
    GLuint texture_ = 0;
    GLuint framebuffer_ = 0;
    int width_ = 0, height_ = 0;
    void draw_rects(const PixelRect* rects, int count, bool blend) const;
};

}  // namespace ntm::render
