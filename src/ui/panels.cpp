#include "ui/panels.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/text.hpp"
#include "ui/calendar_panel.hpp"
#include "ui/funding_panel.hpp"
#include "ui/rows.hpp"
#include "ui/strings.hpp"

namespace ntm::ui {

// [SECTION] Small widgets

namespace {

ImU32 colour_u32(legend::Rgb c) { return IM_COL32(c.r, c.g, c.b, 255); }

void key_value(const char* key, const std::string& value) {
    ImGui::TextDisabled("%s", key);
    ImGui::TextWrapped("%s", value.c_str());
}

void wrapped_disabled(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

// A legend swatch the height of a text line: the class colour, hatched for "no data".
void swatch(legend::Class cls) {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 q(p.x + h * 1.4f, p.y + h);
    dl->AddRectFilled(p, q, colour_u32(legend::class_colour(cls)), 2);
    if (legend::class_hatched(cls)) {
        dl->PushClipRect(p, q, true);
        for (float x = p.x - h; x < q.x; x += 6) dl->AddLine(ImVec2(x, q.y), ImVec2(x + h, p.y), IM_COL32(115, 115, 128, 255), 1.5f);
        dl->PopClipRect();
    }
    dl->AddRect(p, q, IM_COL32(120, 120, 120, 255), 2);
    ImGui::Dummy(ImVec2(h * 1.4f, h));
}

// An outline swatch for district targets.
void outline_swatch(legend::Rgb c, float width) {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRect(ImVec2(p.x + 1, p.y + 1), ImVec2(p.x + h * 1.4f - 1, p.y + h - 1),
                                        colour_u32(c), 2, 0, width);
    ImGui::Dummy(ImVec2(h * 1.4f, h));
}

legend::Class class_of_standard(plan::Standard s) {
    switch (s) {
        case plan::Standard::kieu_mau: return legend::Class::kieu_mau;
        case plan::Standard::nang_cao: return legend::Class::nang_cao;
        case plan::Standard::ntm: return legend::Class::ntm;
        case plan::Standard::none: return legend::Class::none;
    }
    return legend::Class::none;
}

const std::string& district_name(const PanelView& v, int d) { return v.map->districts[size_t(d)].name; }

void model_card(const PanelView& v, const plan::PilotModel& m, int number) {
    ImGui::PushFont(v.fonts->label_bold);
    ImGui::TextWrapped("%d. %s", number, m.name.c_str());
    ImGui::PopFont();
    const std::string place = m.unit.commune.empty() ? m.unit.district : m.unit.commune + ", " + m.unit.district;
    key_value(tr(Key::model_place), place);
    key_value(tr(Key::model_lead), m.lead_agency);
    key_value(tr(Key::model_period), m.period_text);
    key_value(tr(Key::model_source), m.source);
}

// Marker index of a plan model, or -1.
int marker_of(const PanelView& v, const plan::PilotModel* m) {
    for (size_t i = 0; i < v.model_numbers.size(); ++i)
        if (&v.plan->models[size_t(v.model_numbers[i])] == m) return int(i);
    return -1;
}

void model_list(const PanelView& v, const std::vector<const plan::PilotModel*>& models, Command& cmd) {
    // Model names are long sentences: a selectable row as tall as the wrapped text.
    const float wrap = ImGui::GetContentRegionAvail().x;
    for (const plan::PilotModel* m : models) {
        const int marker = marker_of(v, m);
        const std::string label = std::to_string(marker + 1) + ". " + m->name;
        const ImVec2 size = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrap);
        const ImVec2 at = ImGui::GetCursorPos();
        ImGui::PushID(m);
        if (ImGui::Selectable("##model", marker >= 0 && marker == v.selected_model, 0, ImVec2(0, size.y)) && marker >= 0)
            cmd = {CommandKind::select_model, marker};
        ImGui::PopID();
        const ImVec2 after = ImGui::GetCursorPos();
        ImGui::SetCursorPos(at);
        ImGui::PushTextWrapPos(at.x + wrap);
        ImGui::TextUnformatted(label.c_str());
        ImGui::PopTextWrapPos();
        ImGui::SetCursorPos(after);
    }
}

// [SECTION] Map tab: province → district → commune

void layer_switch(const PanelView& v, Command& cmd) {
    ImGui::TextDisabled("%s", tr(Key::layer));
    for (legend::Layer l : {legend::Layer::targets, legend::Layer::status, legend::Layer::boundaries}) {
        if (ImGui::RadioButton(layer_label(l), v.layer == l)) cmd = {CommandKind::set_layer, int(l)};
        if (l != legend::Layer::boundaries) ImGui::SameLine();
    }
}

void legend_block(const PanelView& v) {
    if (v.layer == legend::Layer::boundaries || !v.classes) return;
    ImGui::SeparatorText(tr(Key::legend));
    for (const legend::Row& row : legend::rows(v.layer, *v.classes)) {
        swatch(row.cls);
        ImGui::SameLine();
        ImGui::TextUnformatted(legend_row_label(v.layer, row).c_str());
    }
    if (v.layer == legend::Layer::targets && !v.plan_loaded) {
        wrapped_disabled(tr(Key::legend_no_plan));
    } else if (v.layer == legend::Layer::targets) {
        ImGui::TextDisabled("%s", tr(Key::plan_source));
        if (!v.plan->district_targets.empty()) {
            ImGui::SeparatorText(tr(Key::district_targets));
            for (const plan::DistrictTarget& t : v.plan->district_targets) {
                outline_swatch(legend::class_colour(class_of_standard(t.standard)),
                               t.milestone == plan::DistrictMilestone::dossier ? 2.0f : 3.0f);
                ImGui::SameLine();
                ImGui::TextWrapped("%s — %s %s", t.district.c_str(), milestone_label(t.milestone),
                                   unit_standard_label(t.standard, asset::UnitType::huyen));
            }
        }
    } else if (v.layer == legend::Layer::status && (!v.status_loaded || v.status->units.empty())) {
        wrapped_disabled(tr(Key::status_source_empty));
    }
}

void province_view(const PanelView& v, Command& cmd) {
    const asset::MapAsset& m = *v.map;
    layer_switch(v, cmd);
    legend_block(v);
    if (v.plan_loaded) {
        const double total = plan::funding_total_million_dong(v.plan->funding);
        if (total > 0) {
            ImGui::SeparatorText(tr(Key::funding_total));
            ImGui::TextWrapped("%s (%s)", i18n::format_million_dong(total).c_str(),
                               i18n::format_billion_dong(total, 0).c_str());
        }
        if (!v.plan->models.empty()) {
            ImGui::SeparatorText(tr(Key::models));
            std::vector<const plan::PilotModel*> all;
            for (int n : v.model_numbers) all.push_back(&v.plan->models[size_t(n)]);
            model_list(v, all, cmd);
        }
    }
    ImGui::SeparatorText(tr(Key::districts));
    for (size_t i = 0; i < m.districts.size(); ++i) {
        ImGui::PushID(int(i));
        int targets = 0;
        if (v.plan_loaded)
            for (const auto& c : m.communes)
                if (c.parent == int(i) && plan::find_commune_target(*v.plan, m.districts[i].name, c.name)) ++targets;
        if (ImGui::Selectable(m.districts[i].name.c_str(), int(i) == v.selected_district))
            cmd = {CommandKind::select_district, int(i)};
        if (targets > 0) {
            ImGui::SameLine(ImGui::GetContentRegionAvail().x - 70);
            ImGui::TextDisabled("%d %s", targets, tr(Key::targets_in));
        }
        ImGui::PopID();
    }
}

void district_view(const PanelView& v, int district, Command& cmd) {
    const asset::MapAsset& m = *v.map;
    const asset::Feature& d = m.districts[size_t(district)];
    ImGui::PushFont(v.fonts->heading);
    ImGui::TextWrapped("%s", d.name.c_str());
    ImGui::PopFont();
    key_value(tr(Key::area), i18n::format_decimal(d.area_ha, 0) + " " + tr(Key::area_unit));
    if (v.plan_loaded) {
        for (const plan::DistrictTarget* t : plan::find_district_targets(*v.plan, d.name)) {
            outline_swatch(legend::class_colour(class_of_standard(t->standard)), 3);
            ImGui::SameLine();
            ImGui::TextWrapped("%s", t->as_written.c_str());
        }
    }
    layer_switch(v, cmd);
    ImGui::SeparatorText(tr(Key::communes_of));
    for (size_t i = 0; i < m.communes.size(); ++i) {
        if (m.communes[i].parent != district) continue;
        ImGui::PushID(int(i));
        if (v.classes && i < v.classes->size() && v.layer != legend::Layer::boundaries) {
            swatch((*v.classes)[i]);
            ImGui::SameLine();
        }
        if (ImGui::Selectable(m.communes[i].name.c_str(), int(i) == v.selected_commune))
            cmd = {CommandKind::select_commune, int(i)};
        if (v.plan_loaded && v.layer == legend::Layer::targets) {
            if (const plan::CommuneTarget* t = plan::find_commune_target(*v.plan, d.name, m.communes[i].name)) {
                ImGui::SameLine(ImGui::GetContentRegionAvail().x * 0.55f);
                ImGui::TextDisabled("%s", standard_label(t->standard));
            }
        }
        ImGui::PopID();
    }
    if (v.plan_loaded) {
        const auto models = plan::models_in_district(*v.plan, d.name);
        if (!models.empty()) {
            ImGui::SeparatorText(tr(Key::models));
            model_list(v, models, cmd);
        }
    }
}

void commune_view(const PanelView& v, int commune, Command& cmd) {
    const asset::MapAsset& m = *v.map;
    const asset::Feature& c = m.communes[size_t(commune)];
    const std::string& district = c.parent >= 0 ? district_name(v, c.parent) : c.name;
    ImGui::PushFont(v.fonts->heading);
    ImGui::TextWrapped("%s", c.name.c_str());
    ImGui::PopFont();
    key_value(tr(Key::unit_type), unit_type_label(c.type));
    if (c.parent >= 0) key_value(tr(Key::district), district);

    const bool applicable = c.type == asset::UnitType::xa;
    ImGui::TextDisabled("%s", tr(Key::target2024));
    if (!applicable) {
        swatch(legend::Class::not_applicable);
        ImGui::SameLine();
        ImGui::TextWrapped("%s", tr(Key::not_applicable));
    } else if (!v.plan_loaded) {
        swatch(legend::Class::no_data);
        ImGui::SameLine();
        ImGui::TextUnformatted(tr(Key::no_data));
    } else if (const plan::CommuneTarget* t = plan::find_commune_target(*v.plan, district, c.name)) {
        swatch(class_of_standard(t->standard));
        ImGui::SameLine();
        ImGui::TextWrapped("%s", standard_label(t->standard));
        ImGui::TextDisabled("%s", t->source.c_str());
    } else {
        swatch(legend::Class::none);
        ImGui::SameLine();
        ImGui::TextUnformatted(tr(Key::no_target2024));
    }

    ImGui::TextDisabled("%s", tr(Key::status));
    const plan::UnitStatus* s = applicable && v.status_loaded ? plan::find_status(*v.status, district, c.name) : nullptr;
    if (!applicable) {
        ImGui::TextWrapped("%s", tr(Key::not_applicable));
    } else if (!s) {
        swatch(legend::Class::no_data);
        ImGui::SameLine();
        ImGui::TextUnformatted(tr(Key::no_data));
    } else {
        swatch(class_of_standard(s->standard));
        ImGui::SameLine();
        ImGui::TextWrapped("%s", s->standard == plan::Standard::none ? tr(Key::status_none) : standard_label(s->standard));
        if (s->recognised_on.is_set()) key_value(tr(Key::recognised_on), date_label(s->recognised_on));
        if (!s->decision.empty()) key_value(tr(Key::decision), s->decision);
        if (s->criteria_met >= 0) key_value(tr(Key::criteria_met), std::to_string(s->criteria_met) + "/19");
        if (!s->note.empty()) wrapped_disabled(s->note.c_str());
    }

    key_value(tr(Key::population2009),
              c.population > 0 ? i18n::format_int(c.population) + " " + tr(Key::persons) : std::string(tr(Key::no_data)));
    key_value(tr(Key::area), i18n::format_decimal(c.area_ha, 0) + " " + tr(Key::area_unit));

    if (v.plan_loaded) {
        const auto models = plan::models_at(*v.plan, district, c.name);
        ImGui::SeparatorText(tr(Key::models_here));
        if (models.empty()) ImGui::TextDisabled("%s", tr(Key::no_models_here));
        for (const plan::PilotModel* mdl : models) model_card(v, *mdl, marker_of(v, mdl) + 1);
    }
    ImGui::Spacing();
    if (ImGui::Button(tr(Key::clear_selection))) cmd = {CommandKind::clear_selection, -1};
}

// The search field. The text itself is typed into the page's input element (so Vietnamese
// input methods work) and mirrored here; results are chosen by click, arrows or Enter.
void search_box(const PanelView& v, Command& cmd) {
    const bool typing = v.search_open && v.search_query && !v.search_query->empty();
    std::string shown = typing ? *v.search_query + "|" : std::string(tr(Key::search_placeholder));
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0, 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(typing ? ImGuiCol_Text : ImGuiCol_TextDisabled));
    if (ImGui::Button((shown + "##search").c_str(), ImVec2(-FLT_MIN, 0))) cmd = {CommandKind::open_search, -1};
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar();
    if (!v.search_open || !v.search_results) return;
    for (size_t i = 0; i < v.search_results->size(); ++i) {
        const search::Match& m = (*v.search_results)[i];
        ImGui::PushID(int(i));
        if (ImGui::Selectable(std::string(m.display).c_str(), int(i) == v.search_cursor))
            cmd = {CommandKind::choose_search, int(i)};
        ImGui::PopID();
    }
    if (typing && v.search_results->empty()) ImGui::TextDisabled("%s", tr(Key::search_no_results));
    ImGui::Separator();
}

void breadcrumb(const PanelView& v, int district, Command& cmd) {
    const asset::MapAsset& m = *v.map;
    if (district < 0) {
        // One province (the default map) by name; the national map is a country of provinces.
        if (m.province.size() > 1)
            ImGui::Text(tr(Key::provinces_of_country), i18n::format_int(int64_t(m.province.size())).c_str());
        else
            ImGui::TextUnformatted(m.province.empty() ? tr(Key::province) : m.province[0].name.c_str());
        ImGui::TextDisabled("%s %s · %s %s", i18n::format_int(int64_t(m.communes.size())).c_str(), tr(Key::commune_count),
                            i18n::format_int(int64_t(m.districts.size())).c_str(), tr(Key::district_count));
        return;
    }
    if (ImGui::SmallButton(tr(Key::back_to_province))) cmd = {CommandKind::clear_selection, -1};
    ImGui::SameLine();
    ImGui::TextDisabled("›");
    ImGui::SameLine();
    if (v.selected_commune >= 0) {
        if (ImGui::SmallButton(district_name(v, district).c_str())) cmd = {CommandKind::select_district, district};
        ImGui::SameLine();
        ImGui::TextDisabled("›");
        ImGui::SameLine();
        ImGui::TextUnformatted(m.communes[size_t(v.selected_commune)].name.c_str());
    } else {
        ImGui::TextUnformatted(district_name(v, district).c_str());
    }
}

}  // namespace

