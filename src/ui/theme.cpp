#include "ui/theme.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace ntm::ui {

namespace {

// Glyph ranges (ImGui's zero-terminated [first, last] pairs) holding every code point of
// `base` (such pairs, or null) and every character of `texts` (UTF-8). ImGui's
// ImFontGlyphRangesBuilder collects them, but not its BuildRanges: that tests all 65,536 code
// points one by one, ~0.7 ms a call in the browser's baseline compile of the loop, on the way to
// the first frame (CPU profiles); this skips the builder's empty 32-bit words, nearly all.
void ranges_of(const ImWchar* base, const std::vector<std::string_view>& texts, ImVector<ImWchar>& out) {
    ImFontGlyphRangesBuilder b;
    if (base) b.AddRanges(base);
    for (const std::string_view t : texts) b.AddText(t.data(), t.data() + t.size());
    out.clear();
    bool open = false;  // a range is open: its first code point is in `out`, its last not yet
    for (int w = 0; w < b.UsedChars.Size; ++w) {
        const ImU32 word = b.UsedChars[w];
        if (!open && word == 0) continue;
        for (int bit = 0; bit < 32; ++bit) {
            const bool used = (word >> bit) & 1u;
            const int c = w * 32 + bit;
            if (used && !open) out.push_back(ImWchar(c));
            if (!used && open) out.push_back(ImWchar(c - 1));
            open = used;
        }
    }
    if (open) out.push_back(ImWchar(b.UsedChars.Size * 32 - 1));
    out.push_back(0);
}

}  // namespace

bool build_fonts(Fonts& fonts, const std::vector<uint8_t>& regular_ttf, const std::vector<uint8_t>& bold_ttf,
                 float pixel_ratio, float ui_scale, const HaloText* halo_text) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // The atlas only as tall as its glyphs (WebGL2 takes any texture size): ImGui would round
    // the 551 rows it needs at a pixel ratio of 1 up to 1024, and every row is cleared and sent
    // to the GPU process.
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    static ImVector<ImWchar> ranges;
    if (ranges.empty()) ranges_of(io.Fonts->GetGlyphRangesVietnamese(), {"—–…“”‘’•‹›←→↑↓×≈·₫≤≥−"}, ranges);
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the bytes belong to the caller
    // Two horizontal samples per pixel place glyphs at half-pixel positions; on a screen of two
    // or more device pixels per CSS pixel a device pixel already is half a CSS pixel, and a
    // second sample would only double the rasterising (the atlas is most of the first frame).
    cfg.OversampleH = pixel_ratio >= 2 ? 1 : 2;
    auto add = [&](const std::vector<uint8_t>& ttf, float css_size) -> ImFont* {
        if (ttf.empty()) return nullptr;
        return io.Fonts->AddFontFromMemoryTTF(const_cast<uint8_t*>(ttf.data()), int(ttf.size()),
                                              css_size * ui_scale * pixel_ratio, &cfg, ranges.Data);
    };
    const std::vector<uint8_t>& bold = bold_ttf.empty() ? regular_ttf : bold_ttf;
    fonts.body = add(regular_ttf, 15);
    fonts.heading = add(bold, 19);
    fonts.label = add(regular_ttf, 13);
    fonts.label_bold = add(bold, 14);
    // The halos: a CSS pixel of spread, room for it between glyphs, one texel per pixel.
    fonts.halo_px = std::max(1, int(std::lround(pixel_ratio)));
    io.Fonts->TexGlyphPadding = 2 * fonts.halo_px + 1;
    ImFontConfig halo_cfg = cfg;
    halo_cfg.OversampleH = 1;
    // The atlas reads the ranges when it is built, and again if it is rebuilt without new fonts.
    static ImVector<ImWchar> halo_ranges, halo_bold_ranges;
    fonts.halos_cut = halo_text != nullptr;
    if (halo_text) {
        // A space and "?" (ImGui's fallback) besides the names.
        static const ImWchar kAlways[] = {' ', ' ', '?', '?', 0};
        ranges_of(kAlways, halo_text->regular, halo_ranges);
        ranges_of(kAlways, halo_text->bold, halo_bold_ranges);
    }
    auto add_halo = [&](const std::vector<uint8_t>& ttf, float css_size, const ImVector<ImWchar>& cut) -> ImFont* {
        if (ttf.empty()) return nullptr;
        return io.Fonts->AddFontFromMemoryTTF(const_cast<uint8_t*>(ttf.data()), int(ttf.size()),
                                              css_size * ui_scale * pixel_ratio, &halo_cfg,
                                              halo_text ? cut.Data : ranges.Data);
    };
    fonts.label_halo = add_halo(regular_ttf, 13, halo_ranges);
    fonts.label_bold_halo = add_halo(bold, 14, halo_bold_ranges);
    if (!fonts.body || !fonts.heading || !fonts.label || !fonts.label_bold || !fonts.label_halo ||
        !fonts.label_bold_halo || !io.Fonts->Build())
        return false;
    unsigned char* alpha8 = nullptr;
    int tex_w = 0, tex_h = 0;
    io.Fonts->GetTexDataAsAlpha8(&alpha8, &tex_w, &tex_h);
    grow_glyphs(fonts.label_halo, alpha8, tex_w, tex_h, fonts.halo_px);
    grow_glyphs(fonts.label_bold_halo, alpha8, tex_w, tex_h, fonts.halo_px);
    io.FontDefault = fonts.body;
    io.FontGlobalScale = 1.0f / pixel_ratio;
    fonts.built_scale = pixel_ratio;
    return true;
}

