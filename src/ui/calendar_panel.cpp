#include "ui/calendar_panel.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include <imgui.h>

#include "ui/chart.hpp"
#include "ui/rows.hpp"
#include "ui/strings.hpp"

namespace ntm::ui {

namespace {

using plan::CalendarKind;

// Kind → colour and shape, both, so the marks read without colour (and in greyscale print).
constexpr uint32_t kStartColour = chart::colour::kGreen;          // ▶
constexpr uint32_t kDeadlineColour = chart::colour::kVermillion;  // ◆
constexpr uint32_t kPlannedColour = chart::colour::kBlue;         // band for a month, ● for a day
constexpr uint32_t kTaskColour = chart::colour::kPurple;          // stacked ticks

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 30;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::string date_text(plan::Date d) {
    if (!d.is_set()) return tr(Key::event_no_date);
    return d.is_month() ? month_title(d.year, d.month) : date_label(d);
}

const char* kind_label(CalendarKind k) {
    switch (k) {
        case CalendarKind::start: return tr(Key::kind_start);
        case CalendarKind::deadline: return tr(Key::kind_deadline);
        case CalendarKind::planned: return tr(Key::kind_planned);
    }
    return "";
}

uint32_t kind_colour(CalendarKind k) {
    switch (k) {
        case CalendarKind::start: return kStartColour;
        case CalendarKind::deadline: return kDeadlineColour;
        case CalendarKind::planned: return kPlannedColour;
    }
    return chart::colour::kGrey;
}

TimelineLane lane_of(asset::UnitType t) {
    using asset::UnitType;
    return t == UnitType::xa || t == UnitType::phuong || t == UnitType::thi_tran ? TimelineLane::commune
                                                                                 : TimelineLane::district;
}

// Sort key: a whole month sorts at its first day, after the events dated that day ("hồ sơ
// chậm nhất 01/10" comes before "công nhận trong tháng 10"); undated last.
std::tuple<int, int, int, int, int> date_key(plan::Date d) {
    if (!d.is_set()) return {1, 0, 0, 0, 0};
    return {0, d.year, d.month, d.day == 0 ? 1 : d.day, d.day == 0 ? 1 : 0};
}

// [SECTION] Drawing helpers

void draw_point_glyph(ImDrawList* dl, CalendarKind kind, ImVec2 c, float r, ImU32 outline) {
    const ImU32 fill = kind_colour(kind);
    switch (kind) {
        case CalendarKind::deadline: {
            const ImVec2 p[4] = {{c.x, c.y - r}, {c.x + r, c.y}, {c.x, c.y + r}, {c.x - r, c.y}};
            dl->AddQuadFilled(p[0], p[1], p[2], p[3], fill);
            if (outline) dl->AddQuad(p[0], p[1], p[2], p[3], outline, 1.5f);
            break;
        }
        case CalendarKind::start: {
            const ImVec2 a(c.x - r * 0.75f, c.y - r), b(c.x + r, c.y), d(c.x - r * 0.75f, c.y + r);
            dl->AddTriangleFilled(a, b, d, fill);
            if (outline) dl->AddTriangle(a, b, d, outline, 1.5f);
            break;
        }
        case CalendarKind::planned:
            dl->AddCircleFilled(c, r * 0.85f, fill);
            if (outline) dl->AddCircle(c, r * 0.85f, outline, 0, 1.5f);
            break;
    }
}

void draw_band(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 fill) { dl->AddRectFilled(a, b, fill, (b.y - a.y) * 0.3f); }

// A glyph in running text (legend, event list): the shape drawn on the timeline for this event.
void draw_event_glyph(ImDrawList* dl, const plan::CalendarEvent& e, ImVec2 c, float r) {
    if (e.kind == CalendarKind::planned && e.date.is_month()) {
        draw_band(dl, ImVec2(c.x - r * 1.1f, c.y - r * 0.6f), ImVec2(c.x + r * 1.1f, c.y + r * 0.6f), kPlannedColour);
    } else {
        draw_point_glyph(dl, e.kind, c, r, 0);
    }
}

std::string event_tooltip_text(const plan::CalendarEvent& e) {
    std::string t = e.event + "\n";
    t += std::string(e.level == asset::UnitType::xa ? tr(Key::event_level_commune) : tr(Key::event_level_district)) + " · " +
         (e.district.empty() ? std::string(tr(Key::event_all_districts)) : e.district);
    if (!e.note.empty()) t += std::string("\n") + tr(Key::panel_note_label) + e.note;
    if (!e.source.empty()) t += std::string("\n") + tr(Key::panel_source_label) + e.source;
    return t;
}

void event_tooltip(const plan::CalendarEvent& e, const TimelineEvent& te, const Fonts& fonts) {
    if (!ImGui::BeginTooltip()) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    ImGui::PushFont(fonts.label_bold);
    ImGui::Text("%s · %s", te.date_text.c_str(), kind_label(e.kind));
    ImGui::PopFont();
    ImGui::TextUnformatted(event_tooltip_text(e).c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// Filters and the list↔timeline link live in ImGui's storage for the current ID stack (the
// window plus PushID("calendar_panel")), as a tree node keeps its open flag: the panel function
// takes no state, and two windows showing the panel keep separate filters.
struct PanelState {
    ImGuiStorage* storage = nullptr;
    ImGuiID agency_id = 0, month_id = 0, linked_event_id = 0;

    int agency() const { return storage->GetInt(agency_id, 0); }  // 0: all, else lead_agencies[i - 1]
    int month() const { return storage->GetInt(month_id, 0); }    // 0: all, else 1..12 of the view year
    int linked_event() const { return storage->GetInt(linked_event_id, -1); }
};

PanelState panel_state() {
    PanelState s;
    s.storage = ImGui::GetStateStorage();
    s.agency_id = ImGui::GetID("agency_filter");
    s.month_id = ImGui::GetID("month_filter");
    s.linked_event_id = ImGui::GetID("linked_event");
    return s;
}

// [SECTION] Timeline

// Returns the event hovered on the timeline, or -1. A click on a month of the task lane
// toggles the month filter.
int draw_timeline(const plan::Plan& plan, const CalendarView& v, const Fonts& fonts, PanelState& st, int linked_event) {
    ImGui::PushFont(fonts.label);
    const float fs = ImGui::GetFontSize();
    const float line_h = ImGui::GetTextLineHeight();
    const float pad = std::round(fs * 0.25f);
    const float width = std::max(ImGui::GetContentRegionAvail().x, fs * 12);
    const float col_w = width / 12.0f;
    const float mark_h = std::round(fs * 1.2f);
    const float r = std::round(mark_h * 0.38f);  // point glyph radius

    const int max_tasks = *std::max_element(v.tasks_due_per_month.begin(), v.tasks_due_per_month.end());
    const float tick_cap_h = fs * 3;  // a month with many tasks compresses its ticks instead of growing
    float tick_h = std::max(2.0f, std::round(fs * 0.3f));
    const float tick_gap = 1;
    if (max_tasks > 0 && float(max_tasks) * (tick_h + tick_gap) > tick_cap_h)
        tick_h = std::max(1.0f, tick_cap_h / float(max_tasks) - tick_gap);
    const float ticks_h = std::max(mark_h, float(max_tasks) * (tick_h + tick_gap) + line_h);

    // Rows, top down: month labels; per lane a caption line then the marks; the task lane.
    const float header_h = line_h + pad;
    const float lane_h = line_h + mark_h + pad;
    const float lanes_top = header_h;
    const float tasks_top = lanes_top + 2 * lane_h;
    const float total_h = tasks_top + line_h + ticks_h + pad;

    const ImVec2 o = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##timeline", ImVec2(width, total_h));
    const bool hovered_area = ImGui::IsItemHovered();
    const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 dim_col = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 bg_col = ImGui::GetColorU32(ImGuiCol_WindowBg, 1.0f);
    auto col_x = [&](int month) { return o.x + col_w * float(month - 1); };  // left edge of month 1..12
    auto frac_x = [&](float f) { return o.x + width * f; };

    // Month columns: alternate shading so a mark's month reads without gridlines.
    const int selected_month = st.month();
    for (int m = 1; m <= 12; ++m) {
        const ImVec2 a(col_x(m), o.y + header_h), b(col_x(m) + col_w, o.y + total_h);
        if (m == selected_month)
            dl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_HeaderActive));
        else if (m % 2 == 0)
            dl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_Text, 0.045f));
    }
    const std::string widest = std::string(tr(Key::month_short)) + "12";
    const int step = chart::label_step(col_w, ImGui::CalcTextSize(widest.c_str()).x, pad);
    for (int m = 1; m <= 12; m += step) {
        const std::string label = tr(Key::month_short) + std::to_string(m);
        const float w = ImGui::CalcTextSize(label.c_str()).x;
        dl->AddText(ImVec2(col_x(m) + (col_w - w) * 0.5f, o.y), m == selected_month ? text_col : dim_col,
                    label.c_str());
    }
    const char* lane_names[] = {tr(Key::lane_commune), tr(Key::lane_district)};
    for (int lane = 0; lane < 2; ++lane)
        dl->AddText(ImVec2(o.x + pad, o.y + lanes_top + lane_h * float(lane)), dim_col, lane_names[lane]);
    dl->AddText(ImVec2(o.x + pad, o.y + tasks_top), dim_col, tr(Key::lane_tasks));

