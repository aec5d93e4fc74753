// Headless tests of the funding and calendar panels and of the chart maths: a real ImGui
// context with the viewer's fonts and no renderer (as imgui's example_null), frames run on the
// real plan file and on an empty plan. Failed IM_ASSERTs abort the run, so "runs N frames" also
// checks the Begin/End, PushID/PopID and PushFont/PopFont pairing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>  // GImGui->LogBuffer: what the panel printed this frame
#include <nlohmann/json.hpp>

#include "core/asset.hpp"
#include "core/i18n.hpp"
#include "core/plan.hpp"
#include "core/text.hpp"
#include "ui/calendar_panel.hpp"
#include "ui/chart.hpp"
#include "ui/funding_panel.hpp"
#include "ui/rows.hpp"
#include "ui/strings.hpp"
#include "ui/theme.hpp"
#include "core/test_files.hpp"
#include "support/headless_ui.hpp"
#include "support/real_gazetteer.hpp"

using namespace ntm;

namespace {

using ntm::test::Headless;
using ntm::test::read_text;
using ntm::test::real_gazetteer;

const std::string kPlanPath = NTM_SOURCE_DIR "/geodata/plan/soc-trang-2024.json";

const plan::Plan& real_plan() {
    static const plan::PlanLoad load = [] {
        const std::string text = read_text(kPlanPath);
        REQUIRE_FALSE(text.empty());
        return plan::load_plan(text, "soc-trang-2024.json", real_gazetteer());
    }();
    return load.plan;
}

// Runs `frames` frames with the mouse sweeping the panel in a grid (every widget's hover and
// tooltip path), pressing the button now and then (combo, month filter, selectables).
template <class Draw>
void sweep(Headless& h, float width_px, int frames, Draw&& draw) {
    for (int i = 0; i < frames; ++i) {
        const float x = 8.0f + float((i * 37) % int(width_px - 16));
        const float y = 8.0f + float((i * 53) % 780);
        h.frame(width_px, draw, ImVec2(x, y), i % 7 == 3);
    }
}

double sum_of_json_sources() {
    const nlohmann::json doc = nlohmann::json::parse(read_text(kPlanPath), nullptr, false);
    REQUIRE_FALSE(doc.is_discarded());
    double sum = 0;
    for (const nlohmann::json& s : doc["funding"]["sources"]) sum += s["amount_million_dong"].get<double>();
    return sum;
}

}  // namespace

// [SECTION] Chart maths

TEST_CASE("nice_max ends the scale on 1, 2, 2.5 or 5 × 10^k, never below the largest value") {
    CHECK(ui::chart::nice_max(1779000) == 2000000);
    CHECK(ui::chart::nice_max(133988) == 200000);
    CHECK(ui::chart::nice_max(2400) == 2500);
    CHECK(ui::chart::nice_max(1000) == 1000);
    CHECK(ui::chart::nice_max(0.3) == Approx(0.5));
    CHECK(ui::chart::nice_max(0) == 1);
    CHECK(ui::chart::nice_max(-5) == 1);
    CHECK(ui::chart::nice_max(std::nan("")) == 1);
    for (double x = 0.0123; x < 1e9; x *= 1.37) {
        const double m = ui::chart::nice_max(x);
        INFO("x = " << x << ", nice_max = " << m);
        CHECK(m >= x);
        CHECK(m <= 2 * x);  // the worst case: just above 1 → 2, just above 2.5 → 5
        const double mantissa = m / std::pow(10.0, std::floor(std::log10(m) + 1e-9));
        CHECK((mantissa == Approx(1) || mantissa == Approx(2) || mantissa == Approx(2.5) || mantissa == Approx(5)));
    }
}

