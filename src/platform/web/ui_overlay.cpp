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
    prepare(data, fb_w, fb_h, opaque, may_cache);
    render();
}

bool UiOverlay::prepare(ImDrawData* data, int fb_w, int fb_h, const render::PixelRect& opaque, bool may_cache) {
    data_ = data;
    keep_interior_ = false;
    if (!data) return false;
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
    // Only if a window drew there (the caller's panel): a copy of an empty cache would be black.
    if (std::none_of(boxes_.begin(), boxes_.end(), [&](const render::PixelRect& b) { return pixel_rects::contains(b, interior_); }))
        interior_ = {};

    fb_w_ = fb_w;
    fb_h_ = fb_h;
    hash_ = h;
    cacheable_ = cacheable;
    // The canvas keeps its pixels between frames (preserveDrawingBuffer): the interior the last
    // frame copied from the cache is still there if the windows, the cache, the interior and the
    // canvas are the same and nothing drew over it since (kept_hash_, set by render()). The map
    // and the labels then stay out of it, and it is not copied again.
    keep_interior_ = cacheable && h == cached_hash_ && h == kept_hash_ && cache_.ready() && !interior_.empty() &&
                     interior_ == kept_interior_ && fb_w == kept_fb_w_ && fb_h == kept_fb_h_ &&
                     clip_bands_around_interior(*data);
    return keep_interior_;
}

void UiOverlay::render() {
    if (!data_) return;
    const uint64_t h = hash_;
    const bool cacheable = cacheable_;
    const int fb_w = fb_w_, fb_h = fb_h_;
    bool interior_from_cache = false;
    if (keep_interior_) {
        ++interiors_kept_;
        render_around_interior(below_);
    } else {
        ImGui_ImplOpenGL3_RenderDrawData(&below_);
    }
    if (cacheable && h == cached_hash_ && cache_.ready()) {
        copy_from_cache();
        interior_from_cache = true;
    } else if (cacheable && h == last_hash_) {
        // The same windows two frames running: likely to stay (a flight, an idle panel).
        if (cache_.begin_capture(fb_w, fb_h, nullptr)) {
            ImGui_ImplOpenGL3_RenderDrawData(&windows_);
            cache_.end_capture();
            cached_hash_ = h;
            copy_from_cache();
            interior_from_cache = true;
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
    // What the canvas holds inside the interior for the next frame: the cache's pixels, unless
    // the foreground list drew over them.
    bool clean = interior_from_cache && !interior_.empty();
    for (ImDrawList* list : above_.CmdLists)
        clean = clean && !pixel_rects::overlap(drawn_box(*list, above_, fb_w, fb_h), interior_);
    kept_hash_ = clean ? h : 0;
    kept_interior_ = interior_;
    kept_fb_w_ = fb_w;
    kept_fb_h_ = fb_h;
    data_ = nullptr;
}

void UiOverlay::copy_from_cache() {
    blended_.clear();
    for (const render::PixelRect& b : boxes_) pixel_rects::subtract(b, interior_, blended_);
    pixel_rects::merge_overlapping(blended_);
    // Blended rectangles may cover interior pixels again after merging: those are opaque in the
    // cache, and blending an opaque pixel over anything gives the same pixel.
    if (!interior_.empty() && !keep_interior_) cache_.copy(&interior_, 1);
    cache_.composite(blended_.data(), int(blended_.size()));
    ++frames_from_cache_;
}

// The canvas outside the interior as up to four bands, each as the clip rectangle (ImGui's
// coordinates) that the OpenGL backend turns into exactly that scissor box. False if some band's
// pixels cannot be hit exactly in float arithmetic (a labels' pixel in the interior would stay
// there): the interior is then copied as usual.
bool UiOverlay::clip_bands_around_interior(const ImDrawData& data) {
    bands_.clear();
    band_clips_.clear();
    pixel_rects::subtract({0, 0, fb_w_, fb_h_}, interior_, bands_);
    const ImVec2 off = data.DisplayPos, scale = data.FramebufferScale;
    if (scale.x <= 0 || scale.y <= 0) return false;
    const int backend_fb_h = int(data.DisplaySize.y * scale.y);
    for (const render::PixelRect& b : bands_) {
        const ImVec4 c(float(b.x0) / scale.x + off.x, float(b.y0) / scale.y + off.y, float(b.x1) / scale.x + off.x,
                       float(b.y1) / scale.y + off.y);
        // imgui_impl_opengl3.cpp, ImGui_ImplOpenGL3_RenderDrawData: the scissor from a clip rectangle.
        const ImVec2 lo((c.x - off.x) * scale.x, (c.y - off.y) * scale.y);
        const ImVec2 hi((c.z - off.x) * scale.x, (c.w - off.y) * scale.y);
        if (int(lo.x) != b.x0 || int(hi.x - lo.x) != b.x1 - b.x0 || int(float(backend_fb_h) - hi.y) != fb_h_ - b.y1 ||
            int(hi.y - lo.y) != b.y1 - b.y0)
            return false;
        band_clips_.push_back(c);
    }
    return true;
}

// `d` drawn once per band, every command clipped to the band as well as to its own rectangle.
void UiOverlay::render_around_interior(ImDrawData& d) {
    for (const ImVec4& band : band_clips_) {
        saved_clips_.clear();
        for (ImDrawList* list : d.CmdLists)
            for (ImDrawCmd& cmd : list->CmdBuffer) {
                saved_clips_.push_back(cmd.ClipRect);
                cmd.ClipRect = ImVec4(std::max(cmd.ClipRect.x, band.x), std::max(cmd.ClipRect.y, band.y),
                                      std::min(cmd.ClipRect.z, band.z), std::min(cmd.ClipRect.w, band.w));
            }
        ImGui_ImplOpenGL3_RenderDrawData(&d);
        size_t i = 0;
        for (ImDrawList* list : d.CmdLists)
            for (ImDrawCmd& cmd : list->CmdBuffer) cmd.ClipRect = saved_clips_[i++];
    }
}

}  // namespace ntm::web
