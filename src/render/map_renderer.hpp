// map_renderer.hpp — draws the map asset with WebGL2 / OpenGL ES 3.0.
//
// Geometry is uploaded once: one vertex buffer (float offsets from the asset origin plus a
// "slot" per vertex naming the feature it belongs to), one index buffer of fill triangles, and
// one buffer of outline quads. Colours live in a small RGBA texture indexed by slot, so
// recolouring the map (hover, selection, thematic layers) rewrites a few hundred texels and
// never touches geometry. Outlines are quads expanded in the vertex shader to a width in screen
// pixels, so they stay crisp at every zoom without CPU work per frame.
//
// Speed notes (issue 5), measured in headless Chromium on SwiftShader, the benchmark's browser:
// - No multisampling: the context is made without `antialias` and outlines fade their own edges
//   in the fragment shader (fills meet under the outlines). MSAA took half of every frame: the
//   Sóc Trăng flight's 95th-percentile frame interval went from 150 ms to 67 ms without it.
// - Outline quads are indexed triangles (4 vertices, 6 indices per segment), not instances:
//   SwiftShader runs an instanced draw instance by instance, 5,000 segments took 160 ms a
//   frame instanced and ~20 ms indexed.
// - Large maps (the national one, 378,830 vertices) get coarser levels of detail made at upload
//   by asset::simplified() on a grid of about a CSS pixel in each level's zoom range; the level
//   is picked by zoom and pixel ratio. Commune outlines wait until communes are a few pixels
//   wide (at zoom 5 the 11,163 outlines would only grey the country).
// - A layer's outlines draw each edge once: the border two neighbours share is stored after the
//   layer's other segments (core/shared_edges) and drawn only when one feature is outlined on
//   its own. Outlines were ~60 % of a national flight frame (measured by leaving them out: p95
//   83 -> 33 ms), commune outlines two thirds of that (83 -> 50 ms without them); paired national flights, mean frame interval
//   40.7 -> 35.9 ms, p95 83 -> 67-83 ms.
// - Features whose box misses the view are not drawn: features are stored in table order
//   (communes by district, so neighbours are neighbours in the buffers) and the visible ones
//   are drawn as few contiguous runs.
// - The interior of the opaque side panel (Frame::covered) is scissored out: the map is drawn
//   in up to four regions around it, each culled to its own piece of the world. With the panel
//   copied from a cache (platform/web/ui_overlay.hpp) the Sóc Trăng flight's GPU time per frame
//   went from ~35 to ~31 ms (SwiftShader's queue, traced; the frame interval is too coarse).
// - A view that keeps moving (two frames in a row), whose geometry is heavy (over ~80,000
//   indices: the national map; all of Sóc Trăng is under 36,000) and was measured slower than a
//   60 Hz frame (the motion's first frame, drawn from geometry: note_heavy_frame_ms) is drawn from
//   raster tiles of its fills and layer outlines (tile_cache.hpp), a quad per tile, with new
//   tiles drawn within a budget per frame and a tile a level up or four a level down standing
//   in meanwhile; hover, selection and highlights are drawn from geometry over them. The frame
//   after the camera stops is drawn from geometry (wants_sharp_frame). National flight, per-frame
//   intervals: 76 frames in 3 s with frames of 50–117 ms above zoom 8 → ~155 frames, nearly all
//   at 17 or 33 ms.
// - The last sharp frame of such a view (the motion's first, or the view it starts from) is
//   copied before the hover and selection outlines go over it, and stands in, moved and scaled,
//   for tiles not drawn yet: a motion's first frames from tiles drew every tile of the view at
//   once (20 at zoom 6, as long as two sharp frames), and again at each new zoom level a zoom-in
//   reached before its tiles were in; now only tiles showing pixels the copy lacks (a band that
//   was under the panel or off screen) are drawn at once, the rest within the frame's budget.
//   Benchmark's national flight in a slow hour, paired runs, p95 frame interval: 83–250 → 50–67 ms
//   (6 each; the copy under the whole screen instead of under missing tiles: medians of 17,
//   100 → 83 ms).
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
#include "core/pixel_rects.hpp"
#include "core/tile_grid.hpp"
#include "render/tile_cache.hpp"