// [SECTION] Side panel

Command draw_side_panel(const PanelView& v, RectPx rect) {
    Command cmd;
    const asset::MapAsset& m = *v.map;
    ImGui::SetNextWindowPos(ImVec2(rect.x, rect.y));
    ImGui::SetNextWindowSize(ImVec2(rect.w, rect.h));
    ImGui::Begin("##side", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
    if (v.narrow) {
        // Phone: a drawer. Its title bar opens and closes it.
        if (ImGui::Button(v.drawer_open ? tr(Key::drawer_close) : tr(Key::drawer_open))) cmd = {CommandKind::toggle_drawer, -1};
        ImGui::SameLine();
        ImGui::PushFont(v.fonts->label_bold);
        ImGui::TextUnformatted(tr(Key::app_title));
        ImGui::PopFont();
        if (!v.drawer_open) {
            ImGui::End();
            return cmd;
        }
    } else {
        ImGui::PushFont(v.fonts->heading);
        ImGui::TextWrapped("%s", tr(Key::app_title));
        ImGui::PopFont();
        ImGui::TextDisabled("%s", tr(Key::app_subtitle));
    }

    search_box(v, cmd);
    if (ImGui::BeginTabBar("##tabs")) {
        if (ImGui::BeginTabItem(tr(Key::tab_map))) {
            const int district =
                v.selected_commune >= 0 ? m.communes[size_t(v.selected_commune)].parent : v.selected_district;
            breadcrumb(v, district, cmd);
            ImGui::Separator();
            ImGui::BeginChild("##map-tab", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 3.3f));
            if (v.selected_model >= 0 && v.plan_loaded && size_t(v.selected_model) < v.model_numbers.size()) {
                model_card(v, v.plan->models[size_t(v.model_numbers[size_t(v.selected_model)])], v.selected_model + 1);
                ImGui::Separator();
            }
            if (v.selected_commune >= 0) commune_view(v, v.selected_commune, cmd);
            else if (district >= 0) district_view(v, district, cmd);
            else province_view(v, cmd);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(tr(Key::tab_funding))) {
            ImGui::BeginChild("##funding-tab", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 3.3f));
            if (v.plan) draw_funding_panel(*v.plan, *v.fonts);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(tr(Key::tab_calendar))) {
            ImGui::BeginChild("##calendar-tab", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 3.3f));
            if (v.plan) draw_calendar_panel(*v.plan, *v.fonts);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", tr(Key::hint));
    ImGui::PopStyleColor();
    if (ImGui::SmallButton(tr(Key::about))) cmd = {CommandKind::show_about, -1};
    ImGui::SameLine();
    if (ImGui::SmallButton("?")) cmd = {CommandKind::show_help, -1};
    ImGui::SameLine();
    if (v.can_present && ImGui::SmallButton(tr(Key::present))) cmd = {CommandKind::present, 1};
    ImGui::SameLine();
    const bool english = i18n::language() == i18n::Lang::en;
    if (ImGui::SmallButton(english ? tr(Key::lang_vi) : tr(Key::lang_en))) cmd = {CommandKind::set_language, english ? 0 : 1};
    // The export buttons get their own line: on a 1280 px screen they did not fit beside the rest.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(Key::export_png));
    for (int scale : {1, 2, 4}) {
        ImGui::SameLine();
        ImGui::PushID(scale);
        const std::string label = std::to_string(scale) + "×";
        if (ImGui::SmallButton(label.c_str())) cmd = {CommandKind::export_png, scale};
        ImGui::PopID();
    }
    ImGui::End();
    return cmd;
}

