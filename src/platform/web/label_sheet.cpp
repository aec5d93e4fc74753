#include "platform/web/label_sheet.hpp"

#include <GLES3/gl3.h>
#include <imgui_impl_opengl3.h>

#include <cstdint>

namespace ntm::web {

namespace {

// Between the sprites' callbacks in ImGui's background list: the sheet holds premultiplied
// colour, composited with "over" (the backend's own blending multiplies by alpha once more).
void premultiplied_over(const ImDrawList*, const ImDrawCmd*) {
    glBlendFuncSeparate(GL_ONE, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}

}  // namespace

bool LabelSheet::make(float pixel_ratio) {
    if (failed_) return false;
    if (pixel_ratio == ratio_ && sheet_.texture) return true;
    // The backend's own arithmetic for the viewport of a display this size at this ratio.
    const int w = int(float(kCssW) * pixel_ratio), h = int(float(kCssH) * pixel_ratio);
    if (!target_.begin_capture(w, h, nullptr)) {
        failed_ = true;  // e.g. a texture this size refused: labels are drawn as text
        sheet_ = {};
        return false;
    }
    target_.end_capture();
    ratio_ = pixel_ratio;
    sheet_.texture = reinterpret_cast<ImTextureID>(static_cast<intptr_t>(target_.texture()));
    sheet_.css_w = kCssW;
    sheet_.css_h = kCssH;
    sheet_.device_w = w;
    sheet_.device_h = h;
    sheet_.premultiplied_blend = premultiplied_over;
    sheet_.bottom_up = true;  // rendered into through a framebuffer
    return true;
}

void LabelSheet::render_pending(ui::LabelSprites& sprites) {
    bool clear = false;
    ImDrawList* list = sprites.pending(&clear);
    if (!list || !sheet_.texture) return;
    if (!target_.begin_capture(sheet_.device_w, sheet_.device_h, nullptr, clear)) return;
    ImDrawData& d = data_;
    d.Valid = true;
    d.CmdLists.resize(0);
    d.CmdLists.push_back(list);
    d.CmdListsCount = 1;
    d.TotalVtxCount = list->VtxBuffer.Size;
    d.TotalIdxCount = list->IdxBuffer.Size;
    d.DisplayPos = ImVec2(0, 0);
    d.DisplaySize = ImVec2(float(kCssW), float(kCssH));
    d.FramebufferScale = ImVec2(ratio_, ratio_);
    ImGui_ImplOpenGL3_RenderDrawData(&d);
    target_.end_capture();
    sprites.rendered();
}

void LabelSheet::forget_gl_objects() {
    target_.forget_gl_objects();
    ratio_ = 0;
    sheet_ = {};
}

}  // namespace ntm::web
