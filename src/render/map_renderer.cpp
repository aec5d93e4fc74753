#include "render/map_renderer.hpp"

#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <utility>

#include "core/fnv_hash.hpp"
#include "core/shared_edges.hpp"
#include "render/shader.hpp"

namespace ntm::render {

// [SECTION] Shaders

namespace {

// Fill: position (float offset from the asset origin) and a slot selecting the colour texel.
constexpr const char* kFillVs = R"(#version 300 es
precision highp float;
precision highp int;
layout(location = 0) in vec2 a_pos;
layout(location = 1) in uint a_slot;
uniform vec2 u_scale;
uniform vec2 u_offset;
uniform highp sampler2D u_colours;
uniform int u_texw;
flat out vec4 v_colour;  // one feature per triangle: no interpolation to pay per pixel
void main() {
    int s = int(a_slot);
    v_colour = texelFetch(u_colours, ivec2(s % u_texw, s / u_texw), 0);
    gl_Position = vec4(a_pos * u_scale + u_offset, 0.0, 1.0);
}
)";

// Two fragment shaders over the same vertices: plain fills, and hatched ones ("no data": alpha
// below 1 in the colour texture), with diagonal stripes in screen space so that the pattern keeps
// its spacing at every zoom and reads on a projector. Split, not one shader with a branch: in
// SwiftShader every pixel of every fill paid for the stripes' arithmetic (~3 ms a frame).
constexpr const char* kFillFs = R"(#version 300 es
precision mediump float;
flat in vec4 v_colour;
out vec4 o_colour;
void main() { o_colour = vec4(v_colour.rgb, 1.0); }
)";

constexpr const char* kHatchFs = R"(#version 300 es
precision mediump float;
flat in vec4 v_colour;
uniform float u_hatch_px;
uniform float u_hatch_phase;  // where the pattern stands at the framebuffer's corner (tiles)
out vec4 o_colour;
void main() {
    float d = mod(gl_FragCoord.x + gl_FragCoord.y + u_hatch_phase, u_hatch_px);
    float stripe = step(d, u_hatch_px * 0.2);
    o_colour = vec4(mix(v_colour.rgb, vec3(0.55, 0.55, 0.60), stripe), 1.0);
}
)";

// Line: four vertices per segment (p0, p1 repeated), the corner taken from the vertex number
// (indexed draw: gl_VertexID is the index, 4 per segment); expanded in framebuffer pixels, with
// square caps of half the width so that joins between segments leave no notch.
// Antialiased here rather than by the context's multisampling: MSAA cost SwiftShader (the
// benchmark's software WebGL, and what a projector laptop without a GPU driver falls back to)
// half of every frame. The quad is half a pixel wider on each side and the fragment shader
// fades the edge over one pixel by its distance from the centre line; a line thinner than a
// pixel comes out fainter rather than thinner, as coverage would make it.
constexpr const char* kLineVs = R"(#version 300 es
precision highp float;
layout(location = 0) in vec4 a_segment;  // p0.xy, p1.xy
uniform vec2 u_scale;
uniform vec2 u_offset;
uniform vec2 u_fb;                       // framebuffer size in device pixels
uniform float u_width;                   // device pixels
out float v_across;                      // signed distance from the centre line, device pixels
void main() {
    int k = gl_VertexID & 3;
    vec2 corner = vec2(float(k >> 1), float(k & 1) * 2.0 - 1.0);  // x: 0 at p0, 1 at p1; y: side
    vec2 a = (a_segment.xy * u_scale + u_offset) * 0.5 * u_fb;
    vec2 b = (a_segment.zw * u_scale + u_offset) * 0.5 * u_fb;
    vec2 d = b - a;
    float len = length(d);
    vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
    vec2 n = vec2(-dir.y, dir.x);
    float h = 0.5 * u_width;
    float side = h + 0.5;  // the fringe
    v_across = corner.y * side;
    vec2 p = mix(a, b, corner.x) + dir * (corner.x * 2.0 - 1.0) * h + n * corner.y * side;
    gl_Position = vec4(p / (0.5 * u_fb), 0.0, 1.0);
}
)";

constexpr const char* kLineFs = R"(#version 300 es
precision mediump float;
uniform vec4 u_colour;
uniform highp float u_width;  // shared with the vertex shader: same precision
in highp float v_across;
out vec4 o_colour;
void main() {
    float coverage = clamp(0.5 * u_width + 0.5 - abs(v_across), 0.0, 1.0);
    o_colour = vec4(u_colour.rgb, u_colour.a * coverage);
}
)";

// World-offset → clip-space transform as scale + offset (see camera::world_to_screen).
void clip_transform(const camera::Camera& cam, const geo::World& origin, float scale[2], float offset[2]) {
    const double s = camera::metres_per_px(cam.zoom);
    const double cx = cam.viewport.x + cam.viewport.w / 2, cy = cam.viewport.y + cam.viewport.h / 2;
    const double rx = cam.center.x - origin.x, ry = cam.center.y - origin.y;
    scale[0] = float(2.0 / (s * cam.canvas_w));
    scale[1] = float(2.0 / (s * cam.canvas_h));
    offset[0] = float(2.0 * (cx - rx / s) / cam.canvas_w - 1.0);
    offset[1] = float(1.0 - 2.0 * cy / cam.canvas_h - 2.0 * ry / (s * cam.canvas_h));
}

}  // namespace

// [SECTION] Upload

