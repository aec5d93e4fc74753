// ui::LabelSprites in a headless ImGui with the viewer's fonts: what a moving frame puts into
// ImGui's draw list (one quad a label, between the two blend callbacks) and what the platform is
// given to render into the sheet (the label's own halo and text, glyph for glyph).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include <imgui.h>

#include "support/headless_ui.hpp"
#include "ui/label_sprites.hpp"

using namespace ntm;
using ntm::test::Headless;

namespace {

// Stands in for the platform's blend callback (label_sheet.cpp sets GL blending; there is no GL
// here): counts its calls, so a test can run the draw list's commands as the backend does and
// see the blend set once before the sprites, and never by LabelSprites itself.
int blend_calls = 0;
void count_blend_calls(const ImDrawList*, const ImDrawCmd*) { ++blend_calls; }

ui::SpriteSheet sheet(int w, int h, float ratio = 1, bool bottom_up = false) {
    ui::SpriteSheet s;
    s.texture = reinterpret_cast<ImTextureID>(intptr_t(7));
    s.css_w = w;
    s.css_h = h;
    s.device_w = int(float(w) * ratio);
    s.device_h = int(float(h) * ratio);
    s.premultiplied_blend = count_blend_calls;
    s.bottom_up = bottom_up;
    return s;
}

ui::LabelText commune_label(const Headless& h, const char* text) {
    ui::LabelText t;
    t.font = h.fonts.label;
    t.halo = h.fonts.label_halo;
    t.size = h.fonts.label->FontSize;
    t.ink = IM_COL32(55, 55, 60, 255);
    t.halo_ink = IM_COL32(255, 255, 255, 220);
    t.text = text;
    return t;
}

// A draw list as ImGui's background list starts a frame.
struct List {
    ImDrawList dl{ImGui::GetDrawListSharedData()};
    List() {
        dl._ResetForNewFrame();
        dl.PushTextureID(ImGui::GetIO().Fonts->TexID);
        dl.PushClipRectFullScreen();
    }
};

// The one textured quad a sprite adds: its corners (top left, bottom right) and their uv.
struct Quad {
    ImVec2 p0, p1, uv0, uv1;
};
Quad last_quad(const ImDrawList& dl) {
    REQUIRE(dl.VtxBuffer.Size >= 4);
    const ImDrawVert* v = dl.VtxBuffer.Data + dl.VtxBuffer.Size - 4;  // AddImage: tl, tr, br, bl
    return {v[0].pos, v[2].pos, v[0].uv, v[2].uv};
}

}  // namespace

TEST_CASE("at rest, or with no sheet, every label is left to be drawn as text") {
    Headless h;
    ImGui::NewFrame();
    ui::LabelSprites sprites;
    List out;
    const ui::LabelText t = commune_label(h, "Xã Đại Hải");
    sprites.begin_frame(sheet(256, 128), false, 3, 1);
    REQUIRE_FALSE(sprites.draw(out.dl, 0, t, ImVec2(100, 50)));
    sprites.end_frame(out.dl);
    REQUIRE(out.dl.VtxBuffer.Size == 0);
    REQUIRE_FALSE(sprites.drew_sprites());
    REQUIRE_FALSE(sprites.wants_sheet());

    sprites.begin_frame(ui::SpriteSheet{}, true, 3, 1);  // moving, but the platform made none yet
    REQUIRE_FALSE(sprites.draw(out.dl, 0, t, ImVec2(100, 50)));
    sprites.end_frame(out.dl);
    REQUIRE(sprites.wants_sheet());
    bool clear = false;
    REQUIRE(sprites.pending(&clear) == nullptr);
    ImGui::EndFrame();
}

