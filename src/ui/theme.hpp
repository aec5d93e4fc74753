// theme.hpp — fonts and colours of the overlays, sized for screens and projectors.
//
// Fonts are rasterised at the device pixel ratio and scaled back by FontGlobalScale, so text
// is crisp on high-DPI screens. Glyph ranges cover Vietnamese plus general punctuation
// (ImGui's Vietnamese range lacks "—", "…", curly quotes).
//
//   ntm::ui::Fonts fonts;
//   ntm::ui::build_fonts(fonts, regular_ttf, bold_ttf, dpr);
//   ntm::ui::apply_style();
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

struct ImFont;

namespace ntm::ui {

struct Fonts {
    ImFont* body = nullptr;        // panels, 15 px
    ImFont* heading = nullptr;     // panel titles, bold 19 px
    ImFont* label = nullptr;       // commune labels on the map, 13 px
    ImFont* label_bold = nullptr;  // district labels on the map, bold 14 px
    // The two label fonts' halos: the same glyphs grown by halo_px device pixels (ink spread to
    // its four neighbours, as if drawn at ±1 px left, right, up and down). A label is its halo
    // in white and its text on top: two copies of the text, not five, which is what the
    // software WebGL of the benchmark pays for (per blended pixel).
    ImFont* label_halo = nullptr;
    ImFont* label_bold_halo = nullptr;
    int halo_px = 1;
    bool halos_cut = false;        // the halos hold only the glyphs of a HaloText (see build_fonts)
    float built_scale = 0;         // the pixel ratio the atlas was built for
};

// The text a map draws with halos: its labels (views into strings the caller keeps alive until
// build_fonts returns). A halo is only ever drawn under a map label, so its font needs no other
// glyph: Sóc Trăng's commune names need 81 of the 305 glyphs a label font carries, its district
// names 46, and the halos were a third of the glyphs rasterised (and all those grown) on the way
// to the first frame: cut, the atlas is 512 x 475 instead of 512 x 551 at a pixel ratio of 1.
struct HaloText {
    std::vector<std::string_view> regular;  // drawn with label_halo (communes, context provinces)
    std::vector<std::string_view> bold;     // drawn with label_bold_halo (districts)
};

// Builds the atlas from TTF bytes (kept alive by the caller), the label halos included. Returns
// false if ImGui rejects a font.
// The viewer's Noto Sans files carry "≈ ≤ ≥ −" from Noto Sans Math (scripts/setup.sh).
// `ui_scale` enlarges every size (presentation mode on a projector uses ~1.35).
// With `halo_text`, the halos carry the characters of that text only (plus space and "?",
// ImGui's fallback) and Fonts::halos_cut is set; without it, every glyph the label fonts have.
bool build_fonts(Fonts& fonts, const std::vector<uint8_t>& regular_ttf, const std::vector<uint8_t>& bold_ttf,
                 float pixel_ratio, float ui_scale = 1.0f, const HaloText* halo_text = nullptr);
void apply_style(float ui_scale = 1.0f);

// Grows every visible glyph of `font` by `radius` texels in the atlas's alpha pixels (a texel
// takes the largest alpha within `radius` along its row or column) and its quad and texture
// coordinates with it. The atlas must have been built with at least 2 * radius + 1 texels of
// padding between glyphs, and the font without horizontal oversampling (a texel is a pixel).
void grow_glyphs(ImFont* font, unsigned char* alpha8, int tex_w, int tex_h, int radius);

}  // namespace ntm::ui