TEST_CASE("shares and rounded percentages add up to 100 %") {
    const std::vector<double> real = {133988, 185253, 25460, 66346, 1779000, 1453000, 85000, 265000};
    double sum = 0;
    for (double s : ui::chart::shares(real)) sum += s;
    CHECK(sum == Approx(1.0));

    auto units_total = [](const std::vector<double>& pct, int decimals) {
        int64_t u = 0;
        for (double p : pct) u += std::llround(p * std::pow(10.0, decimals));
        return u;
    };
    CHECK(units_total(ui::chart::rounded_percentages(real, 1), 1) == 1000);
    const std::vector<double> thirds = ui::chart::rounded_percentages({1, 1, 1}, 1);
    CHECK(units_total(thirds, 1) == 1000);  // 33,4 + 33,3 + 33,3, not 99,9
    CHECK(thirds[0] == Approx(33.4));

    // Many pseudo-random vectors: exact sum, and each figure within one printed digit of the truth.
    uint32_t seed = 12345;
    auto next = [&] { return (seed = seed * 1664525u + 1013904223u) >> 8; };
    for (int trial = 0; trial < 500; ++trial) {
        std::vector<double> v(1 + next() % 9);
        for (double& x : v) x = double(next() % 100000) * (next() % 4 == 0 ? 0 : 1);
        if (std::all_of(v.begin(), v.end(), [](double x) { return x == 0; })) v[0] = 1;
        const int decimals = int(next() % 3);
        const std::vector<double> pct = ui::chart::rounded_percentages(v, decimals);
        const std::vector<double> exact = ui::chart::shares(v);
        CHECK(units_total(pct, decimals) == int64_t(std::llround(100 * std::pow(10.0, decimals))));
        for (size_t i = 0; i < v.size(); ++i) {
            CHECK(std::fabs(pct[i] - exact[i] * 100) < std::pow(10.0, -decimals) + 1e-9);
            if (v[i] == 0) CHECK(pct[i] == 0);
        }
    }

    SECTION("degenerate: nothing to share") {
        CHECK(ui::chart::shares({}).empty());
        CHECK(ui::chart::rounded_percentages({0, 0}, 1) == std::vector<double>{0, 0});
        CHECK(ui::chart::shares({-3, std::nan("")}) == std::vector<double>{0, 0});
    }
}

TEST_CASE("bar lengths are proportional to the values on one scale") {
    const double axis = ui::chart::nice_max(1779000);
    const float track = 200;
    const float big = ui::chart::bar_length_px(1779000, axis, track);
    const float small = ui::chart::bar_length_px(85000, axis, track);
    CHECK(big == Approx(track * 1779000 / axis));
    CHECK(big / small == Approx(1779000.0 / 85000.0));
    CHECK(ui::chart::bar_length_px(axis, axis, track) == Approx(track));
    CHECK(ui::chart::bar_length_px(axis * 3, axis, track) == Approx(track));  // clamped to the track
    CHECK(ui::chart::bar_length_px(0, axis, track) == 0);
    CHECK(ui::chart::bar_length_px(-10, axis, track) == 0);
    CHECK(ui::chart::bar_length_px(10, 0, track) == 0);
}

TEST_CASE("stacked widths fill the bar and keep small shares visible") {
    // The real split: investment 350.271, recurrent 60.776, not split 3.582.000 million đồng.
    const std::vector<double> split = {350271, 60776, 3582000};
    const std::vector<float> w = ui::chart::stacked_widths_px(split, 300, 6);
    CHECK(w[0] + w[1] + w[2] == Approx(300));
    CHECK(w[1] >= 6);  // 1,5 % of 300 px would be 4,6 px
    CHECK(w[0] == Approx(300 * 350271 / 3993047.0).epsilon(0.05));

    const std::vector<float> plain = ui::chart::stacked_widths_px({1, 3}, 200, 2);
    CHECK(plain[0] == Approx(50));
    CHECK(plain[1] == Approx(150));

    const std::vector<float> with_zero = ui::chart::stacked_widths_px({0, 5, 0}, 100, 10);
    CHECK(with_zero == std::vector<float>{0, 100, 0});
    CHECK(ui::chart::stacked_widths_px({0, 0}, 100, 3) == std::vector<float>{0, 0});

    // More minimums than room: a fair split, still summing to the width.
    const std::vector<float> crowded = ui::chart::stacked_widths_px({1000, 1, 1, 1}, 20, 10);
    float sum = 0;
    for (float x : crowded) sum += x;
    CHECK(sum == Approx(20));
}

TEST_CASE("month label step thins labels that do not fit") {
    CHECK(ui::chart::label_step(30, 20, 4) == 1);
    CHECK(ui::chart::label_step(20, 20, 4) == 2);
    CHECK(ui::chart::label_step(5, 20, 4) == 6);
    CHECK(ui::chart::label_step(1, 20, 4) == 12);
}

// [SECTION] Funding panel

