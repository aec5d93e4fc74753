#include "ui/label_sprites.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace ntm::ui {

void add_label_text(ImDrawList& dl, const LabelText& t, ImVec2 pos) {
    if (t.halo) dl.AddText(t.halo, t.size, pos, t.halo_ink, t.text);
    dl.AddText(t.font, t.size, pos, t.ink, t.text);
}

LabelSprites::LabelSprites() = default;
LabelSprites::~LabelSprites() = default;
LabelSprites::LabelSprites(LabelSprites&&) noexcept = default;
LabelSprites& LabelSprites::operator=(LabelSprites&&) noexcept = default;

void LabelSprites::wipe() {
    slots_.assign(keys_, Slot{});
    packer_.reset(sheet_.css_w, sheet_.css_h);
    if (pending_) pending_->_ResetForNewFrame();
    pending_started_ = false;
    clear_first_ = true;
    full_ = false;
    given_ = 0;
    moving_frames_since_wipe_ = 0;
}

void LabelSprites::begin_frame(const SpriteSheet& sheet, bool moving, size_t keys, float text_scale) {
    drawn_ = 0;
    bracket_open_ = false;
    giving_ = true;
    const bool usable = sheet.texture != nullptr && sheet.premultiplied_blend != nullptr && sheet.css_w > 0 &&
                        sheet.css_h > 0 && sheet.device_w > 0 && sheet.device_h > 0;
    wants_sheet_ = moving && !usable;
    use_ = moving && usable;
    if (use_) ++moving_frames_since_wipe_;
    // A full sheet is wiped for the labels of the view now, but not every frame: where a view has
    // more labels than the sheet holds, the ones without room stay text until the next wipe,
    // rather than every sprite being rendered again each frame.
    const bool refill = use_ && full_ && moving_frames_since_wipe_ >= kMovingFramesBetweenWipes;
    if (!(sheet == sheet_) || keys != keys_ || text_scale != text_scale_ || refill) {
        sheet_ = sheet;
        keys_ = keys;
        text_scale_ = text_scale;
        wipe();
    }
}

LabelSprites::Given LabelSprites::give(Slot& s, const LabelText& t) {
    if (!t.font || !t.font->ContainerAtlas) return Given::no_ink;
    const ImTextureID glyphs = t.font->ContainerAtlas->TexID;
    // Where the label's halo and text draw, relative to its origin: drawn once aside and measured
    // (the glyphs' own boxes, accents stacked above the line included).
    if (!scratch_) scratch_ = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
    ImDrawList& m = *scratch_;
    m._ResetForNewFrame();
    m.PushTextureID(glyphs);
    m.PushClipRect(ImVec2(-1e6f, -1e6f), ImVec2(1e6f, 1e6f));
    add_label_text(m, t, ImVec2(0, 0));
    if (m.VtxBuffer.Size == 0) return Given::no_ink;
    ImVec2 lo(1e30f, 1e30f), hi(-1e30f, -1e30f);
    for (const ImDrawVert& v : m.VtxBuffer) {
        lo = ImVec2(std::min(lo.x, v.pos.x), std::min(lo.y, v.pos.y));
        hi = ImVec2(std::max(hi.x, v.pos.x), std::max(hi.y, v.pos.y));
    }
    // A whole-CSS-pixel cell with a pixel of margin: the text's origin lands on a whole CSS pixel
    // of the sheet, as it does on the screen, so its glyphs fall on the pixels' grid alike.
    const int ix0 = int(std::floor(lo.x)) - 1, iy0 = int(std::floor(lo.y)) - 1;
    const int ix1 = int(std::ceil(hi.x)) + 1, iy1 = int(std::ceil(hi.y)) + 1;
    pixel_rects::Rect cell;
    if (!packer_.place(ix1 - ix0, iy1 - iy0, &cell)) return Given::no_room;
    const ImVec2 origin(float(cell.x0 - ix0), float(cell.y0 - iy0));

    if (!pending_) pending_ = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
    if (!pending_started_) {
        pending_->_ResetForNewFrame();
        pending_->PushTextureID(glyphs);
        pending_->PushClipRect(ImVec2(0, 0), ImVec2(float(sheet_.css_w), float(sheet_.css_h)));
        pending_started_ = true;
    }
    add_label_text(*pending_, t, origin);

    // The ink's box in the sheet's device pixels, outwards to whole pixels (inside the cell's
    // margin), and the same box relative to the text's origin in CSS px.
    const float sx = float(sheet_.device_w) / float(sheet_.css_w), sy = float(sheet_.device_h) / float(sheet_.css_h);
    const float x0 = std::floor((origin.x + lo.x) * sx), x1 = std::ceil((origin.x + hi.x) * sx);
    const float y0 = std::floor((origin.y + lo.y) * sy), y1 = std::ceil((origin.y + hi.y) * sy);
    s.d0 = ImVec2(x0 / sx - origin.x, y0 / sy - origin.y);
    s.d1 = ImVec2(x1 / sx - origin.x, y1 / sy - origin.y);
    const float v0 = y0 / float(sheet_.device_h), v1 = y1 / float(sheet_.device_h);
    s.uv0 = ImVec2(x0 / float(sheet_.device_w), sheet_.bottom_up ? 1 - v0 : v0);
    s.uv1 = ImVec2(x1 / float(sheet_.device_w), sheet_.bottom_up ? 1 - v1 : v1);
    s.valid = true;
    ++given_;
    return Given::yes;
}

bool LabelSprites::draw(ImDrawList& dl, uint32_t key, const LabelText& t, ImVec2 pos) {
    if (!use_ || key >= slots_.size()) return false;
    Slot& s = slots_[key];
    if (!s.valid) {
        if (full_ || !giving_) return false;
        const Given g = give(s, t);
        if (g == Given::no_room) full_ = true;  // wiped at a moving frame soon (begin_frame)
        if (g != Given::yes) return false;
    }
    if (!bracket_open_) {
        dl.AddCallback(sheet_.premultiplied_blend, nullptr);
        bracket_open_ = true;
    }
    // On whole device pixels of the screen, as the sprite is on the sheet's: one texel a pixel.
    // (Already so with a whole-number pixel ratio; with 1.5, a text's origin on an odd CSS pixel
    // is half a device pixel off the grid, and a sprite there would sample texels unevenly.)
    const ImVec2 f = ImGui::GetIO().DisplayFramebufferScale;
    const ImVec2 p0(f.x > 0 ? std::round((pos.x + s.d0.x) * f.x) / f.x : pos.x + s.d0.x,
                    f.y > 0 ? std::round((pos.y + s.d0.y) * f.y) / f.y : pos.y + s.d0.y);
    dl.AddImage(sheet_.texture, p0, ImVec2(p0.x + (s.d1.x - s.d0.x), p0.y + (s.d1.y - s.d0.y)), s.uv0, s.uv1);
    ++drawn_;
    return true;
}

void LabelSprites::end_frame(ImDrawList& dl) {
    if (bracket_open_) dl.AddCallback(ImDrawCallback_ResetRenderState, nullptr);
    bracket_open_ = false;
    drawn_last_frame_ = drawn_;
}

ImDrawList* LabelSprites::pending(bool* clear_first) {
    if (clear_first) *clear_first = clear_first_;
    if (!pending_started_ || pending_->VtxBuffer.Size == 0) return nullptr;
    pending_->_PopUnusedDrawCmd();
    return pending_.get();
}

void LabelSprites::rendered() {
    if (pending_) pending_->_ResetForNewFrame();
    pending_started_ = false;
    clear_first_ = false;
}

}  // namespace ntm::ui