TEST_CASE("a moving frame draws a label as one quad of its sprite, and the sheet gets its very glyphs") {
    Headless h;
    for (const bool bottom_up : {false, true}) {
        CAPTURE(bottom_up);
        ImGui::NewFrame();
        ui::LabelSprites sprites;
        List out, direct;
        const ui::LabelText t = commune_label(h, "Xã Thạnh Thới Thuận");
        const ImVec2 pos(301, 147);
        const ui::SpriteSheet s = sheet(256, 128, 1, bottom_up);
        blend_calls = 0;
        sprites.begin_frame(s, true, 5, 1);
        REQUIRE(sprites.draw(out.dl, 3, t, pos));
        sprites.end_frame(out.dl);
        REQUIRE(sprites.drew_sprites());
        REQUIRE(sprites.sprites_drawn_last_frame() == 1);

        // ImGui's list: the blend callback, the quad from the sheet, the reset callback.
        std::vector<const ImDrawCmd*> cmds;
        for (const ImDrawCmd& c : out.dl.CmdBuffer)
            if (c.UserCallback || c.ElemCount) cmds.push_back(&c);
        REQUIRE(cmds.size() == 3);
        REQUIRE(cmds[0]->UserCallback == s.premultiplied_blend);
        // Only recorded, not called, while the frame is built; then run as imgui_impl_opengl3
        // does: each callback but the reset marker is called.
        REQUIRE(blend_calls == 0);
        for (const ImDrawCmd* c : cmds)
            if (c->UserCallback && c->UserCallback != ImDrawCallback_ResetRenderState) c->UserCallback(&out.dl, c);
        REQUIRE(blend_calls == 1);
        REQUIRE(cmds[1]->GetTexID() == s.texture);
        REQUIRE(cmds[1]->ElemCount == 6);
        REQUIRE(cmds[2]->UserCallback == ImDrawCallback_ResetRenderState);

        // What the sheet is given: the label's halo and text as drawn at rest, every glyph at
        // the same offset from the text's origin (a whole pixel of the sheet, as pos is of the
        // screen), with the same texture coordinates and colours.
        bool clear = false;
        const ImDrawList* p = sprites.pending(&clear);
        REQUIRE(p != nullptr);
        REQUIRE(clear);  // a new sheet: cleared before its first sprites
        ui::add_label_text(direct.dl, t, pos);
        REQUIRE(p->VtxBuffer.Size == direct.dl.VtxBuffer.Size);
        REQUIRE(direct.dl.VtxBuffer.Size >= 4 * 2 * 16);  // halo and text, 16 glyphs or more
        const ImVec2 origin(std::round(p->VtxBuffer[0].pos.x - (direct.dl.VtxBuffer[0].pos.x - pos.x)),
                            std::round(p->VtxBuffer[0].pos.y - (direct.dl.VtxBuffer[0].pos.y - pos.y)));
        ImVec2 lo(1e9f, 1e9f), hi(-1e9f, -1e9f);  // the text's ink on the screen
        for (int i = 0; i < p->VtxBuffer.Size; ++i) {
            const ImDrawVert &a = p->VtxBuffer[i], &b = direct.dl.VtxBuffer[i];
            // (to float rounding: the same offsets added to other whole numbers)
            REQUIRE(a.pos.x - origin.x == Approx(b.pos.x - pos.x).margin(1e-3));
            REQUIRE(a.pos.y - origin.y == Approx(b.pos.y - pos.y).margin(1e-3));
            REQUIRE(a.uv.x == b.uv.x);
            REQUIRE(a.uv.y == b.uv.y);
            REQUIRE(a.col == b.col);
            REQUIRE(a.pos.x >= 0);  // inside the sheet
            REQUIRE(a.pos.y >= 0);
            REQUIRE(a.pos.x <= 256);
            REQUIRE(a.pos.y <= 128);
            lo = ImVec2(std::min(lo.x, b.pos.x), std::min(lo.y, b.pos.y));
            hi = ImVec2(std::max(hi.x, b.pos.x), std::max(hi.y, b.pos.y));
        }
        // The quad covers all of that ink, on whole pixels, and shows the sheet's pixels at the
        // same offsets from the origin: texel (x, y) of the sheet lands on pos + (x, y) − origin.
        const Quad q = last_quad(out.dl);
        REQUIRE(q.p0.x <= lo.x);
        REQUIRE(q.p0.y <= lo.y);
        REQUIRE(q.p1.x >= hi.x);
        REQUIRE(q.p1.y >= hi.y);
        REQUIRE(q.p1.x - q.p0.x <= hi.x - lo.x + 2);  // no more than the ink's whole pixels
        REQUIRE(q.p0.x == float(int(q.p0.x)));
        REQUIRE(q.p1.y == float(int(q.p1.y)));
        const float v0 = bottom_up ? 1 - q.uv0.y : q.uv0.y, v1 = bottom_up ? 1 - q.uv1.y : q.uv1.y;
        REQUIRE(q.uv0.x * 256 - origin.x == Approx(q.p0.x - pos.x));
        REQUIRE(q.uv1.x * 256 - origin.x == Approx(q.p1.x - pos.x));
        REQUIRE(v0 * 128 - origin.y == Approx(q.p0.y - pos.y));
        REQUIRE(v1 * 128 - origin.y == Approx(q.p1.y - pos.y));
        sprites.rendered();
        REQUIRE(sprites.pending(&clear) == nullptr);
        REQUIRE_FALSE(clear);
        ImGui::EndFrame();
    }
}