// [SECTION] Presentation mode

Command draw_presentation_panel(const PanelView& v, RectPx rect) {
    Command cmd;
    ImGui::SetNextWindowPos(ImVec2(rect.x, rect.y));
    ImGui::SetNextWindowSize(ImVec2(rect.w, rect.h));
    ImGui::Begin("##present", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
    const int n = v.tour ? int(v.tour->steps.size()) : 0;
    if (v.tour && !v.tour->title.empty()) ImGui::TextDisabled("%s", v.tour->title.c_str());
    if (n > 0 && v.tour_step >= 0 && v.tour_step < n) {
        const tour::Step& s = v.tour->steps[size_t(v.tour_step)];
        ImGui::TextDisabled(tr(Key::tour_step), v.tour_step + 1, n);
        ImGui::PushFont(v.fonts->heading);
        ImGui::TextWrapped("%s", tour::step_title(s, false).c_str());
        ImGui::PopFont();
        ImGui::TextWrapped("%s", tour::step_text(s, false).c_str());
        ImGui::Spacing();
        ImGui::BeginDisabled(v.tour_step == 0);
        if (ImGui::Button(tr(Key::tour_previous))) cmd = {CommandKind::tour_step, v.tour_step - 1};
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(v.tour_step + 1 >= n);
        if (ImGui::Button(tr(Key::tour_next))) cmd = {CommandKind::tour_step, v.tour_step + 1};
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button(tr(Key::tour_exit))) cmd = {CommandKind::present, 0};
        ImGui::Separator();
        ImGui::BeginChild("##step-panel");
        switch (s.panel) {
            case tour::Panel::legend: legend_block(v); break;
            case tour::Panel::funding:
                if (v.plan) draw_funding_panel(*v.plan, *v.fonts);
                break;
            case tour::Panel::calendar:
                if (v.plan) draw_calendar_panel(*v.plan, *v.fonts);
                break;
            case tour::Panel::models:
                for (size_t i = 0; i < v.model_numbers.size(); ++i) {
                    model_card(v, v.plan->models[size_t(v.model_numbers[i])], int(i) + 1);
                    ImGui::Spacing();
                }
                break;
            case tour::Panel::none: legend_block(v); break;
        }
        ImGui::EndChild();
    } else {
        ImGui::TextWrapped("%s", tr(Key::tour_empty));
        if (ImGui::Button(tr(Key::tour_exit))) cmd = {CommandKind::present, 0};
    }
    ImGui::End();
    return cmd;
}