namespace {
// Below this many vertices the full map is cheap at every zoom (Sóc Trăng: 4,434).
constexpr size_t kLevelsFromVertices = 50000;
// Coarser levels, each used below its zoom, on a grid of two CSS pixels at that zoom (one pixel
// a zoom level below it). National map: 378,830 → 91,000 (zoom < 6) and 270,000 (zoom < 8)
// vertices, with one level between: the country fits the screen at zoom ~6.1, where the zoom < 8
// level had a grid of half a pixel; with the zoom < 7 level that view draws 543,000 indices
// instead of 942,000, and the benchmark's national flight went from a 95th-percentile frame of
// 167–267 ms to 117–133 ms (paired runs). A level for zoom < 10 would keep 99 % of the vertices
// (the source's are ~500 m apart), so above 8 the full map is drawn, culled to the view.
constexpr double kLevelZooms[] = {6, 7, 8};
constexpr double kLevelGridPx = 2;
// Commune outlines are drawn once the median commune is this wide on screen: below it the
// white lines only grey the whole map (and cost most of a national frame).
constexpr double kCommuneOutlineMinPx = 12;
// Culling draws a little off-screen geometry rather than split a run for a small gap.
constexpr uint32_t kRunGap = 512;
// A view that keeps moving may be drawn from tiles when its geometry is at least this many
// indices (and was measured too slow: note_heavy_frame_ms). National views this light still took
// 33 ms a frame in SwiftShader (the whole country at zoom 6 draws ~543,000: 36 ms); all of Sóc
// Trăng is under 36,000 and is never tiled.
constexpr size_t kTiledFromIndices = 80000;
// Tiles drawn in one frame beyond those the view cannot do without, in indices: about half a
// frame, so that a moving view keeps its frame rate while new tiles come in.
constexpr size_t kTileIndexBudget = 50000;
}  // namespace

MapRenderer::~MapRenderer() {
    if (!ready_) return;
    release_levels();
    for (const FillProgram& p : fill_programs_) glDeleteProgram(p.id);
    glDeleteProgram(line_program_);
    glDeleteTextures(1, &colour_texture_);
}

void MapRenderer::release_levels() {
    for (Level& l : levels_) {
        GLuint buffers[] = {l.vertex_buffer, l.index_buffer, l.quad_buffer, l.quad_index_buffer};
        glDeleteBuffers(4, buffers);
        GLuint vaos[] = {l.fill_vao, l.line_vao};
        glDeleteVertexArrays(2, vaos);
    }
    levels_.clear();
    current_ = nullptr;
}

void MapRenderer::forget_gl_objects() {
    ready_ = false;
    programs_started_ = false;
    source_ = nullptr;
    for (FillProgram& p : fill_programs_) p.id = 0;
    line_program_ = 0;
    colour_texture_ = 0;
    levels_.clear();
    current_ = nullptr;
    tiles_.forget_gl_objects();
    camera_known_ = moved_before_ = sharp_pending_ = false;
    frames_since_tiled_ = 1000;
}

void MapRenderer::start_programs() {
    if (programs_started_) return;
    programs_started_ = true;
    const char* fragment[2] = {kFillFs, kHatchFs};
    for (int i = 0; i < 2; ++i) fill_programs_[i].id = start_program(kFillVs, fragment[i]);
    line_program_ = start_program(kLineVs, kLineFs);
    // Send the commands now: WebGL buffers them in the page until something flushes, and the
    // first flush was the status query in finish_programs(), which then waited for the GPU
    // process to compile and link all three programs from scratch (~12 ms, traced).
    glFlush();
}

bool MapRenderer::finish_programs(std::string* error_en) {
    start_programs();
    if (colour_texture_) return true;  // finished before
    for (FillProgram& p : fill_programs_) {
        p.id = finish_program(p.id, error_en);
        if (!p.id) return false;
        p.u_scale = glGetUniformLocation(p.id, "u_scale");
        p.u_offset = glGetUniformLocation(p.id, "u_offset");
        p.u_colours = glGetUniformLocation(p.id, "u_colours");
        p.u_texw = glGetUniformLocation(p.id, "u_texw");
        p.u_hatch = glGetUniformLocation(p.id, "u_hatch_px");
        p.u_hatch_phase = glGetUniformLocation(p.id, "u_hatch_phase");
    }
    line_program_ = finish_program(line_program_, error_en);
    if (!line_program_) return false;
    line_u_scale_ = glGetUniformLocation(line_program_, "u_scale");
    line_u_offset_ = glGetUniformLocation(line_program_, "u_offset");
    line_u_fb_ = glGetUniformLocation(line_program_, "u_fb");
    line_u_width_ = glGetUniformLocation(line_program_, "u_width");
    line_u_colour_ = glGetUniformLocation(line_program_, "u_colour");
    glGenTextures(1, &colour_texture_);
    return true;
}

