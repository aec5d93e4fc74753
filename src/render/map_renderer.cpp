#include "render/map_renderer.hpp"

#include <GLES3/gl3.h>

#include <algorithm>
#include <string>

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
out vec4 v_colour;
void main() {
    int s = int(a_slot);
    v_colour = texelFetch(u_colours, ivec2(s % u_texw, s / u_texw), 0);
    gl_Position = vec4(a_pos * u_scale + u_offset, 0.0, 1.0);
}
)";

// Alpha below 1 marks a hatched fill ("no data"): diagonal stripes in screen space, so the
// pattern keeps its spacing at every zoom and reads on a projector.
constexpr const char* kFillFs = R"(#version 300 es
precision mediump float;
in vec4 v_colour;
uniform float u_hatch_px;
out vec4 o_colour;
void main() {
    if (v_colour.a > 0.99) { o_colour = v_colour; return; }
    float d = mod(gl_FragCoord.x + gl_FragCoord.y, u_hatch_px);
    float stripe = step(d, u_hatch_px * 0.2);
    o_colour = vec4(mix(v_colour.rgb, vec3(0.55, 0.55, 0.60), stripe), 1.0);
}
)";

// Line: one instance per segment (p0, p1); four corners expand it in framebuffer pixels, with
// square caps of half the width so that joins between segments leave no notch.
constexpr const char* kLineVs = R"(#version 300 es
precision highp float;
layout(location = 0) in vec2 a_corner;   // x: 0 at p0, 1 at p1; y: -1/+1 side
layout(location = 1) in vec4 a_segment;  // p0.xy, p1.xy
uniform vec2 u_scale;
uniform vec2 u_offset;
uniform vec2 u_fb;                       // framebuffer size in device pixels
uniform float u_width;                   // device pixels
void main() {
    vec2 a = (a_segment.xy * u_scale + u_offset) * 0.5 * u_fb;
    vec2 b = (a_segment.zw * u_scale + u_offset) * 0.5 * u_fb;
    vec2 d = b - a;
    float len = length(d);
    vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
    vec2 n = vec2(-dir.y, dir.x);
    float h = 0.5 * u_width;
    vec2 p = mix(a, b, a_corner.x) + dir * (a_corner.x * 2.0 - 1.0) * h + n * a_corner.y * h;
    gl_Position = vec4(p / (0.5 * u_fb), 0.0, 1.0);
}
)";

constexpr const char* kLineFs = R"(#version 300 es
precision mediump float;
uniform vec4 u_colour;
out vec4 o_colour;
void main() { o_colour = u_colour; }
)";

GLuint compile(GLenum type, const char* src, std::string* error) {
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &src, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[1024] = {};
        glGetShaderInfoLog(s, sizeof log, nullptr, log);
        if (error) *error = std::string("shader: ") + log;
        glDeleteShader(s);
        return 0;
    }
    return s;
}

GLuint link(const char* vs, const char* fs, std::string* error) {
    GLuint v = compile(GL_VERTEX_SHADER, vs, error);
    GLuint f = compile(GL_FRAGMENT_SHADER, fs, error);
    if (!v || !f) return 0;
    GLuint p = glCreateProgram();
    glAttachShader(p, v);
    glAttachShader(p, f);
    glLinkProgram(p);
    glDeleteShader(v);
    glDeleteShader(f);
    GLint ok = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[1024] = {};
        glGetProgramInfoLog(p, sizeof log, nullptr, log);
        if (error) *error = std::string("program: ") + log;
        glDeleteProgram(p);
        return 0;
    }
    return p;
}

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

MapRenderer::~MapRenderer() {
    if (!ready_) return;
    glDeleteProgram(fill_program_);
    glDeleteProgram(line_program_);
    GLuint buffers[] = {vertex_buffer_, index_buffer_, segment_buffer_, corner_buffer_};
    glDeleteBuffers(4, buffers);
    GLuint vaos[] = {fill_vao_, line_vao_};
    glDeleteVertexArrays(2, vaos);
    glDeleteTextures(1, &colour_texture_);
}