TEST_CASE("funding view of the real plan: the total is the sum of the sources, formatted") {
    const plan::Plan& p = real_plan();
    REQUIRE_FALSE(p.funding.sources.empty());
    const ui::FundingView v = ui::funding_view(p);
    REQUIRE(v.has_data);
    REQUIRE(v.sources.size() == p.funding.sources.size());

    // Summed here from the JSON itself, not through the loader or funding_totals.
    const double sum = sum_of_json_sources();
    CHECK(v.total.amount_long_text == text::format_million_dong_vi(sum));
    CHECK(v.total.billion_text == text::format_billion_dong_vi(sum, 0));
    CHECK(v.total.amount_million_dong == Approx(sum));

    int64_t share_units = 0;
    for (size_t i = 0; i < v.sources.size(); ++i) {
        const ui::FundingRow& r = v.sources[i];
        const plan::FundingSource& s = p.funding.sources[i];
        INFO(r.label);
        CHECK(r.id == s.id);
        CHECK(r.amount_long_text == text::format_million_dong_vi(s.amount_million_dong));
        CHECK(r.amount_long_text == r.amount_text + " triệu đồng");
        CHECK(r.share_text == text::format_percent_vi(r.share_percent / 100, 1));
        CHECK(r.tooltip.find(r.amount_long_text) != std::string::npos);
        CHECK(r.tooltip.find(s.source) != std::string::npos);
        share_units += std::llround(r.share_percent * 10);
    }
    CHECK(share_units == 1000);

    // The split adds up to the total, always as the same three parts.
    REQUIRE(v.split.size() == 3);
    CHECK(v.split[0].label == std::string(ui::tr(ui::Key::funding_investment)));
    CHECK(v.split[1].label == std::string(ui::tr(ui::Key::funding_recurrent)));
    CHECK(v.split[2].label == std::string(ui::tr(ui::Key::funding_unsplit)));
    CHECK(v.split[0].amount_million_dong + v.split[1].amount_million_dong + v.split[2].amount_million_dong ==
          Approx(sum));
    CHECK(v.has_split);
    CHECK(std::llround(v.split[0].share_percent * 10 + v.split[1].share_percent * 10 + v.split[2].share_percent * 10) ==
          1000);

    CHECK(v.axis_max_million_dong >= v.sources[0].amount_million_dong);
    CHECK(v.source_line == "Nguồn: Mục III, Kế hoạch " + p.document.number);
    CHECK(v.stated_total_warning.empty() == !p.funding.stated_total_million_dong.has_value());
}

TEST_CASE("funding view of the plan as published: 3.993.047 triệu đồng") {
    // Pins the figures a reader of 23/KH-UBND would check, in case the data file drifts.
    const ui::FundingView v = ui::funding_view(real_plan());
    CHECK(v.total.amount_long_text == "3.993.047 triệu đồng");
    CHECK(v.total.billion_text == "≈ 3.993 tỷ đồng");
    const auto lg =
        std::find_if(v.sources.begin(), v.sources.end(), [](const ui::FundingRow& r) { return r.id == "long-ghep"; });
    REQUIRE(lg != v.sources.end());
    CHECK(lg->amount_text == "1.779.000");
    CHECK(lg->billion_text == "1.779 tỷ đồng");
    CHECK(lg->share_text == "44,6%");
    CHECK(v.axis_max_text == "2.000.000");
}

TEST_CASE("funding view degrades: no sources, a stated total that disagrees") {
    plan::Plan empty;
    const ui::FundingView v = ui::funding_view(empty);
    CHECK_FALSE(v.has_data);
    CHECK(v.sources.empty());
    CHECK(v.source_line == "Nguồn: Mục III");

    plan::Plan p;
    p.document.number = "23/KH-UBND";
    plan::FundingSource a;
    a.label = "A";
    a.amount_million_dong = 100;
    p.funding.sources = {a};
    p.funding.stated_total_million_dong = 150;
    const ui::FundingView w = ui::funding_view(p);
    CHECK(w.total.amount_long_text == "100 triệu đồng");
    CHECK_FALSE(w.has_split);
    CHECK(w.split_note == std::string(ui::tr(ui::Key::funding_split_none)));
    CHECK(w.stated_total_warning.find("150 triệu đồng") != std::string::npos);
}

