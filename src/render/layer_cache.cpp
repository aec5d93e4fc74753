#include "render/layer_cache.hpp"

#include "render/shader.hpp"

namespace ntm::render {

namespace {

// A rectangle in clip space from gl_VertexID (a 4-vertex strip, no vertex buffer); the
// fragment reads its own texel, since the cache has the canvas's size.
constexpr const char* kCopyVs = R"(#version 300 es
uniform vec4 u_rect;  // x0, y0, x1, y1 in clip space
void main() {
    int k = gl_VertexID;
    gl_Position = vec4((k & 1) == 0 ? u_rect.x : u_rect.z, k < 2 ? u_rect.y : u_rect.w, 0.0, 1.0);
}
)";

constexpr const char* kCopyFs = R"(#version 300 es
precision mediump float;
uniform mediump sampler2D u_layer;
out vec4 o_colour;
void main() { o_colour = texelFetch(u_layer, ivec2(gl_FragCoord.xy), 0); }
)";

}  // namespace

LayerCache::~LayerCache() {
    if (framebuffer_) glDeleteFramebuffers(1, &framebuffer_);
    if (texture_) glDeleteTextures(1, &texture_);
    if (vao_) glDeleteVertexArrays(1, &vao_);
    if (program_) glDeleteProgram(program_);
}

void LayerCache::forget_gl_objects() {
    program_ = 0;
    vao_ = 0;
    texture_ = 0;
    framebuffer_ = 0;
    width_ = height_ = 0;
}

bool LayerCache::begin_capture(int fb_w, int fb_h, std::string* error_en, bool clear) {
    if (!program_) {
        program_ = link_program(kCopyVs, kCopyFs, error_en);
        if (!program_) return false;
        u_rect_ = glGetUniformLocation(program_, "u_rect");
        glGenVertexArrays(1, &vao_);
    }
    if (!framebuffer_) {
        glGenTextures(1, &texture_);
        glGenFramebuffers(1, &framebuffer_);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
    if (fb_w != width_ || fb_h != height_) {
        clear = true;  // new storage: undefined until cleared
        glBindTexture(GL_TEXTURE_2D, texture_);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, fb_w, fb_h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
        if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
            glBindFramebuffer(GL_FRAMEBUFFER, 0);
            width_ = height_ = 0;
            if (error_en) *error_en = "layer cache: framebuffer incomplete";
            return false;
        }
        width_ = fb_w;
        height_ = fb_h;
    }
    glViewport(0, 0, fb_w, fb_h);
    glDisable(GL_SCISSOR_TEST);
    if (clear) {
        glClearColor(0, 0, 0, 0);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    return true;
}

void LayerCache::end_capture() { glBindFramebuffer(GL_FRAMEBUFFER, 0); }

void LayerCache::copy(const PixelRect* rects, int count) const { draw_rects(rects, count, false); }

void LayerCache::composite(const PixelRect* rects, int count) const { draw_rects(rects, count, true); }

void LayerCache::draw_rects(const PixelRect* rects, int count, bool blend) const {
    if (!ready() || count <= 0) return;
    glViewport(0, 0, width_, height_);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    if (blend) {
        glEnable(GL_BLEND);
        glBlendEquation(GL_FUNC_ADD);
        glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    } else {
        glDisable(GL_BLEND);
    }
    glUseProgram(program_);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glBindVertexArray(vao_);
    for (int i = 0; i < count; ++i) {
        const PixelRect& r = rects[i];
        // Top-left pixel rows → clip space, where y grows upwards.
        const float x0 = 2.f * float(r.x0) / float(width_) - 1.f, x1 = 2.f * float(r.x1) / float(width_) - 1.f;
        const float y0 = 1.f - 2.f * float(r.y1) / float(height_), y1 = 1.f - 2.f * float(r.y0) / float(height_);
        glUniform4f(u_rect_, x0, y0, x1, y1);
        glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    }
    glBindVertexArray(0);
}

}  // namespace ntm::render