bool MapRenderer::upload(const asset::MapAsset& map, std::string* error_en) {
    if (!fill_program_) {
        fill_program_ = link(kFillVs, kFillFs, error_en);
        line_program_ = link(kLineVs, kLineFs, error_en);
        if (!fill_program_ || !line_program_) return false;
        fill_u_scale_ = glGetUniformLocation(fill_program_, "u_scale");
        fill_u_offset_ = glGetUniformLocation(fill_program_, "u_offset");
        fill_u_colours_ = glGetUniformLocation(fill_program_, "u_colours");
        fill_u_texw_ = glGetUniformLocation(fill_program_, "u_texw");
        fill_u_hatch_ = glGetUniformLocation(fill_program_, "u_hatch_px");
        line_u_scale_ = glGetUniformLocation(line_program_, "u_scale");
        line_u_offset_ = glGetUniformLocation(line_program_, "u_offset");
        line_u_fb_ = glGetUniformLocation(line_program_, "u_fb");
        line_u_width_ = glGetUniformLocation(line_program_, "u_width");
        line_u_colour_ = glGetUniformLocation(line_program_, "u_colour");
        GLuint buffers[4];
        glGenBuffers(4, buffers);
        vertex_buffer_ = buffers[0];
        index_buffer_ = buffers[1];
        segment_buffer_ = buffers[2];
        corner_buffer_ = buffers[3];
        GLuint vaos[2];
        glGenVertexArrays(2, vaos);
        fill_vao_ = vaos[0];
        line_vao_ = vaos[1];
        glGenTextures(1, &colour_texture_);
    }
    origin_ = map.origin;

    // Slots: communes, districts, province, context, in that order.
    const std::vector<asset::Feature>* layers[kLayerCount] = {&map.communes, &map.districts, &map.province,
                                                             &map.context};
    uint32_t next_slot = 0;
    for (int l = 0; l < kLayerCount; ++l) {
        slot_base_[l] = next_slot;
        slot_count_[l] = uint32_t(layers[l]->size());
        next_slot += slot_count_[l];
    }
    colour_tex_h_ = int(std::max<uint32_t>(1, (next_slot + colour_tex_w_ - 1) / colour_tex_w_));
    colours_.assign(size_t(colour_tex_w_) * colour_tex_h_ * 4, 0);

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
        std::copy_n(reinterpret_cast<const uint8_t*>(&map.xy[2 * i]), 8, &vbo[i * 12]);
        std::copy_n(reinterpret_cast<const uint8_t*>(&slot[i]), 4, &vbo[i * 12 + 8]);
    }

    // Fill indices: context first (drawn underneath), then communes. District and province
    // fills are not drawn (their communes cover them) so their triangles are not uploaded.
    std::vector<uint32_t> idx;
    auto append_fills = [&](const std::vector<asset::Feature>& fs, uint32_t& first, uint32_t& count) {
        first = uint32_t(idx.size());
        for (const auto& f : fs)
            idx.insert(idx.end(), map.indices.begin() + f.first_index, map.indices.begin() + f.first_index + f.index_count);
        count = uint32_t(idx.size()) - first;
    };
    append_fills(map.context, context_first_index_, context_index_count_);
    append_fills(map.communes, commune_first_index_, commune_index_count_);

    glBindVertexArray(fill_vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vertex_buffer_);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(vbo.size()), vbo.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 12, nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribIPointer(1, 1, GL_UNSIGNED_INT, 12, reinterpret_cast<const void*>(8));
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, index_buffer_);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(idx.size() * 4), idx.data(), GL_STATIC_DRAW);
    glBindVertexArray(0);

    // Outline segments, grouped per layer and per feature so any feature can be redrawn alone.
    std::vector<float> seg;
    auto append_segments = [&](const std::vector<asset::Feature>& fs, std::vector<SegmentRange>* per_feature) {
        SegmentRange layer{uint32_t(seg.size() / 4), 0};
        if (per_feature) per_feature->clear();
        for (const auto& f : fs) {
            SegmentRange fr{uint32_t(seg.size() / 4), 0};
            for (uint32_t r = f.first_ring; r < f.first_ring + f.ring_count; ++r) {
                const asset::Ring& ring = map.rings[r];
                for (uint32_t i = 0; i < ring.vertex_count; ++i) {
                    const uint32_t a = ring.first_vertex + i;
                    const uint32_t b = ring.first_vertex + (i + 1) % ring.vertex_count;
                    seg.insert(seg.end(), {map.xy[2 * a], map.xy[2 * a + 1], map.xy[2 * b], map.xy[2 * b + 1]});
                }
            }
            fr.count = uint32_t(seg.size() / 4) - fr.first;
            if (per_feature) per_feature->push_back(fr);
        }
        layer.count = uint32_t(seg.size() / 4) - layer.first;
        return layer;
    };
    layer_segments_[int(Layer::context)] = append_segments(map.context, nullptr);
    layer_segments_[int(Layer::communes)] = append_segments(map.communes, &commune_segments_);
    layer_segments_[int(Layer::districts)] = append_segments(map.districts, &district_segments_);
    layer_segments_[int(Layer::province)] = append_segments(map.province, nullptr);

    const float corners[] = {0, -1, 0, 1, 1, -1, 1, 1};
    glBindVertexArray(line_vao_);
    glBindBuffer(GL_ARRAY_BUFFER, corner_buffer_);
    glBufferData(GL_ARRAY_BUFFER, sizeof corners, corners, GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 8, nullptr);
    glBindBuffer(GL_ARRAY_BUFFER, segment_buffer_);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(seg.size() * 4), seg.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, 16, nullptr);
    glVertexAttribDivisor(1, 1);
    glBindVertexArray(0);

    glBindTexture(GL_TEXTURE_2D, colour_texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, colour_tex_w_, colour_tex_h_, 0, GL_RGBA, GL_UNSIGNED_BYTE, colours_.data());
    ready_ = true;
    return true;
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
}