TEST_CASE("funding panel runs headless on the real plan and prints the computed total") {
    Headless h;
    const plan::Plan& p = real_plan();
    const ui::FundingView v = ui::funding_view(p);
    auto draw = [&] { ui::draw_funding_panel(p, h.fonts); };
    for (float width : {300.0f, 400.0f, 700.0f}) {
        const std::string printed = h.frame(width, draw);
        INFO("width " << width << ", printed:\n" << printed);
        CHECK(printed.find(v.total.amount_long_text) != std::string::npos);
        CHECK(printed.find(v.total.billion_text) != std::string::npos);
        CHECK(printed.find("Nguồn: Mục III, Kế hoạch 23/KH-UBND") != std::string::npos);
        sweep(h, width, 120, draw);
    }
}

TEST_CASE("funding panel runs headless on an empty plan and says there is no data") {
    Headless h;
    const plan::Plan empty;
    auto draw = [&] { ui::draw_funding_panel(empty, h.fonts); };
    const std::string printed = h.frame(320, draw);
    CHECK(printed.find(ui::tr(ui::Key::no_data)) != std::string::npos);
    sweep(h, 320, 30, draw);
}

TEST_CASE("bar chart and stacked bar report the row under the mouse") {
    Headless h;
    std::vector<ui::chart::BarItem> items = {
        {"A", 10, "10", "10%", "", 0}, {"B", 50, "50", "50%", "", 0}, {"C", 40, "40", "40%", "", 0}};
    ImVec2 top, bottom;
    int hovered = -2;
    auto draw = [&] {
        top = ImGui::GetCursorScreenPos();
        hovered = ui::chart::draw_bar_chart("##t", items);
        bottom = ImGui::GetCursorScreenPos();
    };
    h.frame(360, draw);
    CHECK(hovered == -1);
    const float row_h = (bottom.y - ImGui::GetStyle().ItemSpacing.y - top.y) / 3.0f;
    REQUIRE(row_h > 10);
    h.frame(360, draw, ImVec2(top.x + 40, top.y + row_h * 2.5f));
    CHECK(hovered == 2);
    h.frame(360, draw, ImVec2(top.x + 40, top.y + row_h * 0.5f));
    CHECK(hovered == 0);

    // Stacked: the left end of the bar is the first segment, the right end the last.
    auto draw_stacked = [&] {
        top = ImGui::GetCursorScreenPos();
        hovered = ui::chart::draw_stacked_bar("##s", items);
    };
    h.frame(360, draw_stacked);
    h.frame(360, draw_stacked, ImVec2(top.x + 2, top.y + 4));
    CHECK(hovered == 0);
    h.frame(360, draw_stacked, ImVec2(top.x + 300, top.y + 4));
    CHECK(hovered == 2);
}

// [SECTION] Calendar panel

TEST_CASE("calendar groups every task of the real plan exactly once") {
    const plan::Plan& p = real_plan();
    REQUIRE_FALSE(p.tasks.empty());
    const std::vector<ui::TaskGroup> groups = ui::task_groups(p);
    std::map<size_t, int> seen;
    for (const ui::TaskGroup& g : groups)
        for (size_t t : g.tasks) ++seen[t];
    CHECK(seen.size() == p.tasks.size());
    for (const auto& [task, count] : seen) CHECK(count == 1);

    // Chronological, undated last, each group holding only its month.
    for (size_t i = 0; i + 1 < groups.size(); ++i) {
        if (!groups[i + 1].month.is_set()) continue;
        REQUIRE(groups[i].month.is_set());
        CHECK(groups[i].month.year * 12 + groups[i].month.month <
              groups[i + 1].month.year * 12 + groups[i + 1].month.month);
    }
    for (const ui::TaskGroup& g : groups) {
        for (size_t t : g.tasks) {
            CHECK(p.tasks[t].due.year == g.month.year);
            CHECK(p.tasks[t].due.month == g.month.month);
        }
    }
    const size_t undated =
        size_t(std::count_if(p.tasks.begin(), p.tasks.end(), [](const plan::Task& t) { return !t.due.is_set(); }));
    REQUIRE(undated > 0);  // "Theo tiến độ trung ương ban hành", "Giai đoạn 2024 - 2025"
    CHECK(groups.back().title == std::string(ui::tr(ui::Key::task_no_due_group)));
    CHECK(groups.back().tasks.size() == undated);
    CHECK(ui::month_title(2024, 6) == "Tháng 6/2024");

    // The agency filter partitions the tasks.
    const ui::CalendarView v = ui::calendar_view(p);
    size_t filtered = 0;
    for (const std::string& agency : v.lead_agencies) {
        for (const ui::TaskGroup& g : ui::task_groups(p, agency)) {
            for (size_t t : g.tasks) CHECK(p.tasks[t].lead_agency == agency);
            filtered += g.tasks.size();
        }
    }
    CHECK(filtered == p.tasks.size());

    // The month filter keeps one group.
    const std::vector<ui::TaskGroup> june = ui::task_groups(p, {}, plan::Date{2024, 6, 0});
    REQUIRE(june.size() == 1);
    CHECK(june[0].title == "Tháng 6/2024");
    CHECK(int(june[0].tasks.size()) == v.tasks_due_per_month[5]);
}

