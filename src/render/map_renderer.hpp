// map_renderer.hpp — draws the map asset with WebGL2 / OpenGL ES 3.0.
//
// Geometry is uploaded once: one vertex buffer (float offsets from the asset origin plus a
// "slot" per vertex naming the feature it belongs to), one index buffer of fill triangles,
// and one buffer of outline segments. Colours live in a small RGBA texture indexed by slot,
// so recolouring the map (hover, selection, thematic layers) rewrites a few hundred texels
// and never touches geometry. Outlines are instanced quads expanded in the vertex shader to
// a width in screen pixels, so they stay crisp at every zoom without CPU work per frame.
// No ImGui, no Emscripten: only GLES3 headers.
//
//   ntm::render::MapRenderer r;
//   r.upload(map);                       // once per asset
//   r.set_fill(Layer::communes, i, rgba); r.commit_colours();   // when colours change
//   r.draw(view);                         // every frame
#pragma once

#include <cstdint>
#include <vector>

#include "core/asset.hpp"
#include "core/camera.hpp"

namespace ntm::render {

enum class Layer { communes = 0, districts = 1, province = 2, context = 3 };
inline constexpr int kLayerCount = 4;

struct Rgba {
    uint8_t r = 0, g = 0, b = 0, a = 255;
};

// One batch of outline segments drawn with a single width and colour.
struct SegmentRange {
    uint32_t first = 0;
    uint32_t count = 0;
};

// A district or commune drawn with its own outline (district targets, a tour step's units).
struct OutlineHighlight {
    int feature = -1;
    float width_css = 4;
    Rgba colour;
};

struct Frame {
    const camera::Camera* camera = nullptr;
    double pixel_ratio = 1;         // device pixels per CSS pixel
    int framebuffer_w = 1, framebuffer_h = 1;
    Rgba background{233, 238, 242, 255};
    int hovered_commune = -1;
    int selected_commune = -1;
    int selected_district = -1;
    float outline_scale = 1;        // presentation mode thickens every line
    const OutlineHighlight* district_highlights = nullptr;
    int district_highlight_count = 0;
    const OutlineHighlight* commune_highlights = nullptr;  // e.g. the units a tour step points at
    int commune_highlight_count = 0;
};

class MapRenderer {
public:
    MapRenderer() = default;
    ~MapRenderer();
    MapRenderer(const MapRenderer&) = delete;
    MapRenderer& operator=(const MapRenderer&) = delete;

    // Compiles shaders (first call) and uploads the asset's geometry. Returns false with a
    // reason in `error_en` if the GL driver refuses.
    bool upload(const asset::MapAsset& map, std::string* error_en);
    // `hatched` draws diagonal stripes over the colour (used for "no data").
    void set_fill(Layer layer, uint32_t feature, Rgba colour, bool hatched = false);
    void commit_colours();
    void draw(const Frame& frame);
    uint32_t draw_calls_last_frame() const { return draw_calls_; }

private:
    void draw_segments(SegmentRange range, float width_px, Rgba colour, const Frame& f);

    bool ready_ = false;
    uint32_t fill_program_ = 0, line_program_ = 0;
    uint32_t fill_vao_ = 0, line_vao_ = 0;
    uint32_t vertex_buffer_ = 0, index_buffer_ = 0, segment_buffer_ = 0, corner_buffer_ = 0;
    uint32_t colour_texture_ = 0;
    int colour_tex_w_ = 256, colour_tex_h_ = 1;
    std::vector<uint8_t> colours_;        // RGBA per slot
    uint32_t slot_base_[kLayerCount] = {};
    uint32_t slot_count_[kLayerCount] = {};
    // Index ranges for the context fill (drawn first) and the province fills.
    uint32_t context_first_index_ = 0, context_index_count_ = 0;
    uint32_t commune_first_index_ = 0, commune_index_count_ = 0;
    SegmentRange layer_segments_[kLayerCount];
    std::vector<SegmentRange> commune_segments_, district_segments_;
    geo::World origin_;
    uint32_t draw_calls_ = 0;
    // Uniform locations
    int fill_u_hatch_ = -1, fill_u_scale_ = -1, fill_u_offset_ = -1, fill_u_colours_ = -1, fill_u_texw_ = -1;
    int line_u_scale_ = -1, line_u_offset_ = -1, line_u_fb_ = -1, line_u_width_ = -1, line_u_colour_ = -1;
};

}  // namespace ntm::render
