// funding_panel.hpp — Mục III of the plan (funding sources) as a bar chart, the computed total,
// and the investment / recurrent split as a 100 % stacked bar.
//
// What it does: funding_view() turns plan::Funding into the exact strings and shares the panel
// shows (a pure function, so tests check what a user reads); draw_funding_panel() draws them
// inside the current ImGui window, designed for a 300–400 px side-panel tab.
// What it doesn't: no Begin/End of its own, no editing, no typed totals: the total is always
// plan::funding_totals() of the loaded sources (23/KH-UBND states none).
//
//   ImGui::Begin("##side");
//   if (ImGui::BeginTabItem("Kinh phí")) { ntm::ui::draw_funding_panel(plan, fonts); ImGui::EndTabItem(); }
//   ImGui::End();
//   ntm::ui::FundingView v = ntm::ui::funding_view(plan);   // v.total.amount_text == "3.993.047 triệu đồng"
#pragma once

#include <string>
#include <vector>

#include "core/plan.hpp"
#include "ui/theme.hpp"

namespace ntm::ui {

// One line of the panel: a funding source, the total, or a part of the split.
struct FundingRow {
    std::string id;     // the source's id ("von-dan"); "" for totals and split parts
    std::string label;  // chart label: "Vốn lồng ghép"
    double amount_million_dong = 0;
    std::string amount_text;       // bar-end figure, the unit given once above the chart: "1.779.000"
    std::string amount_long_text;  // "1.779.000 triệu đồng"
    std::string billion_text;      // "1.779 tỷ đồng", "≈ 134 tỷ đồng"
    double share_percent = 0;      // of the computed total; rounded so the rows add up to 100
    std::string share_text;        // "44,6%"
    std::string tooltip;           // plan wording, exact amounts, split, note, source (multi-line)
};

// A group of sources the plan lists under one heading (the state budget lines).
struct FundingGroup {
    std::string name;  // "Ngân sách nhà nước phân bổ trực tiếp hỗ trợ xây dựng nông thôn mới"
    std::vector<std::string> members;  // labels of its sources, in plan order
    FundingRow subtotal;               // label = name
};

struct FundingView {
    bool has_data = false;            // false: the plan has no funding sources (shows "chưa có dữ liệu")
    std::vector<FundingRow> sources;  // plan order
    FundingRow total;                 // funding_totals(), share 100 %
    std::vector<FundingGroup> groups;
    // Investment (đầu tư phát triển), recurrent (sự nghiệp), not split: always these three,
    // shares of the total. has_split is false when the plan splits no source at all.
    std::vector<FundingRow> split;
    bool has_split = false;
    std::string split_note;            // which sources the plan splits
    std::string stated_total_warning;  // set when the plan states a total that differs from the sum
    double axis_max_million_dong = 0;  // chart scale: chart::nice_max of the largest source
    std::string axis_max_text;         // "2.000.000"
    std::string source_line;           // "Nguồn: Mục III, Kế hoạch 23/KH-UBND"
};

FundingView funding_view(const plan::Plan& plan);

// Draws inside the current window (call between Begin/End or inside a tab item).
void draw_funding_panel(const plan::Plan& plan, const Fonts& fonts);

}  // namespace ntm::ui