TEST_CASE("calendar view of the real plan places events and counts tasks per month") {
    const plan::Plan& p = real_plan();
    const ui::CalendarView v = ui::calendar_view(p);
    CHECK(v.has_data);
    CHECK(v.year == 2024);
    REQUIRE(v.events.size() == p.calendar.size());
    std::set<size_t> indices;
    for (const ui::TimelineEvent& e : v.events) indices.insert(e.index);
    CHECK(indices.size() == p.calendar.size());

    int counted = v.tasks_undated + v.tasks_other_years;
    for (int n : v.tasks_due_per_month) counted += n;
    CHECK(counted == int(p.tasks.size()));

    for (const ui::TimelineEvent& e : v.events) {
        const plan::CalendarEvent& ce = p.calendar[e.index];
        INFO(ce.id);
        CHECK(e.on_timeline);
        CHECK(e.x0 >= float(ce.date.month - 1) / 12.0f);
        CHECK(e.x1 <= float(ce.date.month) / 12.0f);
        if (ce.date.is_month()) CHECK(e.x1 - e.x0 == Approx(1.0f / 12.0f));
        if (ce.id == "my-xuyen-ho-so") {
            CHECK(e.date_text == "30/09/2024");
            CHECK(e.lane == ui::TimelineLane::district);
            CHECK(e.x0 > 8.9f / 12.0f);  // the very end of September
        }
        if (ce.id == "xa-dot-1") CHECK(e.date_text == "Tháng 10/2024");
    }
    // By date, a whole month at its first day: the 01/10 dossier deadline comes before the
    // October round it prepares.
    auto position = [&](const std::string& id) {
        for (size_t i = 0; i < v.events.size(); ++i)
            if (p.calendar[v.events[i].index].id == id) return int(i);
        return -1;
    };
    for (size_t i = 0; i + 1 < v.events.size(); ++i)
        CHECK(p.calendar[v.events[i].index].date.month <= p.calendar[v.events[i + 1].index].date.month);
    REQUIRE(position("xa-dot-1-ho-so") >= 0);
    CHECK(position("xa-dot-1-ho-so") < position("xa-dot-1"));
    CHECK(position("my-xuyen-ho-so") < position("xa-dot-1-ho-so"));
}

TEST_CASE("clicking a month of the task lane filters the table to that month") {
    Headless h;
    const plan::Plan& p = real_plan();
    auto draw = [&] { ui::draw_calendar_panel(p, h.fonts); };
    const std::string june_filter = std::string(ui::tr(ui::Key::task_month_filter)) + "Tháng 6/2024";
    const ImVec2 away(-FLT_MAX, -FLT_MAX);
    const std::string before = h.frame(340, draw);
    CHECK(before.find(june_filter) == std::string::npos);
    CHECK(before.find("Tháng 1/2024") != std::string::npos);
    // The lane's height depends on the fonts: walk down the June column until a click lands.
    const float june_x = 14 + 300 * 5.5f / 12;  // window padding + the middle of the 6th of 12 columns
    bool filtered = false;
    for (float y = 30; y < 300 && !filtered; y += 3) {
        h.frame(340, draw, ImVec2(june_x, y), true);
        filtered = h.frame(340, draw, away).find(june_filter) != std::string::npos;
    }
    REQUIRE(filtered);
    const std::string printed = h.frame(340, draw, away);
    CHECK(printed.find("Tháng 6/2024") != std::string::npos);
    CHECK(printed.find("Tháng 1/2024") == std::string::npos);  // the January group is filtered out
    CHECK(printed.find(ui::tr(ui::Key::task_no_due_group)) == std::string::npos);
}