    // Marks: month bands first, point marks over them (a deadline on the 1st sits on the band).
    struct Hit {
        ImVec2 a, b;
        int event;
    };
    std::vector<Hit> hits;  // points first, so they win over the band they sit on
    std::vector<Hit> bands;
    for (size_t i = 0; i < v.events.size(); ++i) {
        const TimelineEvent& te = v.events[i];
        if (!te.on_timeline) continue;
        const plan::CalendarEvent& e = plan.calendar[te.index];
        const float cy = o.y + lanes_top + lane_h * float(int(te.lane)) + line_h + mark_h * 0.5f;
        if (te.whole_month && e.kind == CalendarKind::planned) {
            const float inset = std::min(2.0f, col_w * 0.1f);
            const ImVec2 a(frac_x(te.x0) + inset, cy - mark_h * 0.3f), b(frac_x(te.x1) - inset, cy + mark_h * 0.3f);
            draw_band(dl, a, b, kPlannedColour);
            bands.push_back({a, b, int(i)});
        }
    }
    for (size_t i = 0; i < v.events.size(); ++i) {
        const TimelineEvent& te = v.events[i];
        if (!te.on_timeline) continue;
        const plan::CalendarEvent& e = plan.calendar[te.index];
        if (te.whole_month && e.kind == CalendarKind::planned) continue;
        const float cy = o.y + lanes_top + lane_h * float(int(te.lane)) + line_h + mark_h * 0.5f;
        // A month-level start sits at the month's first day, a month-level deadline at its last.
        float cx = frac_x(te.x0);
        if (te.whole_month) cx = e.kind == CalendarKind::deadline ? frac_x(te.x1) - r : frac_x(te.x0) + r;
        draw_point_glyph(dl, e.kind, ImVec2(cx, cy), r, bg_col);
        hits.push_back({ImVec2(cx - r - 2, cy - r - 2), ImVec2(cx + r + 2, cy + r + 2), int(i)});
    }
    hits.insert(hits.end(), bands.begin(), bands.end());