void grow_glyphs(ImFont* font, unsigned char* alpha8, int tex_w, int tex_h, int radius) {
    if (!font || !alpha8 || radius <= 0) return;
    std::vector<unsigned char> src;  // grown to the largest glyph's box once, then reused
    for (ImFontGlyph& g : font->Glyphs) {
        if (!g.Visible) continue;
        const int x0 = int(std::lround(g.U0 * tex_w)), x1 = int(std::lround(g.U1 * tex_w));
        const int y0 = int(std::lround(g.V0 * tex_h)), y1 = int(std::lround(g.V1 * tex_h));
        if (x0 - radius < 0 || y0 - radius < 0 || x1 + radius > tex_w || y1 + radius > tex_h || x1 <= x0 || y1 <= y0)
            continue;
        // The glyph's own texels in a copy with 2 * radius zero texels around them (the grown
        // box and the reach of its reads, so that no read needs a bounds check: this runs in the
        // first frame, for ~500 glyphs), then every texel of the grown box from that copy.
        const int w = x1 - x0, h = y1 - y0;
        const int pw = w + 4 * radius, ph = h + 4 * radius;  // the grown box plus `radius` of zeros
        // memset, not assign(n, 0): this runs before the first frame, when the browser still
        // runs the baseline compile of this code, where assign's byte loop took ~9 ms in all.
        const size_t n = size_t(pw) * size_t(ph);
        if (src.size() < n) src.resize(n);
        std::memset(src.data(), 0, n);
        for (int y = 0; y < h; ++y)
            std::memcpy(&src[size_t(y + 2 * radius) * pw + size_t(2 * radius)], &alpha8[size_t(y0 + y) * tex_w + x0],
                        size_t(w));
        for (int y = radius; y < ph - radius; ++y) {
            unsigned char* out = &alpha8[size_t(y0 + y - 2 * radius) * tex_w + size_t(x0 - radius)];
            const unsigned char* row = &src[size_t(y) * pw];
            for (int x = radius; x < pw - radius; ++x) {
                unsigned char a = row[x];
                for (int d = 1; d <= radius; ++d)
                    a = std::max({a, row[x - d], row[x + d], row[x - d * pw], row[x + d * pw]});
                out[x - radius] = a;
            }
        }
        const float r = float(radius);
        g.X0 -= r;
        g.Y0 -= r;
        g.X1 += r;
        g.Y1 += r;
        g.U0 = float(x0 - radius) / float(tex_w);
        g.V0 = float(y0 - radius) / float(tex_h);
        g.U1 = float(x1 + radius) / float(tex_w);
        g.V1 = float(y1 + radius) / float(tex_h);
    }
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