TEST_CASE("calendar panel runs headless on the real plan and on an empty plan") {
    Headless h;
    const plan::Plan& p = real_plan();
    auto draw = [&] { ui::draw_calendar_panel(p, h.fonts); };
    for (float width : {300.0f, 400.0f, 700.0f}) {
        const std::string printed = h.frame(width, draw);
        INFO("width " << width << ", printed:\n" << printed);
        CHECK(printed.find(ui::tr(ui::Key::tasks_title)) != std::string::npos);
        sweep(h, width, 150, draw);
    }

    const plan::Plan empty;
    CHECK_FALSE(ui::calendar_view(empty).has_data);
    CHECK(ui::task_groups(empty).empty());
    auto draw_empty = [&] { ui::draw_calendar_panel(empty, h.fonts); };
    const std::string printed = h.frame(320, draw_empty);
    CHECK(printed.find(ui::tr(ui::Key::no_data)) != std::string::npos);
    sweep(h, 320, 30, draw_empty);

    // Tasks only, none dated, and an event outside the plan year: listed, never dropped.
    plan::Plan odd;
    odd.document.year = 2024;
    plan::Task t;
    t.content = "Nhiệm vụ không ngày";
    t.lead_agency = "Sở A";
    odd.tasks = {t, t};
    plan::CalendarEvent e;
    e.event = "Sự kiện năm sau";
    e.date = {2025, 3, 0};
    odd.calendar = {e};
    const ui::CalendarView ov = ui::calendar_view(odd);
    CHECK(ov.tasks_undated == 2);
    CHECK_FALSE(ov.events[0].on_timeline);
    auto draw_odd = [&] { ui::draw_calendar_panel(odd, h.fonts); };
    sweep(h, 340, 30, draw_odd);
}

// [SECTION] Rows (the task list, the shortcut list)

TEST_CASE("row columns: fixed widths kept, the rest shared by weight, padding on both sides of each cell") {
    const ui::RowLayout l = ui::layout_rows({{0, 3.0f}, {0, 1.5f}, {90, 0}}, 400, 4);
    REQUIRE(l.count == 3);
    CHECK(l.w[2] == 90);
    const float stretch = 400 - 90 - 3 * 8;  // what the fixed column and six paddings leave
    CHECK(l.w[0] == Approx(stretch * 3 / 4.5));
    CHECK(l.w[1] == Approx(stretch * 1.5 / 4.5));
    CHECK(l.x[0] == 4);
    CHECK(l.x[1] == Approx(l.x[0] + l.w[0] + 8));
    CHECK(l.x[2] == Approx(l.x[1] + l.w[1] + 8));
    CHECK(l.x[2] + l.w[2] + 4 == Approx(400));  // the last cell ends at the right edge
    // Too narrow for the fixed column: the stretched ones keep a pixel, nothing goes negative.
    const ui::RowLayout tiny = ui::layout_rows({{0, 1}, {90, 0}}, 50, 4);
    CHECK(tiny.w[0] == 1);
    CHECK(tiny.w[1] == 90);
}

TEST_CASE("rows: a cell's text wraps inside its column and the next row starts below the tallest cell") {
    Headless h;
    ImVec2 long_min, long_max, short_min, next_min;
    ui::RowLayout expect;
    const std::string long_text =
        "Báo cáo kết quả thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2024 trên địa bàn tỉnh";
    h.frame(400, [&] {
        expect = ui::layout_rows({{0, 1}, {100, 0}}, ImGui::GetContentRegionAvail().x, ImGui::GetStyle().CellPadding.x);
        ui::Rows rows({{0, 1}, {100, 0}});
        rows.begin_row();
        rows.cell(0);
        ImGui::TextWrapped("%s", long_text.c_str());
        long_min = ImGui::GetItemRectMin();
        long_max = ImGui::GetItemRectMax();
        rows.cell(1);
        ImGui::TextWrapped("Tháng 12/2024");
        short_min = ImGui::GetItemRectMin();
        rows.end_row(IM_COL32(200, 200, 255, 255), IM_COL32(0, 0, 0, 255));
        rows.begin_row();
        rows.cell(0);
        ImGui::TextUnformatted("Hàng sau");
        next_min = ImGui::GetItemRectMin();
        rows.end_row();
    });
    const float line = ImGui::GetTextLineHeight();
    CHECK(long_max.y - long_min.y > 2.5f * line);                 // wrapped onto several lines
    CHECK(long_max.x <= long_min.x + expect.w[0] + 0.5f);          // inside its column
    CHECK(short_min.x == Approx(long_min.x - expect.x[0] + expect.x[1]));
    CHECK(short_min.y == Approx(long_min.y));                      // same row, same top
    CHECK(next_min.y >= long_max.y);                               // below the taller cell
    CHECK(next_min.x == Approx(long_min.x));
}