    int hovered = -1;
    if (hovered_area) {
        for (const Hit& h : hits) {
            if (mouse.x >= h.a.x && mouse.x < h.b.x && mouse.y >= h.a.y && mouse.y < h.b.y) {
                hovered = h.event;
                break;
            }
        }
    }
    const int marked = hovered >= 0 ? hovered : linked_event;
    for (const Hit& h : hits) {
        if (h.event == marked)
            dl->AddRect(ImVec2(h.a.x - 1, h.a.y - 1), ImVec2(h.b.x + 1, h.b.y + 1), text_col, 3.0f, 0, 1.5f);
    }

    // Task lane: one tick per task due that month, stacked from the bottom, count on top.
    const float ticks_bottom = o.y + tasks_top + line_h + ticks_h;
    const float tick_w = std::max(3.0f, std::round(col_w * 0.55f));
    for (int m = 1; m <= 12; ++m) {
        const int n = v.tasks_due_per_month[size_t(m - 1)];
        const float x = col_x(m) + (col_w - tick_w) * 0.5f;
        for (int k = 0; k < n; ++k) {
            const float y1 = ticks_bottom - float(k) * (tick_h + tick_gap);
            dl->AddRectFilled(ImVec2(x, y1 - tick_h), ImVec2(x + tick_w, y1), kTaskColour);
        }
        if (n > 0) {
            const std::string count = std::to_string(n);
            const float w = ImGui::CalcTextSize(count.c_str()).x;
            dl->AddText(ImVec2(col_x(m) + (col_w - w) * 0.5f, ticks_bottom - float(n) * (tick_h + tick_gap) - line_h),
                        text_col, count.c_str());
        }
    }
    ImGui::PopFont();

