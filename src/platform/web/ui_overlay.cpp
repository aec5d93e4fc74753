#include "platform/web/ui_overlay.hpp"

#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/fnv_hash.hpp"

namespace ntm::web {

namespace {

void add_list(FnvHash& hash, const ImDrawList& list) {
    hash.add_words(list.VtxBuffer.Data, size_t(list.VtxBuffer.Size) * sizeof(ImDrawVert));
    hash.add_words(list.IdxBuffer.Data, size_t(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
        hash.add_words(&cmd.ClipRect, sizeof cmd.ClipRect);
        hash.add(uint64_t(reinterpret_cast<uintptr_t>(cmd.TextureId)));
        hash.add(uint64_t(cmd.VtxOffset) << 32 | cmd.IdxOffset);
        hash.add(cmd.ElemCount);
        hash.add(uint64_t(reinterpret_cast<uintptr_t>(cmd.UserCallback)));
    }
}

void reset(ImDrawData& out, const ImDrawData& like) {
    out.Valid = like.Valid;
    out.CmdLists.resize(0);
    out.CmdListsCount = out.TotalIdxCount = out.TotalVtxCount = 0;
    out.DisplayPos = like.DisplayPos;
    out.DisplaySize = like.DisplaySize;
    out.FramebufferScale = like.FramebufferScale;
    out.OwnerViewport = like.OwnerViewport;
}

void add(ImDrawData& out, ImDrawList* list) {
    out.CmdLists.push_back(list);
    ++out.CmdListsCount;
    out.TotalIdxCount += list->IdxBuffer.Size;
    out.TotalVtxCount += list->VtxBuffer.Size;
}

// Where a window's list draws, in device pixels: its vertices' box inside its commands' clip
// rectangles (a root window's first commands clip to the whole canvas, not to the window).
render::PixelRect drawn_box(const ImDrawList& list, const ImDrawData& data, int fb_w, int fb_h) {
    ImVec4 clip(1e30f, 1e30f, -1e30f, -1e30f);
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
        if (cmd.ElemCount == 0) continue;
        clip = ImVec4(std::min(clip.x, cmd.ClipRect.x), std::min(clip.y, cmd.ClipRect.y),
                      std::max(clip.z, cmd.ClipRect.z), std::max(clip.w, cmd.ClipRect.w));
    }
    ImVec4 box(1e30f, 1e30f, -1e30f, -1e30f);
    for (const ImDrawVert& v : list.VtxBuffer)
        box = ImVec4(std::min(box.x, v.pos.x), std::min(box.y, v.pos.y), std::max(box.z, v.pos.x),
                     std::max(box.w, v.pos.y));
    box = ImVec4(std::max(box.x, clip.x), std::max(box.y, clip.y), std::min(box.z, clip.z), std::min(box.w, clip.w));
    const ImVec2 pos = data.DisplayPos, scale = data.FramebufferScale;
    // Outwards to whole pixels: an antialiased edge reaches into the pixel it starts in.
    const render::PixelRect r{int(std::floor((box.x - pos.x) * scale.x)), int(std::floor((box.y - pos.y) * scale.y)),
                              int(std::ceil((box.z - pos.x) * scale.x)), int(std::ceil((box.w - pos.y) * scale.y))};
    return pixel_rects::intersection(r, {0, 0, fb_w, fb_h});
}

}  // namespace

uint64_t draw_data_fingerprint(const ImDrawData& data) {
    FnvHash hash;
    hash.add_words(&data.DisplayPos, sizeof data.DisplayPos);
    hash.add_words(&data.DisplaySize, sizeof data.DisplaySize);
    hash.add_words(&data.FramebufferScale, sizeof data.FramebufferScale);
    for (const ImDrawList* list : data.CmdLists) {
        hash.add(uint64_t(list->CmdBuffer.Size));  // where one list ends and the next begins
        add_list(hash, *list);
    }
    return hash.h;
}

void UiOverlay::draw(ImDrawData* data, int fb_w, int fb_h, const render::PixelRect& opaque, bool may_cache) {
    if (!data) return;
    ImDrawList* const background = ImGui::GetBackgroundDrawList();
    ImDrawList* const foreground = ImGui::GetForegroundDrawList();
    reset(below_, *data);
    reset(windows_, *data);
    reset(above_, *data);
    boxes_.clear();
    FnvHash hash;
    hash.add(uint64_t(fb_w) << 32 | uint32_t(fb_h));
    bool cacheable = may_cache && !cache_failed_;
    for (ImDrawList* list : data->CmdLists) {
        if (list == background) {
            add(below_, list);
            continue;
        }
        if (list == foreground) {
            add(above_, list);
            continue;
        }
        add(windows_, list);
        add_list(hash, *list);
        for (const ImDrawCmd& cmd : list->CmdBuffer)
            cacheable = cacheable && cmd.UserCallback == nullptr;  // a callback could draw anything
        boxes_.push_back(drawn_box(*list, *data, fb_w, fb_h));
    }
    cacheable = cacheable && windows_.CmdListsCount > 0;
    const uint64_t h = hash.h;

    interior_ = pixel_rects::intersection(opaque, {0, 0, fb_w, fb_h});
    // Only if a window drew there (the caller's panel): a blit of an empty cache would be black.
    if (std::none_of(boxes_.begin(), boxes_.end(), [&](const render::PixelRect& b) { return pixel_rects::contains(b, interior_); }))
        interior_ = {};

    ImGui_ImplOpenGL3_RenderDrawData(&below_);
    if (cacheable && h == cached_hash_ && cache_.ready()) {
        copy_from_cache();
    } else if (cacheable && h == last_hash_) {
        // The same windows two frames running: likely to stay (a flight, an idle panel).
        if (cache_.begin_capture(fb_w, fb_h, nullptr)) {
            ImGui_ImplOpenGL3_RenderDrawData(&windows_);
            cache_.end_capture();
            cached_hash_ = h;
            copy_from_cache();
        } else {
            cache_failed_ = true;
            cached_hash_ = 0;
            ImGui_ImplOpenGL3_RenderDrawData(&windows_);
        }
    } else {
        ImGui_ImplOpenGL3_RenderDrawData(&windows_);
    }
    if (above_.CmdListsCount > 0) ImGui_ImplOpenGL3_RenderDrawData(&above_);
    last_hash_ = h;

}

void UiOverlay::copy_from_cache() {
    blended_.clear();
    for (const render::PixelRect& b : boxes_) pixel_rects::subtract(b, interior_, blended_);
    pixel_rects::merge_overlapping(blended_);
    // Blended rectangles may cover interior pixels again after merging: those are opaque in the
    // cache, and blending an opaque pixel over anything gives the same pixel.
    if (!interior_.empty()) cache_.copy(&interior_, 1);
    cache_.composite(blended_.data(), int(blended_.size()));
    ++frames_from_cache_;
}

}  // namespace ntm::web