bool MapRenderer::upload(const asset::MapAsset& map, std::string* error_en) {
    if (!finish_programs(error_en)) {
        // Started again on the next try (a restored context, another asset).
        programs_started_ = false;
        for (FillProgram& p : fill_programs_) {
            if (p.id) glDeleteProgram(p.id);
            p.id = 0;
        }
        if (line_program_) glDeleteProgram(line_program_);
        line_program_ = 0;
        return false;
    }
    release_levels();
    source_ = &map;
    origin_ = map.origin;
    tiles_.invalidate();
    camera_known_ = moved_before_ = geometry_slow_ = false;
    frames_since_tiled_ = 1000;

    // Slots: communes, districts, province, context, in that order.
    const std::vector<asset::Feature>* layers[kLayerCount] = {&map.communes, &map.districts, &map.province,
                                                             &map.context};
    uint32_t next_slot = 0;
    for (int l = 0; l < kLayerCount; ++l) {
        slot_base_[l] = next_slot;
        slot_count_[l] = uint32_t(layers[l]->size());
        next_slot += slot_count_[l];
        boxes_[l].clear();
        for (const asset::Feature& f : *layers[l]) boxes_[l].push_back(f.bbox);
    }
    std::vector<double> widths;
    for (const asset::Feature& f : map.communes) widths.push_back(std::max(f.bbox.width(), f.bbox.height()));
    if (!widths.empty()) {
        std::nth_element(widths.begin(), widths.begin() + widths.size() / 2, widths.end());
        median_commune_m_ = widths[widths.size() / 2];
    }
    colour_tex_h_ = int(std::max<uint32_t>(1, (next_slot + colour_tex_w_ - 1) / colour_tex_w_));
    colours_.assign(size_t(colour_tex_w_) * colour_tex_h_ * 4, 0);

    // Levels are listed now and built when first drawn or when the viewer is idle: the national
    // map's first frame (zoom ~6) waits for its coarsest level only, not for all four (~1.2 M
    // outline vertices, ~300 ms in the viewer at start-up).
    if (map.vertex_count() >= kLevelsFromVertices)
        for (double z : kLevelZooms) {
            levels_.emplace_back();
            levels_.back().below_zoom = z;
        }
    levels_.emplace_back();

    glBindTexture(GL_TEXTURE_2D, colour_texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, colour_tex_w_, colour_tex_h_, 0, GL_RGBA, GL_UNSIGNED_BYTE, colours_.data());
    ready_ = true;
    return true;
}

void MapRenderer::build_level(size_t index) {
    Level& level = levels_[index];
    if (level.built || !source_) return;
    if (index + 1 == levels_.size()) upload_level(level, *source_);
    else upload_level(level, asset::simplified(*source_, kLevelGridPx * camera::metres_per_px(level.below_zoom)));
    level.built = true;
}

bool MapRenderer::build_pending_level() {
    if (!ready_) return false;
    for (size_t i = 0; i < levels_.size(); ++i)
        if (!levels_[i].built) {
            build_level(i);
            return true;
        }
    return false;
}

bool MapRenderer::levels_pending() const {
    if (!ready_) return false;
    for (const Level& l : levels_)
        if (!l.built) return true;
    return false;
}

void MapRenderer::upload_level(Level& level, const asset::MapAsset& map) {
    GLuint buffers[4];
    glGenBuffers(4, buffers);
    level.vertex_buffer = buffers[0];
    level.index_buffer = buffers[1];
    level.quad_buffer = buffers[2];
    level.quad_index_buffer = buffers[3];
    GLuint vaos[2];
    glGenVertexArrays(2, vaos);
    level.fill_vao = vaos[0];
    level.line_vao = vaos[1];
    const std::vector<asset::Feature>* layers[kLayerCount] = {&map.communes, &map.districts, &map.province,
                                                             &map.context};

    // Interleaved vertex: x, y (float) + slot (uint32) = 12 bytes.
    const size_t nv = map.vertex_count();
    std::vector<uint32_t> slot(nv, 0);
    for (int l = 0; l < kLayerCount; ++l)
        for (size_t i = 0; i < layers[l]->size(); ++i) {
            const asset::Feature& f = (*layers[l])[i];
            for (uint32_t k = f.first_index; k < f.first_index + f.index_count; ++k)
                slot[map.indices[k]] = slot_base_[l] + uint32_t(i);
        }
    std::vector<uint8_t> vbo(nv * 12);
    for (size_t i = 0; i < nv; ++i) {
        std::memcpy(&vbo[i * 12], &map.xy[2 * i], 8);
        std::memcpy(&vbo[i * 12 + 8], &slot[i], 4);
    }

    // Fill indices: context first (drawn underneath), then communes. Districts and the province
    // are not filled (their communes cover them): the pipeline gives them no triangles.
    std::vector<uint32_t> idx;
    auto append_fills = [&](Layer layer) {
        std::vector<Range>& ranges = level.fills[int(layer)];
        for (const auto& f : *layers[int(layer)]) {
            ranges.push_back({uint32_t(idx.size()), f.index_count});
            idx.insert(idx.end(), map.indices.begin() + f.first_index, map.indices.begin() + f.first_index + f.index_count);
        }
    };
    append_fills(Layer::context);
    append_fills(Layer::communes);

    glBindVertexArray(level.fill_vao);
    glBindBuffer(GL_ARRAY_BUFFER, level.vertex_buffer);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(vbo.size()), vbo.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 12, nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribIPointer(1, 1, GL_UNSIGNED_INT, 12, reinterpret_cast<const void*>(8));
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, level.index_buffer);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(idx.size() * 4), idx.data(), GL_STATIC_DRAW);
    glBindVertexArray(0);
    std::vector<uint32_t>().swap(idx);
    std::vector<uint8_t>().swap(vbo);

    // Outline quads, per layer and per feature so any feature can be drawn alone: 4 vertices
    // (both ends of the segment, the corner is gl_VertexID % 4) and 6 indices per segment,
    // written in place (a vector insert per vertex cost ~75 ms on the national map). A layer's
    // segments are stored in two blocks: first, feature by feature, those no earlier feature of
    // the layer has; then, feature by feature, the repeats of a border an earlier neighbour
    // already has (core/shared_edges). The layer's outline pass draws the first block only, each
    // edge once; one feature alone (a selection) draws its part of both.
    std::vector<uint8_t> repeated[kLayerCount];
    size_t segments = 0;
    for (int l = 0; l < kLayerCount; ++l) {
        repeated[l] = shared_edges::repeated(map, *layers[l]);
        segments += repeated[l].size();
    }
    std::vector<float> quads(segments * 16);
    std::vector<uint32_t> quad_idx(segments * 6);
    uint32_t segment = 0;
    auto write_segment = [&](uint32_t at, const float* a, const float* b) {
        float* q = &quads[size_t(at) * 16];
        for (int k = 0; k < 4; ++k, q += 4) {
            q[0] = a[0];
            q[1] = a[1];
            q[2] = b[0];
            q[3] = b[1];
        }
        const uint32_t base = at * 4;
        const uint32_t corners[6] = {base, base + 1, base + 2, base + 2, base + 1, base + 3};
        std::memcpy(&quad_idx[size_t(at) * 6], corners, sizeof corners);
    };
    for (Layer layer : {Layer::context, Layer::communes, Layer::districts, Layer::province}) {
        const std::vector<uint8_t>& rep = repeated[int(layer)];
        size_t repeats = 0;
        for (uint8_t r : rep) repeats += r;
        uint32_t first_block = segment, second_block = segment + uint32_t(rep.size() - repeats);
        std::vector<Range>& ranges = level.segments[int(layer)];
        std::vector<Range>& repeat_ranges = level.repeat_segments[int(layer)];
        size_t walk = 0;
        for (const auto& f : *layers[int(layer)]) {
            Range own{first_block, 0}, again{second_block, 0};
            for (uint32_t r = f.first_ring; r < f.first_ring + f.ring_count; ++r) {
                const asset::Ring& ring = map.rings[r];
                for (uint32_t i = 0; i < ring.vertex_count; ++i, ++walk) {
                    const float* a = &map.xy[2 * (ring.first_vertex + i)];
                    const float* b = &map.xy[2 * (ring.first_vertex + (i + 1) % ring.vertex_count)];
                    write_segment(rep[walk] ? second_block++ : first_block++, a, b);
                }
            }
            own.count = first_block - own.first;
            again.count = second_block - again.first;
            ranges.push_back(own);
            repeat_ranges.push_back(again);
        }
        segment = second_block;
    }
    glBindVertexArray(level.line_vao);
    glBindBuffer(GL_ARRAY_BUFFER, level.quad_buffer);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(quads.size() * 4), quads.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 16, nullptr);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, level.quad_index_buffer);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(quad_idx.size() * 4), quad_idx.data(), GL_STATIC_DRAW);
    glBindVertexArray(0);
}