TEST_CASE("a label keeps its sprite while the map moves, and the view at rest is asked for after") {
    Headless h;
    ui::LabelSprites sprites;
    const ui::LabelText a = commune_label(h, "Xã An Thạnh 3"), b = commune_label(h, "Phường 9");
    for (int frame = 0; frame < 3; ++frame) {
        ImGui::NewFrame();
        List out;
        sprites.begin_frame(sheet(256, 128), true, 2, 1);
        REQUIRE(sprites.draw(out.dl, 0, a, ImVec2(10.f + frame, 20)));
        REQUIRE(sprites.draw(out.dl, 1, b, ImVec2(200, 90.f - frame)));
        sprites.end_frame(out.dl);
        REQUIRE(sprites.sprites_given() == 2);  // given in the first frame, kept since
        bool clear = false;
        REQUIRE((sprites.pending(&clear) != nullptr) == (frame == 0));
        sprites.rendered();
        REQUIRE(sprites.drew_sprites());
        ImGui::EndFrame();
    }
    ImGui::NewFrame();
    List rest;
    sprites.begin_frame(sheet(256, 128), false, 2, 1);
    REQUIRE_FALSE(sprites.draw(rest.dl, 0, a, ImVec2(12, 20)));
    sprites.end_frame(rest.dl);
    REQUIRE_FALSE(sprites.drew_sprites());  // drawn as text: no further frame needed
    REQUIRE(sprites.sprites_given() == 2);  // the sprites stay for the next motion
    ImGui::EndFrame();
}

TEST_CASE("a full sheet leaves the labels without room as text, then, some frames later, is wiped and filled again") {
    Headless h;
    ui::LabelSprites sprites;
    const char* names[] = {"Xã Thạnh Thới Thuận", "Xã Long Đức", "Thị trấn Phú Lộc", "Xã Lai Hòa"};
    // Room for about two labels.
    ImGui::NewFrame();
    List out;
    sprites.begin_frame(sheet(150, 40), true, 4, 1);
    std::vector<uint32_t> refused;
    for (uint32_t k = 0; k < 4; ++k)
        if (!sprites.draw(out.dl, k, commune_label(h, names[k]), ImVec2(10, 30.f * float(k)))) refused.push_back(k);
    sprites.end_frame(out.dl);
    REQUIRE(refused.size() >= 1);
    REQUIRE(refused.size() <= 3);
    const uint32_t given = sprites.sprites_given();
    bool clear = false;
    REQUIRE(sprites.pending(&clear) != nullptr);
    sprites.rendered();
    ImGui::EndFrame();

    // A view with more labels than the sheet holds does not re-render the sheet every frame:
    // for a while the sprites stay and the labels without room stay text.
    const uint32_t last = refused.back();
    for (uint32_t frame = 1; frame < ui::LabelSprites::kMovingFramesBetweenWipes; ++frame) {
        ImGui::NewFrame();
        List more;
        sprites.begin_frame(sheet(150, 40), true, 4, 1);
        REQUIRE_FALSE(sprites.draw(more.dl, last, commune_label(h, names[last]), ImVec2(10, 10)));
        sprites.end_frame(more.dl);
        REQUIRE(sprites.sprites_given() == given);
        REQUIRE(sprites.pending(&clear) == nullptr);
        ImGui::EndFrame();
    }

    // Then a moving frame starts from an empty sheet (cleared first), and the label refused
    // before is given a sprite, first in line.
    ImGui::NewFrame();
    List next;
    sprites.begin_frame(sheet(150, 40), true, 4, 1);
    REQUIRE(sprites.sprites_given() == 0);
    REQUIRE(sprites.draw(next.dl, last, commune_label(h, names[last]), ImVec2(10, 10)));
    sprites.end_frame(next.dl);
    REQUIRE(sprites.pending(&clear) != nullptr);
    REQUIRE(clear);
    ImGui::EndFrame();
}