// [SECTION] Draw

void MapRenderer::draw_segments(SegmentRange range, float width_css, Rgba c, const Frame& f) {
    if (range.count == 0) return;
    // WebGL2 has no base-instance draw: point the segment attribute at the range instead.
    glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, 16, reinterpret_cast<const void*>(uintptr_t(range.first) * 16));
    glUniform1f(line_u_width_, float(width_css * f.outline_scale * f.pixel_ratio));
    glUniform4f(line_u_colour_, c.r / 255.f, c.g / 255.f, c.b / 255.f, c.a / 255.f);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, GLsizei(range.count));
    ++draw_calls_;
}

void MapRenderer::draw(const Frame& f) {
    draw_calls_ = 0;
    glViewport(0, 0, f.framebuffer_w, f.framebuffer_h);
    glClearColor(f.background.r / 255.f, f.background.g / 255.f, f.background.b / 255.f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    if (!ready_ || !f.camera) return;
    float scale[2], offset[2];
    clip_transform(*f.camera, origin_, scale, offset);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);

    glUseProgram(fill_program_);
    glUniform2f(fill_u_scale_, scale[0], scale[1]);
    glUniform2f(fill_u_offset_, offset[0], offset[1]);
    glUniform1i(fill_u_texw_, colour_tex_w_);
    glUniform1f(fill_u_hatch_, float(9.0 * f.pixel_ratio * f.outline_scale));
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, colour_texture_);
    glUniform1i(fill_u_colours_, 0);
    glBindVertexArray(fill_vao_);
    // Context and communes are contiguous in the index buffer: one draw for both.
    glDrawElements(GL_TRIANGLES, GLsizei(context_index_count_ + commune_index_count_), GL_UNSIGNED_INT,
                   reinterpret_cast<const void*>(uintptr_t(context_first_index_) * 4));
    ++draw_calls_;

    glUseProgram(line_program_);
    glUniform2f(line_u_scale_, scale[0], scale[1]);
    glUniform2f(line_u_offset_, offset[0], offset[1]);
    glUniform2f(line_u_fb_, float(f.framebuffer_w), float(f.framebuffer_h));
    glBindVertexArray(line_vao_);
    glBindBuffer(GL_ARRAY_BUFFER, segment_buffer_);
    draw_segments(layer_segments_[int(Layer::context)], 0.8f, {150, 150, 140, 255}, f);
    draw_segments(layer_segments_[int(Layer::communes)], 0.8f, {255, 255, 255, 230}, f);
    draw_segments(layer_segments_[int(Layer::districts)], 2.0f, {70, 70, 80, 255}, f);
    draw_segments(layer_segments_[int(Layer::province)], 3.0f, {30, 30, 40, 255}, f);
    for (int i = 0; i < f.district_highlight_count; ++i) {
        const OutlineHighlight& h = f.district_highlights[i];
        if (h.feature < 0 || size_t(h.feature) >= district_segments_.size()) continue;
        draw_segments(district_segments_[size_t(h.feature)], h.width_css + 3.0f, {255, 255, 255, 255}, f);
        draw_segments(district_segments_[size_t(h.feature)], h.width_css, h.colour, f);
    }
    for (int i = 0; i < f.commune_highlight_count; ++i) {
        const OutlineHighlight& h = f.commune_highlights[i];
        if (h.feature < 0 || size_t(h.feature) >= commune_segments_.size()) continue;
        draw_segments(commune_segments_[size_t(h.feature)], h.width_css + 3.0f, {255, 255, 255, 255}, f);
        draw_segments(commune_segments_[size_t(h.feature)], h.width_css, h.colour, f);
    }
    if (f.selected_district >= 0 && size_t(f.selected_district) < district_segments_.size())
        draw_segments(district_segments_[size_t(f.selected_district)], 3.5f, {20, 60, 140, 255}, f);
    if (f.hovered_commune >= 0 && size_t(f.hovered_commune) < commune_segments_.size() &&
        f.hovered_commune != f.selected_commune)
        draw_segments(commune_segments_[size_t(f.hovered_commune)], 2.5f, {40, 40, 40, 255}, f);
    if (f.selected_commune >= 0 && size_t(f.selected_commune) < commune_segments_.size()) {
        // Two passes: a white casing under a dark core reads on any fill colour.
        draw_segments(commune_segments_[size_t(f.selected_commune)], 6.0f, {255, 255, 255, 255}, f);
        draw_segments(commune_segments_[size_t(f.selected_commune)], 3.0f, {200, 20, 60, 255}, f);
    }
    glBindVertexArray(0);
}

}  // namespace ntm::render