void MapRenderer::set_fill(Layer layer, uint32_t feature, Rgba c, bool hatched) {
    const int l = int(layer);
    if (feature >= slot_count_[l]) return;
    uint8_t* p = &colours_[size_t(slot_base_[l] + feature) * 4];
    p[0] = c.r;
    p[1] = c.g;
    p[2] = c.b;
    p[3] = hatched ? 128 : 255;  // fills are opaque; alpha only carries the hatch flag
}

void MapRenderer::commit_colours() {
    if (!ready_) return;
    glBindTexture(GL_TEXTURE_2D, colour_texture_);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, colour_tex_w_, colour_tex_h_, GL_RGBA, GL_UNSIGNED_BYTE, colours_.data());
    ++colours_generation_;
}

// [SECTION] Draw

uint64_t frame_signature(const Frame& f) {
    FnvHash h;
    if (f.camera) {
        const camera::Camera& c = *f.camera;
        for (const double v : {c.center.x, c.center.y, c.zoom, c.canvas_w, c.canvas_h, c.viewport.x, c.viewport.y,
                               c.viewport.w, c.viewport.h})
            h.add_real(v);
    }
    h.add_real(f.pixel_ratio);
    h.add(uint64_t(uint32_t(f.framebuffer_w)) << 32 | uint32_t(f.framebuffer_h));
    h.add_words(&f.background, sizeof f.background);
    for (const int v : {f.hovered_commune, f.selected_commune, f.selected_district, f.covered.x0, f.covered.y0,
                        f.covered.x1, f.covered.y1})
        h.add(uint64_t(int64_t(v)));
    h.add_real(f.outline_scale);
    const std::pair<const OutlineHighlight*, int> lists[] = {{f.district_highlights, f.district_highlight_count},
                                                             {f.commune_highlights, f.commune_highlight_count}};
    for (const auto& [list, count] : lists) {
        h.add(uint64_t(std::max(0, count)));
        for (int i = 0; list && i < count; ++i) {
            h.add(uint64_t(int64_t(list[i].feature)));
            h.add_real(list[i].width_css);
            h.add_words(&list[i].colour, sizeof list[i].colour);
        }
    }
    return h.h;
}

void MapRenderer::visible_runs(const std::vector<Range>& ranges, const std::vector<geo::Box>& boxes,
                               std::vector<Range>& runs, Layer layer, int hatched) {
    for (size_t i = 0; i < ranges.size() && i < boxes.size(); ++i) {
        const Range& r = ranges[i];
        if (r.count == 0) continue;
        // A feature drawn by the other fill program ends the run: no gap may cover it.
        if (hatched >= 0 && is_hatched(layer, uint32_t(i)) != (hatched == 1)) {
            run_closed_ = true;
            continue;
        }
        if (!boxes[i].intersects(view_)) continue;
        if (!run_closed_ && !runs.empty() && r.first >= runs.back().first + runs.back().count &&
            r.first - (runs.back().first + runs.back().count) <= kRunGap)
            runs.back().count = r.first + r.count - runs.back().first;
        else
            runs.push_back(r);
        run_closed_ = false;
    }
}

bool MapRenderer::is_hatched(Layer layer, uint32_t feature) const {
    const size_t at = (size_t(slot_base_[int(layer)]) + feature) * 4 + 3;
    return at < colours_.size() && colours_[at] < 255;
}

