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
#include <vector>

struct ImFont;

namespace ntm::ui {

struct Fonts {
    ImFont* body = nullptr;        // panels, 15 px
    ImFont* heading = nullptr;     // panel titles, bold 19 px
    ImFont* label = nullptr;       // commune labels on the map, 13 px
    ImFont* label_bold = nullptr;  // district labels on the map, bold 14 px
    float built_scale = 0;         // the pixel ratio the atlas was built for
};

// Builds the atlas from TTF bytes (kept alive by the caller). Returns false if ImGui rejects a font.
// `symbols_ttf` (may be empty) supplies "≈ ≤ ≥ −", which Noto Sans lacks; it is merged into every font.
// `ui_scale` enlarges every size (presentation mode on a projector uses ~1.35).
bool build_fonts(Fonts& fonts, const std::vector<uint8_t>& regular_ttf, const std::vector<uint8_t>& bold_ttf,
                 const std::vector<uint8_t>& symbols_ttf, float pixel_ratio, float ui_scale = 1.0f);
void apply_style(float ui_scale = 1.0f);

}  // namespace ntm::ui