    if (hovered >= 0) {
        const TimelineEvent& te = v.events[size_t(hovered)];
        event_tooltip(plan.calendar[te.index], te, fonts);
    } else if (hovered_area && mouse.y >= o.y + tasks_top) {
        const int m = std::clamp(int((mouse.x - o.x) / col_w) + 1, 1, 12);
        const int n = v.tasks_due_per_month[size_t(m - 1)];
        if (clicked && n > 0) st.storage->SetInt(st.month_id, m == selected_month ? 0 : m);
        if (n > 0 && ImGui::BeginTooltip()) {
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
            ImGui::PushFont(fonts.label_bold);
            ImGui::Text("%s: %d%s", month_title(v.year, m).c_str(), n, tr(Key::tasks_due_in));
            ImGui::PopFont();
            for (const plan::Task& t : plan.tasks) {
                if (t.due.year != v.year || t.due.month != m) continue;
                ImGui::Bullet();  // BulletText does not wrap, and task contents are long
                ImGui::TextWrapped("%s", t.content.c_str());
            }
            ImGui::TextDisabled("%s", tr(Key::task_click_month));
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
    return hovered;
}

// A wrapped row of "glyph label" entries explaining the marks.
void draw_legend(const Fonts& fonts) {
    ImGui::PushFont(fonts.label);
    const float fs = ImGui::GetFontSize();
    const float line_h = ImGui::GetTextLineHeight();
    const float r = std::round(fs * 0.45f);
    const float gap = std::round(fs * 0.4f);
    const float width = ImGui::GetContentRegionAvail().x;
    struct Entry {
        int shape;  // 0..2: CalendarKind point glyphs; 3: month band; 4: task tick
        CalendarKind kind;
        const char* label;
    };
    const Entry entries[] = {
        {3, CalendarKind::planned, tr(Key::kind_planned)},
        {0, CalendarKind::start, tr(Key::kind_start)},
        {0, CalendarKind::deadline, tr(Key::kind_deadline)},
        {4, CalendarKind::planned, tr(Key::lane_tasks)},
    };
    const ImVec2 o = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float x = 0, y = 0;
    for (const Entry& e : entries) {
        const float w = r * 2.4f + gap * 0.5f + ImGui::CalcTextSize(e.label).x;
        if (x > 0 && x + w > width) {
            x = 0;
            y += line_h + gap * 0.5f;
        }
        const ImVec2 c(o.x + x + r * 1.2f, o.y + y + line_h * 0.5f);
        if (e.shape == 3) {
            draw_band(dl, ImVec2(c.x - r * 1.2f, c.y - r * 0.6f), ImVec2(c.x + r * 1.2f, c.y + r * 0.6f),
                      kPlannedColour);
        } else if (e.shape == 4) {
            for (int k = 0; k < 3; ++k) {
                const float y1 = c.y + r - float(k) * (r * 0.66f);
                dl->AddRectFilled(ImVec2(c.x - r * 0.8f, y1 - r * 0.5f), ImVec2(c.x + r * 0.8f, y1), kTaskColour);
            }
        } else {
            draw_point_glyph(dl, e.kind, c, r, 0);
        }
        dl->AddText(ImVec2(o.x + x + r * 2.4f + gap * 0.5f, o.y + y), ImGui::GetColorU32(ImGuiCol_Text), e.label);
        x += w + gap * 2;
    }
    ImGui::Dummy(ImVec2(width, y + line_h));
    ImGui::PopFont();
}

// The events as a list under the timeline: date, kind, the plan's wording. Returns the hovered
// row (an index into v.events) or -1.
int draw_event_list(const plan::Plan& plan, const CalendarView& v, const Fonts& fonts, int marked) {
    int hovered = -1;
    const float width = ImGui::GetContentRegionAvail().x;
    const float fs = ImGui::GetFontSize();
    const float indent = std::round(fs * 1.6f);
    const float pad = std::round(fs * 0.2f);
    for (size_t i = 0; i < v.events.size(); ++i) {
        const TimelineEvent& te = v.events[i];
        const plan::CalendarEvent& e = plan.calendar[te.index];
        ImGui::PushFont(fonts.label_bold);
        const float head_h = ImGui::GetTextLineHeight();
        ImGui::PopFont();
        const float body_h = ImGui::CalcTextSize(e.event.c_str(), nullptr, false, width - indent).y;
        const ImVec2 o = ImGui::GetCursorScreenPos();
        ImGui::PushID(int(i));
        // A Selectable of the row's full height gives the hover highlight and keeps the rows
        // in ImGui's layout; the text is drawn over it.
        ImGui::Selectable("##event", int(i) == marked, ImGuiSelectableFlags_None, ImVec2(width, head_h + body_h + pad));
        if (ImGui::IsItemHovered()) {
            hovered = int(i);
            event_tooltip(e, te, fonts);
        }
        ImGui::PopID();

        ImDrawList* dl = ImGui::GetWindowDrawList();
        draw_event_glyph(dl, e, ImVec2(o.x + indent * 0.45f, o.y + head_h * 0.5f), std::round(fs * 0.4f));
        ImGui::PushFont(fonts.label_bold);
        const std::string head = te.date_text + " · " + kind_label(e.kind);
        dl->AddText(ImVec2(o.x + indent, o.y), ImGui::GetColorU32(ImGuiCol_Text), head.c_str());
        ImGui::PopFont();
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(o.x + indent, o.y + head_h),
                    ImGui::GetColorU32(ImGuiCol_Text), e.event.c_str(), nullptr, width - indent);
    }
    return hovered;
}

// [SECTION] Task table

void text_disabled_wrapped(const std::string& s) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", s.c_str());
    ImGui::PopStyleColor();
}