namespace ntm::render {

enum class Layer { communes = 0, districts = 1, province = 2, context = 3 };
inline constexpr int kLayerCount = 4;

struct Rgba {
    uint8_t r = 0, g = 0, b = 0, a = 255;
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
    // Device pixels (top left origin) that an opaque panel drawn afterwards will cover: the map
    // skips them. Software WebGL pays for every pixel drawn, and the side panel is a third of
    // the canvas. Empty: the whole framebuffer is drawn.
    pixel_rects::Rect covered;
    // True when the canvas already holds the panel's pixels inside `covered` from the frame
    // before (the viewer keeps its drawing buffer and the panel did not change): the clear
    // leaves them too.
    bool covered_kept = false;
    // False for frames that must be drawn from the geometry whatever the camera does (exports).
    bool may_use_tiles = true;
};

// When the map is drawn from raster tiles (render/tile_cache.hpp) instead of its geometry.
enum class TileMode {
    automatic,  // while the camera keeps moving over a view too heavy to draw at the frame rate
    always,     // every frame, moving or not (tests compare it with the geometry)
    never,
};

// A fingerprint of everything in `f` that decides what MapRenderer::draw() puts on screen (the
// camera, sizes, hover, selection, highlights, the covered panel), for the viewer to tell a
// frame that would repeat the last one drawn. The map's colours and geometry are not in it:
// the caller redraws after changing those (set_fill/commit_colours, upload).
uint64_t frame_signature(const Frame& f);

class MapRenderer {
public:
    MapRenderer() = default;
    ~MapRenderer();
    MapRenderer(const MapRenderer&) = delete;
    MapRenderer& operator=(const MapRenderer&) = delete;