void MapRenderer::draw_segments(const std::vector<Range>& runs, float width_css, Rgba c, const Frame& f) {
    if (runs.empty()) return;
    glUniform1f(line_u_width_, float(width_css * f.outline_scale * f.pixel_ratio));
    glUniform4f(line_u_colour_, c.r / 255.f, c.g / 255.f, c.b / 255.f, c.a / 255.f);
    for (const Range& r : runs) {
        glDrawElements(GL_TRIANGLES, GLsizei(r.count) * 6, GL_UNSIGNED_INT,
                       reinterpret_cast<const void*>(uintptr_t(r.first) * 6 * 4));
        ++draw_calls_;
    }
}

void MapRenderer::draw_feature_outline(Layer layer, int feature, float width_css, Rgba colour, const Frame& f) {
    const std::vector<Range>& own = current_->segments[int(layer)];
    const std::vector<Range>& again = current_->repeat_segments[int(layer)];
    if (feature < 0 || size_t(feature) >= own.size() || size_t(feature) >= again.size()) return;
    const std::vector<geo::Box>& boxes = boxes_[int(layer)];
    if (size_t(feature) < boxes.size() && !boxes[size_t(feature)].intersects(view_)) return;
    // Its whole outline: the edges it has alone or first, and those an earlier neighbour has.
    runs_.clear();
    for (const Range& r : {own[size_t(feature)], again[size_t(feature)]})
        if (r.count > 0) runs_.push_back(r);
    draw_segments(runs_, width_css, colour, f);
}

size_t MapRenderer::draw_fills(const Level& lv, bool hatched) {
    // Context then communes, contiguous in the index buffer: usually one draw for both.
    runs_.clear();
    run_closed_ = false;
    visible_runs(lv.fills[int(Layer::context)], boxes_[int(Layer::context)], runs_, Layer::context, hatched);
    visible_runs(lv.fills[int(Layer::communes)], boxes_[int(Layer::communes)], runs_, Layer::communes, hatched);
    size_t indices = 0;
    for (const Range& r : runs_) {
        glDrawElements(GL_TRIANGLES, GLsizei(r.count), GL_UNSIGNED_INT, reinterpret_cast<const void*>(uintptr_t(r.first) * 4));
        ++draw_calls_;
        indices += r.count;
    }
    return indices;
}

bool MapRenderer::commune_outlines_at(double zoom) const {
    return median_commune_m_ / camera::metres_per_px(zoom) >= kCommuneOutlineMinPx;
}

size_t MapRenderer::draw_layer_outlines(const Level& lv, const Frame& f) {
    size_t indices = 0;
    auto layer_outline = [&](Layer layer, float width_css, Rgba colour) {
        runs_.clear();
        run_closed_ = false;
        visible_runs(lv.segments[int(layer)], boxes_[int(layer)], runs_, layer, -1);
        for (const Range& r : runs_) indices += size_t(r.count) * 6;
        draw_segments(runs_, width_css, colour, f);
    };
    layer_outline(Layer::context, 0.8f, {150, 150, 140, 255});
    if (commune_outlines_at(f.camera->zoom)) layer_outline(Layer::communes, 0.8f, {255, 255, 255, 230});
    layer_outline(Layer::districts, 2.0f, {70, 70, 80, 255});
    layer_outline(Layer::province, 3.0f, {30, 30, 40, 255});
    return indices;
}

void MapRenderer::draw_feature_outlines(const Frame& f) {
    for (int i = 0; i < f.district_highlight_count; ++i) {
        const OutlineHighlight& h = f.district_highlights[i];
        draw_feature_outline(Layer::districts, h.feature, h.width_css + 3.0f, {255, 255, 255, 255}, f);
        draw_feature_outline(Layer::districts, h.feature, h.width_css, h.colour, f);
    }
    for (int i = 0; i < f.commune_highlight_count; ++i) {
        const OutlineHighlight& h = f.commune_highlights[i];
        draw_feature_outline(Layer::communes, h.feature, h.width_css + 3.0f, {255, 255, 255, 255}, f);
        draw_feature_outline(Layer::communes, h.feature, h.width_css, h.colour, f);
    }
    draw_feature_outline(Layer::districts, f.selected_district, 3.5f, {20, 60, 140, 255}, f);
    if (f.hovered_commune != f.selected_commune)
        draw_feature_outline(Layer::communes, f.hovered_commune, 2.5f, {40, 40, 40, 255}, f);
    // Two passes: a white casing under a dark core reads on any fill colour.
    draw_feature_outline(Layer::communes, f.selected_commune, 6.0f, {255, 255, 255, 255}, f);
    draw_feature_outline(Layer::communes, f.selected_commune, 3.0f, {200, 20, 60, 255}, f);
}

size_t MapRenderer::level_for(double device_zoom) const {
    // The level whose grid is at most a device pixel at this zoom.
    for (size_t i = 0; i + 1 < levels_.size(); ++i)
        if (device_zoom < levels_[i].below_zoom) return i;
    return levels_.size() - 1;
}