TEST_CASE("another sheet, text scale or number of labels forgets every sprite") {
    Headless h;
    const ui::LabelText t = commune_label(h, "Xã Hồ Đắc Kiện");
    auto given_after = [&](ui::LabelSprites& s, const ui::SpriteSheet& sh, size_t keys, float scale) {
        ImGui::NewFrame();
        List out;
        s.begin_frame(sh, true, keys, scale);
        const size_t before = s.sprites_given();  // (uint32_t)
        REQUIRE(s.draw(out.dl, 0, t, ImVec2(5, 5)));
        s.end_frame(out.dl);
        s.rendered();
        ImGui::EndFrame();
        return std::make_pair(before, size_t(s.sprites_given()));
    };
    ui::LabelSprites s;
    REQUIRE(given_after(s, sheet(256, 128), 1, 1) == std::make_pair(size_t(0), size_t(1)));
    REQUIRE(given_after(s, sheet(256, 128), 1, 1) == std::make_pair(size_t(1), size_t(1)));  // kept
    REQUIRE(given_after(s, sheet(256, 128, 2), 1, 1).first == 0);                            // pixel ratio
    REQUIRE(given_after(s, sheet(256, 128, 2), 1, 1.35f).first == 0);                        // text scale
    REQUIRE(given_after(s, sheet(256, 128, 2), 2, 1.35f).first == 0);                        // another map
}

TEST_CASE("a frame told to give no new sprites draws the labels without one as text, and keeps the others") {
    Headless h;
    ui::LabelSprites sprites;
    const ui::LabelText a = commune_label(h, "Xã Vĩnh Hải"), b = commune_label(h, "Xã Lạc Hòa");
    ImGui::NewFrame();
    List first;
    sprites.begin_frame(sheet(256, 128), true, 2, 1);
    REQUIRE(sprites.draw(first.dl, 0, a, ImVec2(10, 10)));
    sprites.end_frame(first.dl);
    sprites.rendered();
    ImGui::EndFrame();

    ImGui::NewFrame();
    List next;
    sprites.begin_frame(sheet(256, 128), true, 2, 1);
    sprites.give_new(false);
    REQUIRE(sprites.has(0));
    REQUIRE_FALSE(sprites.has(1));
    REQUIRE(sprites.draw(next.dl, 0, a, ImVec2(12, 10)));        // kept: drawn from the sheet
    REQUIRE_FALSE(sprites.draw(next.dl, 1, b, ImVec2(80, 40)));  // new: text this frame
    sprites.end_frame(next.dl);
    bool clear = false;
    REQUIRE(sprites.pending(&clear) == nullptr);  // nothing to render into the sheet
    REQUIRE(sprites.sprites_given() == 1);
    ImGui::EndFrame();

    ImGui::NewFrame();  // each frame gives again unless told otherwise
    List third;
    sprites.begin_frame(sheet(256, 128), true, 2, 1);
    REQUIRE(sprites.draw(third.dl, 1, b, ImVec2(82, 40)));
    sprites.end_frame(third.dl);
    REQUIRE(sprites.has(1));
    ImGui::EndFrame();
}