    // Starts compiling and linking the shaders without waiting for them: the browser's GPU
    // process compiles while the page is still loading its data (the start-up's critical path
    // lost ~25 ms of round trips to status queries). upload() calls it if nobody has.
    void start_programs();
    // Waits for the shaders (started if need be) and returns false with the compiler's or linker's
    // reason in `error_en` if the GL driver refused them. upload() needs them.
    bool finish_programs(std::string* error_en);
    // Takes `map` for drawing: feature slots and the colour texture now, the geometry of each
    // level of detail when a frame first needs it (draw()) or when build_pending_level() is
    // called. `map` must stay alive and unchanged until the next upload() or forget_gl_objects().
    // Returns false (see finish_programs) if the shaders cannot be used.
    bool upload(const asset::MapAsset& map, std::string* error_en);
    // Builds and uploads one level of detail not built yet (the national map's coarser levels
    // are made from the asset here, in the viewer): true if there was one. The viewer calls it
    // while nothing else needs a frame, so the first frame only waits for the level it shows.
    bool build_pending_level();
    bool levels_pending() const;
    // After a lost GL context (WebGL's webglcontextlost): drops every GL name without deleting
    // it, since the objects died with the context. Nothing draws until upload() is called again
    // on the restored context, which then compiles the shaders and uploads the geometry anew.
    void forget_gl_objects();
    bool uploaded() const { return ready_; }
    // `hatched` draws diagonal stripes over the colour (used for "no data").
    void set_fill(Layer layer, uint32_t feature, Rgba colour, bool hatched = false);
    void commit_colours();
    void draw(const Frame& frame);
    uint32_t draw_calls_last_frame() const { return draw_calls_; }
    // True after a frame drawn from tiles: the next frame, if the camera has stopped, draws the
    // map sharp from its geometry, so the viewer must draw it even if nothing else changed.
    bool wants_sharp_frame() const { return sharp_pending_; }
    void set_tile_mode(TileMode m) { tile_mode_ = m; }
    // Whether the last frame drew a moving heavy view (see heavy()) from its geometry: the
    // viewer then times it (to its next animation frame) and tells note_heavy_frame_ms(), which
    // decides whether later moving frames of such views come from tiles (slower than 24 ms).
    bool last_frame_heavy_from_geometry() const { return heavy_from_geometry_; }
    void note_heavy_frame_ms(double ms) { geometry_slow_ = ms > 24; }
    uint64_t frames_tiled() const { return frames_tiled_; }
    uint64_t tiles_drawn() const { return tiles_drawn_; }
    int level_last_frame() const { return level_; }  // 0 = coarsest; levels_count() - 1 = full
    int levels_count() const { return int(levels_.size()); }

private:
    // A half-open range of fill indices or outline segments.
    struct Range {
        uint32_t first = 0, count = 0;
    };
    // One level of detail: its own buffers and per-feature ranges into them.
    struct Level {
        double below_zoom = 1e9;  // used while the effective zoom is below this
        bool built = false;       // buffers and ranges made (build_level)
        uint32_t fill_vao = 0, line_vao = 0;
        uint32_t vertex_buffer = 0, index_buffer = 0, quad_buffer = 0, quad_index_buffer = 0;
        std::vector<Range> fills[kLayerCount];     // fill index ranges (communes, context drawn)
        std::vector<Range> segments[kLayerCount];         // outline segments: each edge of the layer once
        std::vector<Range> repeat_segments[kLayerCount];  // a feature's borders an earlier one has too
    };
    void build_level(size_t index);
    void upload_level(Level& level, const asset::MapAsset& map);
    void release_levels();
    // Appends the runs of `ranges` whose feature box meets the view, merged when contiguous.
    // `hatched` 0 or 1 keeps only the plain or the hatched fills of `layer`; -1 keeps all.
    void visible_runs(const std::vector<Range>& ranges, const std::vector<geo::Box>& boxes, std::vector<Range>& runs,
                      Layer layer, int hatched);
    bool is_hatched(Layer layer, uint32_t feature) const;
    void draw_segments(const std::vector<Range>& runs, float width_css, Rgba colour, const Frame& f);
    void draw_feature_outline(Layer layer, int feature, float width_css, Rgba colour, const Frame& f);
    // Fills and outlines of the features meeting view_, with the programs' uniforms already set.
    // draw_fills returns the indices it drew.
    size_t draw_fills(const Level& lv, bool hatched);
    size_t draw_layer_outlines(const Level& lv, const Frame& f);
    bool commune_outlines_at(double zoom) const;
    void draw_feature_outlines(const Frame& f);
    // What draw_scene draws: the map itself (fills, layer outlines: what tiles hold), the
    // outlines of single features over it (hover, selection, highlights), or both.
    enum class Pass { map, features, all };
    // Draws `pass` of the frame into the bound framebuffer (already cleared), culled to the
    // framebuffer minus Frame::covered; `hatch_phase` shifts the "no data" stripes (tiles).
    // Returns the indices drawn (fills and outlines), the measure of a frame's cost.
    size_t draw_scene(const Frame& f, Pass pass, float hatch_phase);
    size_t level_for(double device_zoom) const;
    // Whether `f`'s view is heavy: at least kTiledFromIndices indices to draw, counted from the
    // feature boxes (no GL). Whether heavy is also slow is measured (note_heavy_frame_ms).
    bool heavy(const Frame& f);
    // Draws `f` from tiles; false (nothing drawn) when tiles cannot serve it.
    bool draw_tiled(const Frame& f);
    size_t draw_tile(const tile_grid::Key& k, const Frame& f);
    // Device pixels per CSS pixel in the tiles of `f`'s screen.
    static double tile_pixel_ratio(const Frame& f);
    // Drops the tiles (and the screen's copy) if they were drawn for other content than `f`'s.
    void match_tile_content(const Frame& f);
    // Copies the screen's map, just drawn sharp, as a stand-in for tiles (TileCache::copy_screen).
    void keep_screen(const Frame& f);
    bool ready_ = false;
    bool programs_started_ = false;
    const asset::MapAsset* source_ = nullptr;  // the asset given to upload(), for build_level
    struct FillProgram {
        uint32_t id = 0;
        int u_hatch = -1, u_hatch_phase = -1, u_scale = -1, u_offset = -1, u_colours = -1, u_texw = -1;
    };
    FillProgram fill_programs_[2];  // plain, hatched
    uint32_t line_program_ = 0;
    uint32_t colour_texture_ = 0;
    int colour_tex_w_ = 256, colour_tex_h_ = 1;
    std::vector<uint8_t> colours_;        // RGBA per slot
    uint32_t slot_base_[kLayerCount] = {};
    uint32_t slot_count_[kLayerCount] = {};
    std::vector<Level> levels_;           // coarsest first; the last is the asset itself
    std::vector<geo::Box> boxes_[kLayerCount];  // feature boxes, for culling
    geo::Box view_;                       // the world box of the region being drawn (grown)
    double median_commune_m_ = 0;         // larger side of the median commune's box
    const Level* current_ = nullptr;
    std::vector<Range> runs_;             // per-frame scratch
    bool run_closed_ = false;             // visible_runs: the next feature starts a new run
    std::vector<pixel_rects::Rect> regions_;  // per-frame scratch: the framebuffer minus Frame::covered
    geo::World origin_;
    uint32_t draw_calls_ = 0;
    int level_ = 0;
    // Tiles (see tile_cache.hpp)
    TileCache tiles_;
    TileMode tile_mode_ = TileMode::automatic;
    bool tiles_refused_ = false;          // this GL cannot draw into textures: never tiles
    bool camera_known_ = false;           // last_camera_ holds the previous frame's camera
    camera::Camera last_camera_;
    bool moved_before_ = false;           // the previous frame's camera differed from the one before
    bool sharp_pending_ = false;
    bool heavy_from_geometry_ = false;    // the last frame: a moving heavy view, from geometry
    bool geometry_slow_ = false;          // such a frame was last measured slower than 24 ms
    int frames_since_tiled_ = 1000;       // frames drawn since the last one from tiles
    uint64_t tile_frame_ = 0;             // frame number for the tiles' least-recently-used order
    uint64_t colours_generation_ = 0;     // commit_colours() count: tiles hold the colours they saw
    uint64_t tile_content_ = 0;           // fingerprint of what the valid tiles were drawn with
    uint64_t frames_tiled_ = 0, tiles_drawn_ = 0;
    std::vector<tile_grid::Key> need_, missing_, fallbacks_;  // per-frame scratch
    std::vector<pixel_rects::Rect> screen_regions_;          // draw_tiled: regions_ of the screen
    // The screen's copy (keep_screen): its world box and that of the panel it does not hold
    // (empty without a panel).
    geo::Box screen_box_, screen_hole_;
    double screen_device_zoom_ = 0;       // the copy's zoom plus log2 of its pixel ratio
    // Uniform locations
    int line_u_scale_ = -1, line_u_offset_ = -1, line_u_fb_ = -1, line_u_width_ = -1, line_u_colour_ = -1;
};

}  // namespace ntm::render