std::string due_text(const plan::Task& t) {
    if (!t.due_text.empty()) return t.due_text;
    if (t.due.is_set()) return t.due.is_month() ? month_title(t.due.year, t.due.month) : date_label(t.due);
    return tr(Key::panel_dash);
}

void task_tooltip(const plan::Task& t) {
    if (!ImGui::BeginItemTooltip()) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    std::string ref = tr(Key::task_ref) + t.section + tr(Key::task_row) + std::to_string(t.row);
    if (!t.section_title.empty()) ref += " · " + t.section_title;
    ImGui::TextDisabled("%s", ref.c_str());
    ImGui::TextUnformatted(t.content.c_str());
    ImGui::Text("%s%s", tr(Key::task_lead_prefix), t.lead_agency.c_str());
    ImGui::Text("%s: %s", tr(Key::task_col_due), due_text(t).c_str());
    if (!t.note.empty()) ImGui::Text("%s%s", tr(Key::panel_note_label), t.note.c_str());
    if (!t.source.empty()) ImGui::TextDisabled("%s%s", tr(Key::panel_source_label), t.source.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void draw_task_filters(const CalendarView& v, PanelState& st) {
    int agency = st.agency();
    if (agency < 0 || agency > int(v.lead_agencies.size())) agency = 0;  // the plan changed under the filter
    ImGui::TextDisabled("%s", tr(Key::task_filter_agency));
    ImGui::SetNextItemWidth(-FLT_MIN);
    const char* preview = agency == 0 ? tr(Key::task_all_agencies) : v.lead_agencies[size_t(agency - 1)].c_str();
    if (ImGui::BeginCombo("##agency", preview)) {
        if (ImGui::Selectable(tr(Key::task_all_agencies), agency == 0)) agency = 0;
        for (size_t i = 0; i < v.lead_agencies.size(); ++i) {
            ImGui::PushID(int(i));
            if (ImGui::Selectable(v.lead_agencies[i].c_str(), agency == int(i) + 1)) agency = int(i) + 1;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    st.storage->SetInt(st.agency_id, agency);

    const int month = st.month();
    if (month >= 1 && month <= 12 && v.year > 0) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s%s", tr(Key::task_month_filter), month_title(v.year, month).c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(Key::task_clear_month))) st.storage->SetInt(st.month_id, 0);
    }
}

void draw_task_table(const plan::Plan& plan, const std::vector<TaskGroup>& groups, const Fonts& fonts) {
    if (groups.empty()) {
        ImGui::TextDisabled("%s", tr(Key::task_no_match));
        return;
    }
    const float fs = ImGui::GetFontSize();
    // Three columns squeeze the content to a word per line in a 300 px panel: there the lead
    // agency goes under the content instead.
    const bool narrow = ImGui::GetContentRegionAvail().x < fs * 32;
    const int columns = narrow ? 2 : 3;
    // Content and lead agency share what the due date leaves, 3 : 1.6.
    const float due_w = std::round(fs * 6.5f);
    Rows rows = narrow ? Rows({{0, 1}, {due_w, 0}}) : Rows({{0, 3.0f}, {0, 1.6f}, {due_w, 0}});
    const ImU32 line = ImGui::GetColorU32(ImGuiCol_TableBorderLight);
    rows.begin_row();
    rows.cell(0);
    ImGui::TextWrapped("%s", narrow ? tr(Key::task_col_task) : tr(Key::task_col_content));
    if (!narrow) {
        rows.cell(1);
        ImGui::TextWrapped("%s", tr(Key::task_col_lead));
    }
    rows.cell(columns - 1);
    ImGui::TextWrapped("%s", tr(Key::task_col_due));
    rows.end_row(ImGui::GetColorU32(ImGuiCol_TableHeaderBg), line);

    const ImU32 group_bg = ImGui::GetColorU32(ImGuiCol_Header);
    for (const TaskGroup& g : groups) {
        rows.begin_row();
        rows.cell(0);
        ImGui::PushFont(fonts.label_bold);
        ImGui::TextWrapped("%s", g.title.c_str());
        ImGui::PopFont();
        rows.cell(columns - 1);
        const std::string count = std::to_string(g.tasks.size()) + tr(Key::tasks_count);
        text_disabled_wrapped(count);
        rows.end_row(group_bg, line);

        for (size_t ti : g.tasks) {
            const plan::Task& t = plan.tasks[ti];
            ImGui::PushID(int(ti));
            rows.begin_row();
            rows.cell(0);
            ImGui::TextWrapped("%s", t.content.c_str());
            if (narrow) text_disabled_wrapped(tr(Key::task_lead_prefix) + t.lead_agency);
            rows.end_cell();
            task_tooltip(t);  // over the content cell
            if (!narrow) {
                rows.cell(1);
                ImGui::TextWrapped("%s", t.lead_agency.c_str());
            }
            rows.cell(columns - 1);
            ImGui::TextWrapped("%s", due_text(t).c_str());
            rows.end_row(0, line);
            ImGui::PopID();
        }
    }
}

}  // namespace

// [SECTION] Pure view

std::string month_title(int year, int month) {
    return tr(Key::month_prefix) + std::to_string(month) + "/" + std::to_string(year);
}

CalendarView calendar_view(const plan::Plan& plan) {
    CalendarView v;
    v.has_data = !plan.calendar.empty() || !plan.tasks.empty();
    // The timeline shows the plan year; a file without one falls back on its first date.
    v.year = plan.document.year;
    for (const plan::CalendarEvent& e : plan.calendar)
        if (v.year == 0 && e.date.is_set()) v.year = e.date.year;
    for (const plan::Task& t : plan.tasks)
        if (v.year == 0 && t.due.is_set()) v.year = t.due.year;

    for (size_t i = 0; i < plan.calendar.size(); ++i) {
        const plan::CalendarEvent& e = plan.calendar[i];
        TimelineEvent te;
        te.index = i;
        te.lane = lane_of(e.level);
        te.date_text = date_text(e.date);
        te.whole_month = e.date.is_month();
        te.on_timeline = e.date.is_set() && e.date.year == v.year && e.date.month >= 1 && e.date.month <= 12;
        if (te.on_timeline) {
            const float m0 = float(e.date.month - 1);
            if (te.whole_month) {
                te.x0 = m0 / 12.0f;
                te.x1 = (m0 + 1.0f) / 12.0f;
            } else {
                const float day = (float(e.date.day) - 0.5f) / float(days_in_month(e.date.year, e.date.month));
                te.x0 = te.x1 = (m0 + day) / 12.0f;
            }
        }
        v.events.push_back(std::move(te));
    }
    std::stable_sort(v.events.begin(), v.events.end(), [&](const TimelineEvent& a, const TimelineEvent& b) {
        return date_key(plan.calendar[a.index].date) < date_key(plan.calendar[b.index].date);
    });

    for (const plan::Task& t : plan.tasks) {
        if (!t.due.is_set())
            ++v.tasks_undated;
        else if (t.due.year != v.year || t.due.month < 1 || t.due.month > 12)
            ++v.tasks_other_years;
        else
            ++v.tasks_due_per_month[size_t(t.due.month - 1)];
        if (!t.lead_agency.empty() &&
            std::find(v.lead_agencies.begin(), v.lead_agencies.end(), t.lead_agency) == v.lead_agencies.end())
            v.lead_agencies.push_back(t.lead_agency);
    }
    return v;
}

std::vector<TaskGroup> task_groups(const plan::Plan& plan, std::string_view lead_agency, plan::Date month) {
    std::vector<TaskGroup> groups;
    TaskGroup undated;
    undated.title = tr(Key::task_no_due_group);
    for (size_t i = 0; i < plan.tasks.size(); ++i) {
        const plan::Task& t = plan.tasks[i];
        if (!lead_agency.empty() && t.lead_agency != lead_agency) continue;
        if (!t.due.is_set()) {
            if (!month.is_set()) undated.tasks.push_back(i);
            continue;
        }
        if (month.is_set() && (t.due.year != month.year || t.due.month != month.month)) continue;
        auto it = std::find_if(groups.begin(), groups.end(), [&](const TaskGroup& g) {
            return g.month.year == t.due.year && g.month.month == t.due.month;
        });
        if (it == groups.end()) {
            TaskGroup g;
            g.month = {t.due.year, t.due.month, 0};
            g.title = month_title(t.due.year, t.due.month);
            groups.push_back(std::move(g));
            it = groups.end() - 1;
        }
        it->tasks.push_back(i);
    }
    std::sort(groups.begin(), groups.end(), [](const TaskGroup& a, const TaskGroup& b) {
        return std::tie(a.month.year, a.month.month) < std::tie(b.month.year, b.month.month);
    });
    if (!undated.tasks.empty()) groups.push_back(std::move(undated));
    return groups;
}

// [SECTION] Panel

void draw_calendar_panel(const plan::Plan& plan, const Fonts& fonts) {
    const CalendarView v = calendar_view(plan);
    ImGui::PushID("calendar_panel");
    PanelState st = panel_state();

    ImGui::PushFont(fonts.heading);
    std::string title = tr(Key::calendar_title);
    if (v.year > 0) title += tr(Key::panel_in_year) + std::to_string(v.year);
    ImGui::TextWrapped("%s", title.c_str());
    ImGui::PopFont();
    if (!v.has_data) {
        ImGui::TextDisabled("%s", tr(Key::no_data));
        ImGui::PopID();
        return;
    }

    const int linked = st.linked_event();
    int hovered_event = -1;
    if (v.year > 0) {
        hovered_event = draw_timeline(plan, v, fonts, st, linked);
        draw_legend(fonts);
    }
    if (v.tasks_undated > 0) text_disabled_wrapped(std::to_string(v.tasks_undated) + tr(Key::tasks_undated));
    if (v.tasks_other_years > 0)
        text_disabled_wrapped(std::to_string(v.tasks_other_years) + tr(Key::tasks_other_years) + std::to_string(v.year));

    if (!v.events.empty()) {
        ImGui::Spacing();
        ImGui::SeparatorText(tr(Key::events_title));
        const int list_hovered = draw_event_list(plan, v, fonts, hovered_event >= 0 ? hovered_event : linked);
        // Hovering a list row rings its mark on the timeline, which was drawn earlier this
        // frame: remembered for the next one.
        st.storage->SetInt(st.linked_event_id, list_hovered);
    }

    ImGui::Spacing();
    ImGui::SeparatorText(tr(Key::tasks_title));
    if (plan.tasks.empty()) {
        ImGui::TextDisabled("%s", tr(Key::no_data));
        ImGui::PopID();
        return;
    }
    draw_task_filters(v, st);
    const int agency = st.agency();
    const int month = st.month();
    const std::string_view agency_name = agency >= 1 && agency <= int(v.lead_agencies.size())
                                             ? std::string_view(v.lead_agencies[size_t(agency - 1)])
                                             : std::string_view();
    const plan::Date month_filter =
        month >= 1 && month <= 12 && v.year > 0 ? plan::Date{v.year, month, 0} : plan::Date{};
    draw_task_table(plan, task_groups(plan, agency_name, month_filter), fonts);
    ImGui::PopID();
}

}  // namespace ntm::ui