// [SECTION] Label halos

TEST_CASE("a label halo glyph is its ink spread one pixel left, right, up and down, and its quad grows with it",
          "[ui][theme]") {
    // A 16×16 alpha atlas with one 2×1 glyph at texels (6..7, 6): ink 200 and 100.
    std::vector<unsigned char> atlas(16 * 16, 0);
    atlas[6 * 16 + 6] = 200;
    atlas[6 * 16 + 7] = 100;
    ImFont font;
    ImFontGlyph g{};
    g.Visible = 1;
    g.Codepoint = 'x';
    g.X0 = 3, g.Y0 = -5, g.X1 = 5, g.Y1 = -4;
    g.U0 = 6 / 16.f, g.V0 = 6 / 16.f, g.U1 = 8 / 16.f, g.V1 = 7 / 16.f;
    font.Glyphs.push_back(g);
    ui::grow_glyphs(&font, atlas.data(), 16, 16, 1);
    auto at = [&](int x, int y) { return int(atlas[size_t(y) * 16 + x]); };
    CHECK(at(6, 6) == 200);  // the ink stays
    CHECK(at(7, 6) == 200);  // the stronger neighbour wins
    CHECK(at(5, 6) == 200);
    CHECK(at(8, 6) == 100);
    CHECK(at(6, 5) == 200);
    CHECK(at(7, 7) == 100);
    CHECK(at(5, 5) == 0);  // diagonals stay clear, as with four offset copies
    CHECK(at(9, 6) == 0);  // nothing beyond the radius
    const ImFontGlyph& h = font.Glyphs[0];
    CHECK(h.X0 == 2);
    CHECK(h.X1 == 6);
    CHECK(h.Y0 == -6);
    CHECK(h.Y1 == -3);
    CHECK(h.U0 == 5 / 16.f);
    CHECK(h.U1 == 9 / 16.f);
    CHECK(h.V0 == 5 / 16.f);
    CHECK(h.V1 == 8 / 16.f);
}

TEST_CASE("the viewer's label fonts get halos as wide as their glyphs plus a pixel each side", "[ui][theme]") {
    Headless ui;
    REQUIRE(ui.fonts.label_halo != nullptr);
    REQUIRE(ui.fonts.label_bold_halo != nullptr);
    CHECK(ui.fonts.halo_px == 1);
    for (const auto& [text_font, halo_font] : {std::pair{ui.fonts.label, ui.fonts.label_halo},
                                                std::pair{ui.fonts.label_bold, ui.fonts.label_bold_halo}}) {
        CHECK(halo_font->FontSize == text_font->FontSize);
        for (const ImWchar c : {ImWchar('X'), ImWchar(0x1EA0) /* Ạ */, ImWchar(0x01B0) /* ư */}) {
            const ImFontGlyph* t = text_font->FindGlyphNoFallback(c);
            const ImFontGlyph* h = halo_font->FindGlyphNoFallback(c);
            REQUIRE(t != nullptr);
            REQUIRE(h != nullptr);
            CHECK(h->AdvanceX == Approx(t->AdvanceX));  // the halo lies under the text, glyph by glyph
            CHECK(h->X0 <= t->X0 - 0.5f);
            CHECK(h->X1 >= t->X1 + 0.5f);
            CHECK(h->Y0 == Approx(t->Y0 - 1).margin(0.51));
            CHECK(h->Y1 == Approx(t->Y1 + 1).margin(0.51));
        }
    }
}

