#include "ui/funding_panel.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>

#include <imgui.h>

#include "core/text.hpp"
#include "ui/chart.hpp"
#include "ui/strings.hpp"

namespace ntm::ui {

namespace {

constexpr int kShareDecimals = 1;

// The bar-end figure without its unit (the chart states "Đơn vị: triệu đồng" once). Cut from
// format_million_dong_vi rather than formatted again, so it matches the tooltip digit for digit
// (up to 3 decimals for a fractional amount).
std::string amount_short(double million_dong) {
    static constexpr std::string_view kUnit = " tri\xE1\xBB\x87u \xC4\x91\xE1\xBB\x93ng";  // " triệu đồng"
    const std::string s = i18n::format_million_dong(million_dong);
    const bool has_unit = s.size() > kUnit.size() && s.compare(s.size() - kUnit.size(), kUnit.size(), kUnit) == 0;
    return has_unit ? s.substr(0, s.size() - kUnit.size()) : s;
}

FundingRow make_row(std::string label, double million_dong) {
    FundingRow r;
    r.label = std::move(label);
    r.amount_million_dong = million_dong;
    r.amount_text = amount_short(million_dong);
    r.amount_long_text = i18n::format_million_dong(million_dong);
    r.billion_text = i18n::format_billion_dong(million_dong, 0);
    return r;
}

void set_share(FundingRow& r, double percent) {
    r.share_percent = percent;
    r.share_text = i18n::format_percent(percent / 100.0, kShareDecimals);
}

std::string amount_line(const FundingRow& r) { return r.amount_long_text + " (" + r.billion_text + ")"; }

std::string source_tooltip(const plan::FundingSource& s, const FundingRow& r) {
    std::string t;
    if (!s.name.empty() && s.name != s.label) t += tr(Key::funding_plan_wording) + s.name + "\n";
    if (!s.group.empty()) t += tr(Key::funding_group) + s.group + "\n";
    t += amount_line(r) + "\n";
    t += r.share_text + tr(Key::funding_share_of_total) + "\n";
    const double inv = s.investment_million_dong.value_or(0.0);
    const double rec = s.recurrent_million_dong.value_or(0.0);
    if (s.investment_million_dong)
        t += std::string(tr(Key::funding_investment)) + ": " + i18n::format_million_dong(inv) + "\n";
    if (s.recurrent_million_dong)
        t += std::string(tr(Key::funding_recurrent)) + ": " + i18n::format_million_dong(rec) + "\n";
    if (!s.investment_million_dong && !s.recurrent_million_dong) {
        t += std::string(tr(Key::funding_source_not_split)) + "\n";
    } else if (s.amount_million_dong - inv - rec > 0.0005) {  // a partial split: name the rest
        t += std::string(tr(Key::funding_unsplit)) + ": " +
             i18n::format_million_dong(s.amount_million_dong - inv - rec) + "\n";
    }
    if (!s.note.empty()) t += tr(Key::panel_note_label) + s.note + "\n";
    if (!s.source.empty()) t += tr(Key::panel_source_label) + s.source + "\n";
    if (!t.empty()) t.pop_back();
    return t;
}

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& p : parts) {
        if (!out.empty()) out += tr(Key::panel_list_separator);
        out += p;
    }
    return out;
}

void text_wrapped(const std::string& s) { ImGui::TextWrapped("%s", s.c_str()); }

void text_disabled_wrapped(const std::string& s) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", s.c_str());
    ImGui::PopStyleColor();
}

// Right-aligns one line of text in the remaining content width.
void text_right(const std::string& s, bool disabled) {
    const float w = ImGui::CalcTextSize(s.c_str()).x;
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
    if (disabled)
        ImGui::TextDisabled("%s", s.c_str());
    else
        ImGui::TextUnformatted(s.c_str());
}

}  // namespace