void MapRenderer::draw(const Frame& f) {
    draw_calls_ = 0;
    glViewport(0, 0, f.framebuffer_w, f.framebuffer_h);
    glDisable(GL_SCISSOR_TEST);
    glClearColor(f.background.r / 255.f, f.background.g / 255.f, f.background.b / 255.f, 1);
    if (f.covered_kept) {
        // Around the kept panel only: up to four scissored clears.
        screen_regions_.clear();
        pixel_rects::subtract({0, 0, f.framebuffer_w, f.framebuffer_h}, f.covered, screen_regions_);
        glEnable(GL_SCISSOR_TEST);
        for (const pixel_rects::Rect& r : screen_regions_) {
            glScissor(r.x0, f.framebuffer_h - r.y1, r.x1 - r.x0, r.y1 - r.y0);
            glClear(GL_COLOR_BUFFER_BIT);
        }
        glDisable(GL_SCISSOR_TEST);
    } else {
        glClear(GL_COLOR_BUFFER_BIT);
    }
    sharp_pending_ = false;
    if (!ready_ || !f.camera || levels_.empty()) return;
    const camera::Camera& cam = *f.camera;
    // Moving: the camera differs from the last frame's. Tiles are for a camera that keeps moving
    // (two frames in a row, or again right after tiles: a drag that paused for a frame), so a
    // single jump (a search result, a click on a district) is drawn sharp at once rather than as
    // tiles and then sharp again.
    // A first frame (a new map, a restored context) has nothing to move from.
    const bool moved = camera_known_ && (cam.center.x != last_camera_.center.x ||
                                         cam.center.y != last_camera_.center.y || cam.zoom != last_camera_.zoom ||
                                         cam.canvas_w != last_camera_.canvas_w || cam.canvas_h != last_camera_.canvas_h);
    const bool keeps_moving = moved && (moved_before_ || frames_since_tiled_ <= 2);
    if (frames_since_tiled_ < 1000) ++frames_since_tiled_;
    moved_before_ = moved;
    last_camera_ = cam;
    camera_known_ = true;
    bool tiled = false;
    heavy_from_geometry_ = false;
    const bool may_tile = f.may_use_tiles && !tiles_refused_ && tile_mode_ != TileMode::never;
    if (may_tile && tile_mode_ == TileMode::always) {
        tiled = draw_tiled(f);
    } else if (may_tile && moved) {
        // Tiles only where drawing the geometry was measured too slow (note_heavy_frame_ms): on a
        // hardware GPU the national map moves sharp; the first frame of a motion is drawn from
        // geometry and measured.
        const bool is_heavy = heavy(f);
        if (is_heavy && keeps_moving && geometry_slow_) tiled = draw_tiled(f);
        heavy_from_geometry_ = is_heavy && !tiled;
    }
    if (tiled) {
        ++frames_tiled_;
        frames_since_tiled_ = 0;
        sharp_pending_ = tile_mode_ != TileMode::always;
        return;
    }
    glViewport(0, 0, f.framebuffer_w, f.framebuffer_h);  // draw_tiled may have drawn tiles and given up
    // A sharp frame of a heavy view where tiles are drawn (or are about to be: a motion's first
    // frame) is copied before the single features go over it, to stand in for tiles later.
    const bool keep = may_tile && tile_mode_ == TileMode::automatic &&
                      (heavy_from_geometry_ ? (geometry_slow_ || !keeps_moving) : geometry_slow_ && heavy(f));
    if (!keep) {
        draw_scene(f, Pass::all, 0);
        return;
    }
    draw_scene(f, Pass::map, 0);
    keep_screen(f);
    draw_scene(f, Pass::features, 0);
}

void MapRenderer::match_tile_content(const Frame& f) {
    // Tiles hold fills and layer outlines drawn with these: any change makes them stale.
    FnvHash content;
    content.add_real(tile_pixel_ratio(f));
    content.add_real(f.outline_scale);
    content.add_words(&f.background, sizeof f.background);
    content.add(colours_generation_);
    content.add(uint64_t(uintptr_t(source_)));
    if (content.h != tile_content_) {
        tiles_.invalidate();
        tile_content_ = content.h;
    }
}

void MapRenderer::keep_screen(const Frame& f) {
    if (!tiles_.ready()) return;
    match_tile_content(f);
    TileCache::Tile* copy = tiles_.copy_screen(f.framebuffer_w, f.framebuffer_h);
    if (!copy) return;
    const camera::Camera& cam = *f.camera;
    clip_transform(cam, origin_, copy->scale, copy->offset);
    screen_device_zoom_ = cam.zoom + std::log2(std::max(1.0, f.pixel_ratio));
    // Where it holds the map: all of the screen but the covered panel, whose pixels are the
    // panel's. A tile showing any of that is drawn at once (draw_tiled) and covers it.
    const double px = f.framebuffer_w / std::max(1.0, cam.canvas_w);
    screen_box_ = camera::world_box(cam, {0, 0, f.framebuffer_w, f.framebuffer_h}, px);
    screen_hole_ = f.covered.empty() ? geo::Box{} : camera::world_box(cam, f.covered, px);
}

bool MapRenderer::heavy(const Frame& f) {
    const camera::Camera& cam = *f.camera;
    const Level& lv = levels_[level_for(cam.zoom + std::log2(std::max(1.0, f.pixel_ratio)))];
    if (!lv.built) return false;  // not drawn yet: no tile to keep, and drawing it builds it
    view_ = camera::visible_world(cam);
    size_t indices = 0;
    auto count = [&](const std::vector<Range>& ranges, Layer layer, size_t per) {
        const std::vector<geo::Box>& boxes = boxes_[int(layer)];
        for (size_t i = 0; i < ranges.size() && i < boxes.size(); ++i)
            if (ranges[i].count && boxes[i].intersects(view_)) indices += ranges[i].count * per;
    };
    count(lv.fills[int(Layer::context)], Layer::context, 1);
    count(lv.fills[int(Layer::communes)], Layer::communes, 1);
    count(lv.segments[int(Layer::context)], Layer::context, 6);
    if (commune_outlines_at(cam.zoom)) count(lv.segments[int(Layer::communes)], Layer::communes, 6);
    count(lv.segments[int(Layer::districts)], Layer::districts, 6);
    return indices >= kTiledFromIndices;
}