// [SECTION] Tooltips, about box, errors

void draw_hover_tooltip(const PanelView& v) {
    if (v.hovered_commune < 0) return;
    const asset::Feature& c = v.map->communes[size_t(v.hovered_commune)];
    ImGui::BeginTooltip();
    ImGui::PushFont(v.fonts->label_bold);
    ImGui::TextUnformatted(c.name.c_str());
    ImGui::PopFont();
    if (c.parent >= 0) ImGui::TextDisabled("%s", v.map->districts[size_t(c.parent)].name.c_str());
    if (v.classes && size_t(v.hovered_commune) < v.classes->size() && v.layer != legend::Layer::boundaries) {
        const legend::Class cls = (*v.classes)[size_t(v.hovered_commune)];
        swatch(cls);
        ImGui::SameLine();
        ImGui::TextUnformatted(class_label(v.layer, cls));
    }
    ImGui::EndTooltip();
}

void draw_model_tooltip(const PanelView& v, int marker) {
    if (!v.plan || marker < 0 || size_t(marker) >= v.model_numbers.size()) return;
    ImGui::SetNextWindowSize(ImVec2(340, 0));
    ImGui::BeginTooltip();
    model_card(v, v.plan->models[size_t(v.model_numbers[size_t(marker)])], marker + 1);
    ImGui::EndTooltip();
}

