// calendar_panel.hpp — the plan year at a glance: the recognition calendar of Mục II.7 on a
// 12-month timeline, the Phụ lục II tasks counted per due month, and the task table.
//
// What it does: calendar_view() and task_groups() place events and group tasks (pure
// functions, so tests check that nothing is dropped); draw_calendar_panel() draws the timeline
// with ImDrawList, the event list and a task table grouped by due month with a lead-agency
// filter, inside the current ImGui window, for a 300–400 px side-panel tab.
// What it doesn't: no Begin/End of its own, no "today" marker (the plan year is what matters,
// and a clock would make headless runs differ). The two filters (agency combo, month clicked on
// the timeline) live in ImGui's window state storage, as a tree node's open flag does, so the
// call needs no state argument.
//
//   if (ImGui::BeginTabItem("Lịch")) { ntm::ui::draw_calendar_panel(plan, fonts); ImGui::EndTabItem(); }
//   for (const ntm::ui::TaskGroup& g : ntm::ui::task_groups(plan))
//       std::printf("%s: %zu\n", g.title.c_str(), g.tasks.size());   // "Tháng 6/2024: 3"
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/plan.hpp"
#include "ui/theme.hpp"

namespace ntm::ui {

enum class TimelineLane { commune, district };  // xã rounds; huyện-level steps

// Where one event of plan.calendar sits on the timeline.
struct TimelineEvent {
    size_t index = 0;  // into plan.calendar
    TimelineLane lane = TimelineLane::commune;
    bool on_timeline = false;  // false: no date, or outside the timeline year (listed, not drawn)
    bool whole_month = false;  // the plan gives a month, not a day
    float x0 = 0, x1 = 0;      // fraction of the year, 0..1: a month's span, or x0 == x1 at a day's middle
    std::string date_text;     // "30/09/2024", "Tháng 10/2024", "Chưa có ngày"
};

struct CalendarView {
    bool has_data = false;                      // false: no events and no tasks ("chưa có dữ liệu")
    int year = 0;                               // the timeline's year (the plan year); 0: nothing dated
    std::vector<TimelineEvent> events;          // by date (a month sorts at its first day), undated last
    std::array<int, 12> tasks_due_per_month{};  // Phụ lục II tasks due in `year`, by month
    int tasks_undated = 0;                      // tasks the plan gives no date ("Theo tiến độ …")
    int tasks_other_years = 0;                  // dated tasks outside `year`
    std::vector<std::string> lead_agencies;     // distinct, in plan order (the filter's choices)
};

CalendarView calendar_view(const plan::Plan& plan);

struct TaskGroup {
    plan::Date month;           // year and month (day 0); not set: the tasks without a date
    std::string title;          // "Tháng 6/2024"; "Không ghi thời hạn cụ thể"
    std::vector<size_t> tasks;  // indices into plan.tasks, in plan order
};

// Tasks grouped by due month, oldest first, the undated group last; each task in exactly one
// group. lead_agency (exact, empty = all) and month (set = only that month's group) filter.
std::vector<TaskGroup> task_groups(const plan::Plan& plan, std::string_view lead_agency = {}, plan::Date month = {});

// "Tháng 6/2024" (the plan's own way of writing a due month).
std::string month_title(int year, int month);

// Draws inside the current window (call between Begin/End or inside a tab item).
void draw_calendar_panel(const plan::Plan& plan, const Fonts& fonts);

}  // namespace ntm::ui