FundingView funding_view(const plan::Plan& plan) {
    FundingView v;
    const plan::Funding& f = plan.funding;
    v.has_data = !f.sources.empty();
    v.source_line = tr(Key::funding_source_line);
    if (!plan.document.number.empty()) v.source_line += tr(Key::funding_of_plan) + plan.document.number;
    if (!v.has_data) return v;

    const plan::FundingTotals totals = plan::funding_totals(f);
    v.total = make_row(tr(Key::funding_total_computed), totals.amount_million_dong);
    set_share(v.total, 100.0);

    std::vector<double> amounts;
    double largest = 0;
    for (const plan::FundingSource& s : f.sources) {
        amounts.push_back(s.amount_million_dong);
        largest = std::max(largest, s.amount_million_dong);
    }
    const std::vector<double> pct = chart::rounded_percentages(amounts, kShareDecimals);
    for (size_t i = 0; i < f.sources.size(); ++i) {
        const plan::FundingSource& s = f.sources[i];
        FundingRow r = make_row(s.label.empty() ? s.name : s.label, s.amount_million_dong);
        r.id = s.id;
        set_share(r, pct[i]);
        r.tooltip = source_tooltip(s, r);
        v.sources.push_back(std::move(r));
    }
    v.axis_max_million_dong = chart::nice_max(largest);
    v.axis_max_text = amount_short(v.axis_max_million_dong);

    // Groups in order of first appearance; ungrouped sources stand alone in the chart.
    for (size_t i = 0; i < f.sources.size(); ++i) {
        const plan::FundingSource& s = f.sources[i];
        if (s.group.empty()) continue;
        auto it =
            std::find_if(v.groups.begin(), v.groups.end(), [&](const FundingGroup& g) { return g.name == s.group; });
        if (it == v.groups.end()) {
            v.groups.push_back({s.group, {}, make_row(s.group, 0)});
            it = v.groups.end() - 1;
        }
        it->members.push_back(v.sources[i].label);
        it->subtotal.amount_million_dong += s.amount_million_dong;
    }
    for (FundingGroup& g : v.groups) {
        const double share =
            totals.amount_million_dong > 0 ? g.subtotal.amount_million_dong / totals.amount_million_dong : 0;
        g.subtotal = make_row(g.name, g.subtotal.amount_million_dong);
        set_share(g.subtotal, share * 100.0);
    }

    // The split: always three parts, so the legend reads the same whatever the file holds.
    const std::vector<double> parts = {totals.investment_million_dong, totals.recurrent_million_dong,
                                       totals.unsplit_million_dong};
    const std::vector<double> part_pct = chart::rounded_percentages(parts, kShareDecimals);
    const char* part_labels[] = {tr(Key::funding_investment), tr(Key::funding_recurrent), tr(Key::funding_unsplit)};
    for (size_t i = 0; i < parts.size(); ++i) {
        FundingRow r = make_row(part_labels[i], parts[i]);
        set_share(r, part_pct[i]);
        r.tooltip = amount_line(r) + "\n" + r.share_text + tr(Key::funding_share_of_total);
        if (i == 2) r.tooltip += std::string("\n") + tr(Key::funding_split_part_hint);
        v.split.push_back(std::move(r));
    }
    std::vector<std::string> split_members;
    for (size_t i = 0; i < f.sources.size(); ++i) {
        const plan::FundingSource& s = f.sources[i];
        if (s.investment_million_dong || s.recurrent_million_dong) split_members.push_back(v.sources[i].label);
    }
    v.has_split = !split_members.empty();
    if (!v.has_split) {
        v.split_note = tr(Key::funding_split_none);
    } else {
        v.split_note = tr(Key::funding_split_by) + join(split_members);
        v.split_note += split_members.size() < f.sources.size() ? tr(Key::funding_split_rest) : ".";
    }

    if (f.stated_total_million_dong &&
        std::fabs(*f.stated_total_million_dong - totals.amount_million_dong) > 0.0005) {  // thousand-đồng precision
        v.stated_total_warning = tr(Key::funding_stated_total) + i18n::format_million_dong(*f.stated_total_million_dong) +
                                 tr(Key::funding_stated_differs) + v.total.amount_long_text;
    }
    return v;
}

void draw_funding_panel(const plan::Plan& plan, const Fonts& fonts) {
    const FundingView v = funding_view(plan);
    ImGui::PushID("funding_panel");
    ImGui::PushFont(fonts.heading);
    std::string title = tr(Key::funding_title);
    if (plan.document.year > 0) title += tr(Key::panel_in_year) + std::to_string(plan.document.year);
    text_wrapped(title);
    ImGui::PopFont();

    if (!v.has_data) {
        ImGui::TextDisabled("%s", tr(Key::no_data));
        ImGui::Spacing();
        text_disabled_wrapped(v.source_line);
        ImGui::PopID();
        return;
    }

    // The total first, large: it is the figure people quote.
    ImGui::TextDisabled("%s", tr(Key::funding_total_computed));
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(v.total.amount_long_text.c_str());
    ImGui::PopFont();
    ImGui::TextDisabled("%s", v.total.billion_text.c_str());
    if (!v.stated_total_warning.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(chart::colour::kVermillion));
        text_wrapped(v.stated_total_warning);
        ImGui::PopStyleColor();
    }

    ImGui::Spacing();
    ImGui::SeparatorText(tr(Key::funding_by_source));
    text_right(tr(Key::funding_unit), true);
    std::vector<chart::BarItem> bars;
    for (const FundingRow& r : v.sources)
        bars.push_back({r.label, r.amount_million_dong, r.amount_text, r.share_text, r.tooltip, chart::colour::kBlue});
    chart::BarChartOptions bar_opt;
    bar_opt.axis_max = v.axis_max_million_dong;
    bar_opt.axis_max_text = v.axis_max_text;
    chart::draw_bar_chart("##sources", bars, bar_opt);

    for (const FundingGroup& g : v.groups) {
        ImGui::Spacing();
        text_wrapped(tr(Key::funding_of_which) + g.name + " (" + join(g.members) + "): " + g.subtotal.amount_long_text +
                     ", " + g.subtotal.share_text + tr(Key::funding_share_of_total) + ".");
    }

    ImGui::Spacing();
    ImGui::SeparatorText(tr(Key::funding_split_title));
    if (v.has_split) {
        std::vector<chart::BarItem> parts;
        const uint32_t part_colours[] = {chart::colour::kBlue, chart::colour::kOrange, chart::colour::kGrey};
        for (size_t i = 0; i < v.split.size(); ++i) {
            const FundingRow& r = v.split[i];
            parts.push_back(
                {r.label, r.amount_million_dong, r.amount_text, r.share_text, r.tooltip, part_colours[i % 3]});
        }
        chart::draw_stacked_bar("##split", parts);
    }
    text_disabled_wrapped(v.split_note);

    ImGui::Spacing();
    ImGui::Separator();
    text_disabled_wrapped(tr(Key::funding_hover_hint));
    text_disabled_wrapped(v.source_line);
    ImGui::PopID();
}

}  // namespace ntm::ui