TEST_CASE("with the map's names, the halos hold exactly the glyphs those names need", "[ui][theme]") {
    // The viewer's case: Sóc Trăng's communes under label_halo, its districts under the bold one.
    std::vector<std::string> communes, districts;
    for (const plan::GazetteerUnit& u : real_gazetteer().units) {
        if (u.commune.empty())
            districts.push_back(u.district);
        else
            communes.push_back(u.commune);
    }
    ui::HaloText text;
    text.regular.assign(communes.begin(), communes.end());
    text.bold.assign(districts.begin(), districts.end());
    Headless full;
    const int full_halo_glyphs = full.fonts.label_halo->Glyphs.Size;
    CHECK_FALSE(full.fonts.halos_cut);
    Headless ui(&text);
    CHECK(ui.fonts.halos_cut);
    auto codepoints = [](const std::vector<std::string>& names) {
        std::set<ImWchar> out;
        for (const std::string& n : names)
            for (const char* p = n.c_str(); *p;) {
                unsigned int c = 0;
                p += ImTextCharFromUtf8(&c, p, nullptr);
                out.insert(ImWchar(c));
            }
        return out;
    };
    for (const auto& [names, text_font, halo_font] :
         {std::tuple{&communes, ui.fonts.label, ui.fonts.label_halo},
          std::tuple{&districts, ui.fonts.label_bold, ui.fonts.label_bold_halo}}) {
        const std::set<ImWchar> need = codepoints(*names);
        for (const ImWchar c : need) {
            INFO("U+" << std::hex << int(c));
            const ImFontGlyph* t = text_font->FindGlyphNoFallback(c);
            const ImFontGlyph* h = halo_font->FindGlyphNoFallback(c);
            REQUIRE(t != nullptr);
            REQUIRE(h != nullptr);  // a label never shows a fallback "?" in its halo
            CHECK(h->AdvanceX == Approx(t->AdvanceX));
            if (!t->Visible) continue;  // the space
            CHECK(h->X0 <= t->X0 - 0.5f);
            CHECK(h->X1 >= t->X1 + 0.5f);
        }
        // Nothing else but the space, "?" (ImGui's fallback glyph) and the tab ImGui makes from
        // the space.
        for (const ImFontGlyph& g : halo_font->Glyphs) {
            INFO("U+" << std::hex << int(g.Codepoint));
            CHECK((need.count(ImWchar(g.Codepoint)) == 1 || g.Codepoint == ' ' || g.Codepoint == '?' ||
                   g.Codepoint == '\t'));
        }
    }
    // The point of the cut: far fewer glyphs to rasterise and grow before the first frame.
    CHECK(ui.fonts.label_halo->Glyphs.Size * 2 < full_halo_glyphs);
    CHECK(ui.fonts.label_halo->Glyphs.Size > 40);  // but a real alphabet's worth
}

TEST_CASE("every character of every UI string has a glyph in the fonts the viewer ships", "[ui][theme]") {
    // Against the font files themselves, not the list setup.sh asks for (tests/core/i18n_test.cpp
    // checks that list): Noto Sans has no arrows, so "↑ ↓" once drew as ImGui's "? ?" in the help
    // and the search hint although the list named them.
    Headless ui;
    for (size_t i = 0; i < i18n::kKeyCount; ++i) {
        const i18n::Key k = static_cast<i18n::Key>(i);
        for (const i18n::Lang l : {i18n::Lang::vi, i18n::Lang::en}) {
            const std::string s = i18n::tr(k, l);
            for (const char* p = s.c_str(); *p;) {
                unsigned int c = 0;
                p += ImTextCharFromUtf8(&c, p, nullptr);
                if (c == '\n') continue;
                INFO(i18n::key_id(k) << " (" << i18n::lang_id(l) << "): U+" << std::hex << c);
                for (const ImFont* f : {ui.fonts.body, ui.fonts.heading, ui.fonts.label, ui.fonts.label_bold})
                    CHECK(f->FindGlyphNoFallback(ImWchar(c)) != nullptr);
            }
        }
    }
    // The plan and tour texts the panels show (the OCR note's two CJK characters are not shown).
    for (const char* file : {"/geodata/plan/soc-trang-2024.json", "/geodata/tour/tour-2024.json"}) {
        const std::string s = read_text(std::string(NTM_SOURCE_DIR) + file);
        REQUIRE_FALSE(s.empty());
        for (const char* p = s.c_str(); *p;) {
            unsigned int c = 0;
            p += ImTextCharFromUtf8(&c, p, nullptr);
            if (c < 0x20 || c == 0x5065 || c == 0x5168) continue;
            INFO(file << ": U+" << std::hex << c);
            for (const ImFont* f : {ui.fonts.body, ui.fonts.heading, ui.fonts.label, ui.fonts.label_bold})
                CHECK(f->FindGlyphNoFallback(ImWchar(c)) != nullptr);
        }
    }
}
