#include "ui/panels.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/text.hpp"
#include "ui/strings_vi.hpp"

namespace ntm::ui {

namespace {

void key_value(const char* key, const std::string& value) {
    ImGui::TextDisabled("%s", key);
    ImGui::TextWrapped("%s", value.c_str());
}

void commune_card(const PanelView& v, const asset::Feature& c, Command& cmd) {
    const asset::MapAsset& m = *v.map;
    ImGui::PushFont(v.fonts->heading);
    ImGui::TextWrapped("%s", c.name.c_str());
    ImGui::PopFont();
    key_value(str::kUnitType, asset::unit_type_label_vi(c.type));
    if (c.parent >= 0) key_value(str::kDistrict, m.districts[size_t(c.parent)].name);
    key_value(str::kArea, text::format_decimal_vi(c.area_ha, 0) + " " + str::kAreaUnit);
    key_value(str::kPopulation2009,
              c.population > 0 ? text::format_int_vi(c.population) + " " + str::kPersons : std::string(str::kNoData));
    ImGui::Spacing();
    if (ImGui::Button(str::kClearSelection)) cmd = {CommandKind::clear_selection, -1};
}

}  // namespace

Command draw_side_panel(const PanelView& v, RectPx rect) {
    Command cmd;
    const asset::MapAsset& m = *v.map;
    ImGui::SetNextWindowPos(ImVec2(rect.x, rect.y));
    ImGui::SetNextWindowSize(ImVec2(rect.w, rect.h));
    ImGui::Begin("##side", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PushFont(v.fonts->heading);
    ImGui::TextWrapped("%s", str::kAppTitle);
    ImGui::PopFont();
    ImGui::TextDisabled("%s", str::kAppSubtitle);

    // Breadcrumb: province › district › commune; each step leads back up.
    const int district = v.selected_commune >= 0 ? m.communes[size_t(v.selected_commune)].parent : v.selected_district;
    ImGui::Separator();
    if (district >= 0) {
        if (ImGui::SmallButton(str::kBackToProvince)) cmd = {CommandKind::clear_selection, -1};
        ImGui::SameLine();
        ImGui::TextDisabled("›");
        ImGui::SameLine();
        if (v.selected_commune >= 0) {
            if (ImGui::SmallButton(m.districts[size_t(district)].name.c_str()))
                cmd = {CommandKind::select_district, district};
        } else {
            ImGui::TextUnformatted(m.districts[size_t(district)].name.c_str());
        }
    } else {
        ImGui::TextUnformatted(m.province.empty() ? str::kProvince : m.province[0].name.c_str());
        ImGui::TextDisabled("%s %s · %s %s", text::format_int_vi(int64_t(m.communes.size())).c_str(),
                            str::kCommuneCount, text::format_int_vi(int64_t(m.districts.size())).c_str(),
                            "đơn vị cấp huyện");
    }
    ImGui::Separator();

    if (v.selected_commune >= 0) {
        commune_card(v, m.communes[size_t(v.selected_commune)], cmd);
        ImGui::Separator();
    }

    if (district >= 0) {
        const asset::Feature& d = m.districts[size_t(district)];
        if (v.selected_commune < 0) {
            ImGui::PushFont(v.fonts->heading);
            ImGui::TextWrapped("%s", d.name.c_str());
            ImGui::PopFont();
            key_value(str::kArea, text::format_decimal_vi(d.area_ha, 0) + " " + str::kAreaUnit);
        }
        ImGui::SeparatorText(str::kCommunesOf);
        for (size_t i = 0; i < m.communes.size(); ++i) {
            if (m.communes[i].parent != district) continue;
            ImGui::PushID(int(i));
            if (ImGui::Selectable(m.communes[i].name.c_str(), int(i) == v.selected_commune))
                cmd = {CommandKind::select_commune, int(i)};
            ImGui::PopID();
        }
    } else {
        ImGui::SeparatorText(str::kDistricts);
        for (size_t i = 0; i < m.districts.size(); ++i) {
            ImGui::PushID(int(i));
            if (ImGui::Selectable(m.districts[i].name.c_str(), int(i) == v.selected_district))
                cmd = {CommandKind::select_district, int(i)};
            ImGui::PopID();
        }
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", str::kHint);
    ImGui::PopStyleColor();
    if (ImGui::Button(str::kAbout)) cmd = {CommandKind::show_about, -1};
    ImGui::End();
    return cmd;
}

void draw_hover_tooltip(const PanelView& v) {
    if (v.hovered_commune < 0) return;
    const asset::Feature& c = v.map->communes[size_t(v.hovered_commune)];
    ImGui::BeginTooltip();
    ImGui::PushFont(v.fonts->label_bold);
    ImGui::TextUnformatted(c.name.c_str());
    ImGui::PopFont();
    if (c.parent >= 0) ImGui::TextDisabled("%s", v.map->districts[size_t(c.parent)].name.c_str());
    ImGui::EndTooltip();
}

void draw_about_box(bool& open, RectPx canvas) {
    if (!open) return;
    const float w = std::min(560.0f, canvas.w - 32);
    ImGui::SetNextWindowPos(ImVec2(canvas.x + (canvas.w - w) / 2, canvas.y + canvas.h * 0.15f), ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(ImVec2(w, 0), ImGuiCond_Appearing);
    if (ImGui::Begin(str::kAboutTitle, &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::TextWrapped("%s", str::kAboutBody);
        ImGui::Spacing();
        ImGui::TextWrapped("%s", str::kAboutSource);
        ImGui::Spacing();
        ImGui::TextWrapped("%s", str::kAboutApprox);
        ImGui::Spacing();
        ImGui::TextWrapped("%s", str::kAboutPlan);
        ImGui::Spacing();
        if (ImGui::Button(str::kClose)) open = false;
    }
    ImGui::End();
}

void draw_error_list(const PanelView& v, RectPx rect) {
    if (!v.errors || v.errors->empty()) return;
    ImGui::SetNextWindowPos(ImVec2(rect.x, rect.y));
    ImGui::SetNextWindowSize(ImVec2(rect.w, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(1.0f, 0.93f, 0.90f, 0.97f));
    ImGui::Begin(str::kErrorsTitle, nullptr,
                 ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    for (const std::string& e : *v.errors) ImGui::BulletText("%s", e.c_str());
    ImGui::End();
    ImGui::PopStyleColor();
}

}  // namespace ntm::ui
