#include "ui/theme.hpp"

#include <imgui.h>

namespace ntm::ui {

bool build_fonts(Fonts& fonts, const std::vector<uint8_t>& regular_ttf, const std::vector<uint8_t>& bold_ttf,
                 const std::vector<uint8_t>& symbols_ttf, float pixel_ratio, float ui_scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    static ImVector<ImWchar> ranges;
    if (ranges.empty()) {
        ImFontGlyphRangesBuilder b;
        b.AddRanges(io.Fonts->GetGlyphRangesVietnamese());
        b.AddText("—–…“”‘’•‹›←→↑↓×≈·₫≤≥−");
        b.BuildRanges(&ranges);
    }
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the bytes belong to the caller
    cfg.OversampleH = 2;
    static const ImWchar symbol_ranges[] = {0x2212, 0x2212, 0x2248, 0x2248, 0x2264, 0x2265, 0};
    auto add = [&](const std::vector<uint8_t>& ttf, float css_size) -> ImFont* {
        const float size = css_size * ui_scale;
        if (ttf.empty()) return nullptr;
        ImFont* font = io.Fonts->AddFontFromMemoryTTF(const_cast<uint8_t*>(ttf.data()), int(ttf.size()),
                                                      size * pixel_ratio, &cfg, ranges.Data);
        if (font && !symbols_ttf.empty()) {
            ImFontConfig merge = cfg;
            merge.MergeMode = true;
            io.Fonts->AddFontFromMemoryTTF(const_cast<uint8_t*>(symbols_ttf.data()), int(symbols_ttf.size()),
                                           size * pixel_ratio, &merge, symbol_ranges);
        }
        return font;
    };
    const std::vector<uint8_t>& bold = bold_ttf.empty() ? regular_ttf : bold_ttf;
    fonts.body = add(regular_ttf, 15);
    fonts.heading = add(bold, 19);
    fonts.label = add(regular_ttf, 13);
    fonts.label_bold = add(bold, 14);
    if (!fonts.body || !fonts.heading || !fonts.label || !fonts.label_bold || !io.Fonts->Build()) return false;
    io.FontDefault = fonts.body;
    io.FontGlobalScale = 1.0f / pixel_ratio;
    fonts.built_scale = pixel_ratio;
    return true;
}

void apply_style(float ui_scale) {
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    ImGui::StyleColorsLight(&s);
    s.WindowRounding = 6;
    s.FrameRounding = 4;
    s.GrabRounding = 4;
    s.WindowBorderSize = 1;
    s.WindowPadding = ImVec2(14, 12);
    s.ItemSpacing = ImVec2(8, 6);
    s.ScrollbarSize = 12;
    ImVec4* c = s.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 1);  // opaque: no map or label shows through a panel
    c[ImGuiCol_PopupBg] = ImVec4(1, 1, 1, 0.98f);
    c[ImGuiCol_Text] = ImVec4(0.10f, 0.11f, 0.13f, 1);
    c[ImGuiCol_TextDisabled] = ImVec4(0.38f, 0.40f, 0.44f, 1);
    c[ImGuiCol_Header] = ImVec4(0.16f, 0.38f, 0.66f, 0.16f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.16f, 0.38f, 0.66f, 0.28f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.16f, 0.38f, 0.66f, 0.40f);
    c[ImGuiCol_Button] = ImVec4(0.16f, 0.38f, 0.66f, 0.12f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.16f, 0.38f, 0.66f, 0.25f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.16f, 0.38f, 0.66f, 0.40f);
    c[ImGuiCol_Separator] = ImVec4(0.80f, 0.82f, 0.85f, 1);
    if (ui_scale != 1.0f) s.ScaleAllSizes(ui_scale);
}

}  // namespace ntm::ui