void draw_about_box(bool& open, RectPx canvas) {
    if (!open) return;
    const float w = std::min(560.0f, canvas.w - 32);
    ImGui::SetNextWindowPos(ImVec2(canvas.x + (canvas.w - w) / 2, canvas.y + canvas.h * 0.15f), ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(ImVec2(w, 0), ImGuiCond_Appearing);
    if (ImGui::Begin(tr(Key::about_title), &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::TextWrapped("%s", tr(Key::about_body));
        ImGui::Spacing();
        ImGui::TextWrapped("%s", tr(Key::about_source));
        ImGui::Spacing();
        ImGui::TextWrapped("%s", tr(Key::about_approx));
        ImGui::Spacing();
        ImGui::TextWrapped("%s", tr(Key::about_plan));
        ImGui::Spacing();
        if (ImGui::Button(tr(Key::close))) open = false;
    }
    ImGui::End();
}

void draw_help_overlay(bool& open, RectPx canvas) {
    if (!open) return;
    const float w = std::min(520.0f, canvas.w - 24);
    ImGui::SetNextWindowPos(ImVec2(canvas.x + (canvas.w - w) / 2, canvas.y + canvas.h * 0.12f), ImGuiCond_Appearing);
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, canvas.h * 0.8f));
    if (ImGui::Begin(tr(Key::help_title), &open,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) {
        // Key | what it does, on alternating backgrounds; a long key list wraps in its column.
        Rows rows({{std::round(w * 0.42f), 0}, {0, 1}}, w - 2 * ImGui::GetStyle().WindowPadding.x);
        const ImU32 alt_bg = ImGui::GetColorU32(ImGuiCol_TableRowBgAlt);
        bool alt = false;
        for (const auto& row : i18n::kShortcuts) {
            rows.begin_row();
            rows.cell(0);
            ImGui::TextWrapped("%s", tr(row[0]));
            rows.cell(1);
            ImGui::TextWrapped("%s", tr(row[1]));
            rows.end_row(alt ? alt_bg : 0);
            alt = !alt;
        }
        if (ImGui::Button(tr(Key::close))) open = false;
    }
    ImGui::End();
}

Command draw_error_list(const PanelView& v, RectPx rect, RectPx* retry_button) {
    Command cmd;
    if (retry_button) *retry_button = RectPx{};
    if (!v.errors || v.errors->empty()) return cmd;
    ImGui::SetNextWindowPos(ImVec2(rect.x, rect.y));
    ImGui::SetNextWindowSizeConstraints(ImVec2(rect.w, 0), ImVec2(rect.w, 260));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(1.0f, 0.93f, 0.90f, 0.97f));
    ImGui::Begin(tr(Key::errors_title), nullptr,
                 ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PushTextWrapPos(rect.w - 20);
    for (const std::string& e : *v.errors) ImGui::BulletText("%s", e.c_str());
    if (v.can_retry) {
        ImGui::Spacing();
        ImGui::TextWrapped("%s", tr(Key::retry_hint));
        if (ImGui::Button(tr(Key::retry))) cmd.kind = CommandKind::retry_files;
        if (retry_button) {
            const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
            *retry_button = RectPx{a.x, a.y, b.x - a.x, b.y - a.y};
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::End();
    ImGui::PopStyleColor();
    return cmd;
}

}  // namespace ntm::ui
