#include "render/tile_cache.hpp"

#include <GLES3/gl3.h>

#include "render/shader.hpp"

namespace ntm::render {

namespace {

// A tile's quad from its world box (no vertex buffer: the corner is the vertex number, drawn as
// a 4-vertex strip); the texture coordinate is where the tile's own clip transform put the
// point when the tile was drawn, so the picture lands exactly where it belongs.
constexpr const char* kTileVs = R"(#version 300 es
precision highp float;
uniform vec2 u_scale;
uniform vec2 u_offset;
uniform vec4 u_box;          // min x, min y, max x, max y (metres from the map's origin)
uniform vec2 u_tile_scale;
uniform vec2 u_tile_offset;
out vec2 v_uv;
void main() {
    vec2 p = vec2((gl_VertexID & 1) == 1 ? u_box.z : u_box.x, (gl_VertexID & 2) == 2 ? u_box.w : u_box.y);
    v_uv = (p * u_tile_scale + u_tile_offset) * 0.5 + 0.5;
    gl_Position = vec4(p * u_scale + u_offset, 0.0, 1.0);
}
)";

constexpr const char* kTileFs = R"(#version 300 es
precision mediump float;
uniform sampler2D u_tile;
in vec2 v_uv;
out vec4 o_colour;
void main() { o_colour = texture(u_tile, v_uv); }
)";

// A w×h texture of `format`, sampled linearly, left bound.
uint32_t new_texture(GLenum format, int w, int h) {
    GLuint t = 0;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D, t);
    glTexStorage2D(GL_TEXTURE_2D, 1, format, w, h);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    return t;
}

}  // namespace

TileCache::~TileCache() {
    if (!usable_) return;
    for (const Tile& t : tiles_) glDeleteTextures(1, &t.texture);
    if (screen_.texture) glDeleteTextures(1, &screen_.texture);
    glDeleteFramebuffers(1, &framebuffer_);
    glDeleteProgram(program_);
}

void TileCache::forget_gl_objects() {
    tried_ = usable_ = false;
    program_ = framebuffer_ = 0;
    tiles_.clear();
    screen_ = Tile{};
    screen_w_ = screen_h_ = 0;
}

void TileCache::invalidate() {
    for (Tile& t : tiles_) t.valid = false;
    screen_.valid = false;
}

bool TileCache::ready() {
    if (tried_) return usable_;
    tried_ = true;
    program_ = link_program(kTileVs, kTileFs, nullptr);
    if (!program_) return false;
    u_scale_ = glGetUniformLocation(program_, "u_scale");
    u_offset_ = glGetUniformLocation(program_, "u_offset");
    u_box_ = glGetUniformLocation(program_, "u_box");
    u_tile_scale_ = glGetUniformLocation(program_, "u_tile_scale");
    u_tile_offset_ = glGetUniformLocation(program_, "u_tile_offset");
    u_tile_ = glGetUniformLocation(program_, "u_tile");
    glGenFramebuffers(1, &framebuffer_);
    tiles_.reserve(kCapacity);
    // One tile now, to ask once whether this GL can draw into an RGBA8 texture (a status query
    // waits for the GPU process; it is not asked again for every tile).
    Tile* probe = start_tile({}, 0);
    const bool complete = probe && glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (!complete) {
        for (const Tile& t : tiles_) glDeleteTextures(1, &t.texture);
        tiles_.clear();
        glDeleteFramebuffers(1, &framebuffer_);
        glDeleteProgram(program_);
        program_ = framebuffer_ = 0;
        return false;
    }
    probe->valid = false;
    usable_ = true;
    return true;
}

const TileCache::Tile* TileCache::find(const tile_grid::Key& k, uint64_t frame) {
    for (Tile& t : tiles_)
        if (t.valid && t.key == k) {
            t.used = frame;
            return &t;
        }
    return nullptr;
}

TileCache::Tile* TileCache::start_tile(const tile_grid::Key& k, uint64_t frame) {
    Tile* slot = nullptr;
    if (tiles_.size() < size_t(kCapacity)) {
        // Room for another texture: made once, kept for the life of the context.
        tiles_.emplace_back();
        slot = &tiles_.back();
        slot->texture = new_texture(GL_RGBA8, kTilePx, kTilePx);
    } else {
        for (Tile& t : tiles_) {
            if (t.used == frame && t.valid) continue;  // on screen this frame
            if (!slot || !t.valid > !slot->valid || (t.valid == slot->valid && t.used < slot->used)) slot = &t;
        }
        if (!slot || (slot->valid && slot->used == frame)) return nullptr;
    }
    slot->key = k;
    slot->valid = false;
    slot->used = frame;
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, slot->texture, 0);
    glViewport(0, 0, kTilePx, kTilePx);
    return slot;
}

void TileCache::finish_tile(Tile* tile) {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (tile) tile->valid = true;
}

TileCache::Tile* TileCache::copy_screen(int w, int h) {
    if (!usable_ || w <= 0 || h <= 0) return nullptr;
    screen_.valid = false;
    glActiveTexture(GL_TEXTURE0);
    if (w != screen_w_ || h != screen_h_) {
        if (screen_.texture) glDeleteTextures(1, &screen_.texture);
        // RGB: the canvas has no alpha channel, and a copy may not add one (ES 3.0, CopyTexImage).
        screen_.texture = new_texture(GL_RGB8, w, h);
        screen_w_ = w;
        screen_h_ = h;
    } else {
        glBindTexture(GL_TEXTURE_2D, screen_.texture);
    }
    glCopyTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, 0, 0, w, h);
    screen_.valid = true;
    return &screen_;
}

void TileCache::begin_composite(const float scale[2], const float offset[2]) {
    glUseProgram(program_);
    glUniform2f(u_scale_, scale[0], scale[1]);
    glUniform2f(u_offset_, offset[0], offset[1]);
    glUniform1i(u_tile_, 0);
    glActiveTexture(GL_TEXTURE0);
}

void TileCache::composite(const Tile& tile, const float box[4]) {
    glBindTexture(GL_TEXTURE_2D, tile.texture);
    glUniform4f(u_box_, box[0], box[1], box[2], box[3]);
    glUniform2f(u_tile_scale_, tile.scale[0], tile.scale[1]);
    glUniform2f(u_tile_offset_, tile.offset[0], tile.offset[1]);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

}  // namespace ntm::render
