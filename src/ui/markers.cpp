#include "ui/markers.hpp"

#include <imgui.h>

#include <cstdio>

namespace ntm::ui {

void draw_model_markers(const std::vector<ModelMarker>& markers, int hovered, int selected, const Fonts& fonts) {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const float scale = ImGui::GetIO().FontGlobalScale;
    for (size_t i = 0; i < markers.size(); ++i) {
        const ModelMarker& m = markers[i];
        const bool hot = int(i) == hovered || int(i) == selected;
        const float r = kMarkerRadiusPx * (hot ? 1.25f : 1.0f);
        const ImVec2 c(m.x, m.y);
        // Orange (Okabe–Ito #E69F00) stands apart from the viridis fills of the layers.
        dl->AddCircleFilled(ImVec2(c.x + 1, c.y + 2), r + 2, IM_COL32(0, 0, 0, 60), 24);
        dl->AddCircleFilled(c, r + 2, IM_COL32(255, 255, 255, 255), 24);
        dl->AddCircleFilled(c, r, int(i) == selected ? IM_COL32(200, 20, 60, 255) : IM_COL32(230, 159, 0, 255), 24);
        char text[8];
        std::snprintf(text, sizeof text, "%d", m.number);
        ImFont* font = fonts.label_bold;
        const float size = font->FontSize * scale;
        const ImVec2 ts = font->CalcTextSizeA(size, 100, 0, text);
        dl->AddText(font, size, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), IM_COL32(20, 20, 20, 255), text);
    }
}

int marker_at(const std::vector<ModelMarker>& markers, double x, double y) {
    const double r = kMarkerRadiusPx + 3;
    for (size_t i = markers.size(); i-- > 0;) {  // topmost (last drawn) first
        const double dx = x - markers[i].x, dy = y - markers[i].y;
        if (dx * dx + dy * dy <= r * r) return int(i);
    }
    return -1;
}

}  // namespace ntm::ui