size_t MapRenderer::draw_scene(const Frame& f, Pass pass, float hatch_phase) {
    const camera::Camera& cam = *f.camera;
    level_ = int(level_for(cam.zoom + std::log2(std::max(1.0, f.pixel_ratio))));
    build_level(size_t(level_));  // at once if not built yet: this frame needs it
    current_ = &levels_[size_t(level_)];
    const Level& lv = *current_;

    // What to draw: the framebuffer minus the covered panel, as up to four scissored regions,
    // each culled to its own piece of the world (the bands beside the panel hold few features).
    const pixel_rects::Rect whole{0, 0, f.framebuffer_w, f.framebuffer_h};
    regions_.clear();
    pixel_rects::subtract(whole, f.covered, regions_);
    const bool scissored = !(regions_.size() == 1 && regions_[0] == whole);
    if (scissored) glEnable(GL_SCISSOR_TEST);
    // Device pixels → the camera's CSS pixels; outlines reach a few pixels beyond their feature.
    const double px = f.framebuffer_w / std::max(1.0, cam.canvas_w);
    const double pad = 8 * camera::metres_per_px(cam.zoom);
    auto cull_to = [&](const pixel_rects::Rect& r) {
        const geo::Box b = camera::world_box(cam, r, px);
        view_ = geo::Box{b.min_x - pad, b.min_y - pad, b.max_x + pad, b.max_y + pad};
        if (scissored) glScissor(r.x0, f.framebuffer_h - r.y1, r.x1 - r.x0, r.y1 - r.y0);
    };

    float scale[2], offset[2];
    clip_transform(cam, origin_, scale, offset);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    size_t indices = 0;
    if (pass != Pass::features) {
        // Fills are opaque (alpha only flags hatching): no blending, which SwiftShader pays per pixel.
        glDisable(GL_BLEND);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, colour_texture_);
        glBindVertexArray(lv.fill_vao);
        for (int hatched = 0; hatched < 2; ++hatched) {
            const FillProgram& p = fill_programs_[hatched];
            glUseProgram(p.id);
            glUniform2f(p.u_scale, scale[0], scale[1]);
            glUniform2f(p.u_offset, offset[0], offset[1]);
            glUniform1i(p.u_texw, colour_tex_w_);
            glUniform1i(p.u_colours, 0);
            if (hatched) {
                glUniform1f(p.u_hatch, float(9.0 * f.pixel_ratio * f.outline_scale));
                glUniform1f(p.u_hatch_phase, hatch_phase);
            }
            for (const pixel_rects::Rect& r : regions_) {
                cull_to(r);
                indices += draw_fills(lv, hatched == 1);
            }
        }
    }

    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glUseProgram(line_program_);
    glUniform2f(line_u_scale_, scale[0], scale[1]);
    glUniform2f(line_u_offset_, offset[0], offset[1]);
    glUniform2f(line_u_fb_, float(f.framebuffer_w), float(f.framebuffer_h));
    glBindVertexArray(lv.line_vao);
    for (const pixel_rects::Rect& r : regions_) {
        cull_to(r);
        if (pass != Pass::features) indices += draw_layer_outlines(lv, f);
        if (pass != Pass::map) draw_feature_outlines(f);
    }
    glBindVertexArray(0);
    glDisable(GL_SCISSOR_TEST);
    return indices;
}

// [SECTION] Tiles

double MapRenderer::tile_pixel_ratio(const Frame& f) {
    // Tiles at the screen's own pixel ratio while the screen has at most about 1920×1080 device
    // pixels; beyond that (a high-DPI laptop, a 4K screen) in CSS pixels, a little softer while
    // moving: at device resolution such a view needs more tiles than the pool keeps.
    constexpr double kDevicePixelsMax = 2.2e6;
    return double(f.framebuffer_w) * f.framebuffer_h <= kDevicePixelsMax ? std::max(1.0, f.pixel_ratio) : 1.0;
}

size_t MapRenderer::draw_tile(const tile_grid::Key& k, const Frame& f) {
    TileCache::Tile* t = tiles_.start_tile(k, tile_frame_);
    if (!t) return 0;
    // The tile's own camera: its box fills a kTilePx framebuffer at the tile's device zoom.
    const double ratio = tile_pixel_ratio(f);
    camera::Camera cam;
    cam.zoom = k.z - std::log2(ratio);
    cam.canvas_w = cam.canvas_h = TileCache::kTilePx / ratio;
    cam.viewport = {0, 0, cam.canvas_w, cam.canvas_h};
    cam.center = tile_grid::box_of(k, TileCache::kTilePx).center();
    Frame tf;
    tf.camera = &cam;
    tf.pixel_ratio = ratio;
    tf.framebuffer_w = tf.framebuffer_h = TileCache::kTilePx;
    tf.background = f.background;
    tf.outline_scale = f.outline_scale;
    glDisable(GL_SCISSOR_TEST);
    glClearColor(f.background.r / 255.f, f.background.g / 255.f, f.background.b / 255.f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    clip_transform(cam, origin_, t->scale, t->offset);
    const size_t indices =
        draw_scene(tf, Pass::map, tile_grid::pattern_phase(k, TileCache::kTilePx, 9.0 * ratio * f.outline_scale));
    tiles_.finish_tile(t);
    ++tiles_drawn_;
    return indices + 1;  // an empty tile (sea) still costs a clear
}

bool MapRenderer::draw_tiled(const Frame& f) {
    if (!tiles_.ready()) {
        tiles_refused_ = true;
        return false;
    }
    const camera::Camera& cam = *f.camera;
    const double ratio = tile_pixel_ratio(f);
    match_tile_content(f);

    // The tiles under the framebuffer minus the covered panel.
    const int z = tile_grid::zoom_for(cam.zoom + std::log2(ratio));
    const pixel_rects::Rect whole{0, 0, f.framebuffer_w, f.framebuffer_h};
    // Not regions_: draw_tile() -> draw_scene() reuses that for the tile.
    screen_regions_.clear();
    pixel_rects::subtract(whole, f.covered, screen_regions_);
    const double px = f.framebuffer_w / std::max(1.0, cam.canvas_w);
    need_.clear();
    for (const pixel_rects::Rect& r : screen_regions_)
        tile_grid::covering(camera::world_box(cam, r, px), z, TileCache::kTilePx, need_);
    tile_grid::remove_repeats(need_);
    // A view needing more than half the pool (a huge screen) would evict its own tiles.
    if (need_.size() > size_t(TileCache::kCapacity / 2)) return false;
    tile_grid::sort_by_distance(need_, cam.center, TileCache::kTilePx);
    ++tile_frame_;

    // The copy of the last sharp screen stands in for the parts of a tile it holds while it is
    // enlarged at most 8 times: blurred, but a frame that draws every tile of a new level at once
    // stalls the motion (a zoom-in flight reaches the next level before the last one's tiles are
    // all drawn, and then nothing else stands in).
    const TileCache::Tile* screen = tiles_.screen();
    if (screen && cam.zoom + std::log2(std::max(1.0, f.pixel_ratio)) > screen_device_zoom_ + 3) screen = nullptr;
    const geo::Box view = camera::world_box(cam, whole, px);
    const geo::Box panel = f.covered.empty() ? geo::Box{} : camera::world_box(cam, f.covered, px);
    auto screen_holds = [&](const tile_grid::Key& k) {
        // What the tile shows must be in the copy, and none of it where the copy has the panel
        // unless the panel covers that now.
        const geo::Box seen = tile_grid::box_of(k, TileCache::kTilePx).intersection(view);
        const geo::Box in_hole = seen.intersection(screen_hole_);
        return screen && screen_box_.encloses(seen) &&
               (in_hole.width() * in_hole.height() == 0 || panel.encloses(in_hole));
    };

    // Missing tiles: those with nothing cached to stand in for them (the tile a level up, all
    // four a level down, or the screen's copy) are drawn now whatever they cost; the others while
    // the frame's budget lasts, nearest the centre first, and the rest stand in scaled until a
    // later frame.
    missing_.clear();
    for (const tile_grid::Key& k : need_)
        if (!tiles_.find(k, tile_frame_)) missing_.push_back(k);
    auto stand_in = [&](const tile_grid::Key& k) {
        if (screen_holds(k)) return true;
        if (tiles_.find(tile_grid::parent(k), tile_frame_)) return true;
        for (const tile_grid::Key& c : tile_grid::children(k))
            if (!tiles_.find(c, tile_frame_)) return false;
        return true;
    };
    size_t spent = 0;
    for (const tile_grid::Key& k : missing_) {
        if (stand_in(k)) continue;
        const size_t cost = draw_tile(k, f);
        if (cost == 0) return false;  // no texture free this frame: better drawn from geometry than with a hole
        spent += cost;
    }
    for (const tile_grid::Key& k : missing_)
        if (spent < kTileIndexBudget && !tiles_.find(k, tile_frame_)) spent += draw_tile(k, f);

    // Composite: stand-ins first, then the view's own tiles over them.
    glViewport(0, 0, f.framebuffer_w, f.framebuffer_h);
    glDisable(GL_BLEND);
    float scale[2], offset[2];
    clip_transform(cam, origin_, scale, offset);
    tiles_.begin_composite(scale, offset);
    const bool scissored = !(screen_regions_.size() == 1 && screen_regions_[0] == whole);
    if (scissored) glEnable(GL_SCISSOR_TEST);
    auto composite = [&](const TileCache::Tile& t, const geo::Box& b) {
        const float box[4] = {float(b.min_x - origin_.x), float(b.min_y - origin_.y), float(b.max_x - origin_.x),
                              float(b.max_y - origin_.y)};
        // Only into the regions the box reaches (most tiles reach one of the four).
        const geo::ScreenPx p0 = camera::world_to_screen(cam, {b.min_x, b.max_y});
        const geo::ScreenPx p1 = camera::world_to_screen(cam, {b.max_x, b.min_y});
        const pixel_rects::Rect on_screen{int(std::floor(p0.x * px)), int(std::floor(p0.y * px)),
                                          int(std::ceil(p1.x * px)), int(std::ceil(p1.y * px))};
        for (const pixel_rects::Rect& r : screen_regions_) {
            if (!pixel_rects::overlap(r, on_screen)) continue;
            if (scissored) glScissor(r.x0, f.framebuffer_h - r.y1, r.x1 - r.x0, r.y1 - r.y0);
            tiles_.composite(t, box);
            ++draw_calls_;
        }
    };
    auto composite_key = [&](const tile_grid::Key& k) {
        if (const TileCache::Tile* t = tiles_.find(k, tile_frame_)) composite(*t, tile_grid::box_of(k, TileCache::kTilePx));
    };
    fallbacks_.clear();
    for (const tile_grid::Key& k : need_) {
        if (tiles_.find(k, tile_frame_)) continue;
        // Under everything else, only where a tile is missing (SwiftShader pays per pixel): the
        // oldest picture, the coarsest in a zoom-in.
        const geo::Box held = tile_grid::box_of(k, TileCache::kTilePx).intersection(screen_box_);
        if (screen && held.width() * held.height() > 0) composite(*screen, held);
        fallbacks_.push_back(tile_grid::parent(k));
        for (const tile_grid::Key& c : tile_grid::children(k)) fallbacks_.push_back(c);
    }
    tile_grid::remove_repeats(fallbacks_);
    for (const tile_grid::Key& k : fallbacks_) composite_key(k);
    for (const tile_grid::Key& k : need_) composite_key(k);
    glDisable(GL_SCISSOR_TEST);

    // Hover, selection and highlights: a few features, drawn from geometry over the tiles.
    draw_scene(f, Pass::features, 0);
    return true;
}

}  // namespace ntm::render
