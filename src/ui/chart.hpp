// chart.hpp — small charts drawn with ImDrawList: a horizontal bar chart and a 100 % stacked
// bar with its legend. ImPlot is not available (see TOOLCHAIN.md), and these two are all the
// panels need.
//
// What it does: lays out one row per item (label, bar on a shared scale, right-aligned value and
// share columns), highlights the hovered row and shows its tooltip, and returns the hovered index
// so a panel can link the chart to other widgets. Width comes from the content region and every
// height from the current font size, so the charts scale with the fonts on a projector.
// What it doesn't: no axes with tick labels, no negative values (drawn as 0), no formatting of
// numbers (the caller passes value_text/share_text, made with core/text.hpp), no state.
// The layout maths are free functions below the widgets, callable without an ImGui context.
//
//   std::vector<ntm::ui::chart::BarItem> items = {{"Vốn dân", 265000, "265.000", "6,6%"}};
//   int hovered = ntm::ui::chart::draw_bar_chart("##sources", items);
//   ntm::ui::chart::draw_stacked_bar("##split", segments);
//   double axis = ntm::ui::chart::nice_max(1779000);                 // 2.000.000
//   auto pct = ntm::ui::chart::rounded_percentages({1, 1, 1}, 1);    // 33,4 + 33,3 + 33,3 = 100
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ntm::ui::chart {

// [SECTION] Colours

// Packed like ImU32 (IM_COL32: R in the low byte, A in the high byte) so this header needs no
// imgui.h.
constexpr uint32_t rgba(uint32_t r, uint32_t g, uint32_t b, uint32_t a = 255) {
    return r | (g << 8) | (b << 16) | (a << 24);
}

// Okabe–Ito: the eight colours stay distinguishable under the common colour-vision deficiencies
// and keep their contrast on a washed-out projector. Yellow is left out of the named set: it
// disappears on the panels' white background.
namespace colour {
inline constexpr uint32_t kBlue = rgba(0x00, 0x72, 0xB2);
inline constexpr uint32_t kOrange = rgba(0xE6, 0x9F, 0x00);
inline constexpr uint32_t kSkyBlue = rgba(0x56, 0xB4, 0xE9);
inline constexpr uint32_t kGreen = rgba(0x00, 0x9E, 0x73);
inline constexpr uint32_t kVermillion = rgba(0xD5, 0x5E, 0x00);
inline constexpr uint32_t kPurple = rgba(0xCC, 0x79, 0xA7);
inline constexpr uint32_t kBlack = rgba(0x00, 0x00, 0x00);
// Neutral for "no data / not split": reads as absent next to the saturated colours.
inline constexpr uint32_t kGrey = rgba(0xBB, 0xBB, 0xBB);
}  // namespace colour

// [SECTION] Widgets

struct BarItem {
    std::string label;       // row label: "Vốn lồng ghép"
    double value = 0;        // drawn length; negative or non-finite values draw as 0
    std::string value_text;  // right-aligned after the bar: "1.779.000"
    std::string share_text;  // right-aligned last column: "44,6%"; may be empty
    std::string tooltip;     // shown under the label when the row is hovered; empty: value and share
    uint32_t colour = 0;     // rgba(); 0 = colour::kBlue
};

enum class LabelPlacement {
    automatic,  // left column when the region is wide (≥ 30 font sizes), above the bar otherwise
    above,
    left,
};

struct BarChartOptions {
    double axis_max = 0;        // value at the end of the track; 0 = nice_max(largest value).
                                // Pass the same value to several charts to share their scale.
    std::string axis_max_text;  // if set, "0" and this are written under the track's two ends
    LabelPlacement labels = LabelPlacement::automatic;
    int highlighted = -1;  // a row to highlight as if hovered (linked from another widget)
};

// Draws in the current window at the cursor, full content width. Returns the hovered row or -1.
int draw_bar_chart(const char* id, const std::vector<BarItem>& items, const BarChartOptions& opt = {});

struct StackedBarOptions {
    float min_segment_px = 3;  // a non-zero segment never gets thinner than this (see stacked_widths_px)
    bool legend = true;        // one row per segment under the bar: swatch, label, value, share
    int highlighted = -1;
};

// A 100 % bar: each segment's width is its share of the sum of values. Returns the segment
// hovered in the bar or in the legend, or -1.
int draw_stacked_bar(const char* id, const std::vector<BarItem>& segments, const StackedBarOptions& opt = {});

// [SECTION] Layout maths (no ImGui context needed)

// The smallest of 1, 2, 2.5, 5 × 10^k that is ≥ max_value, so a scale ends on a round number:
// 1779000 → 2000000, 133988 → 200000, 2400 → 2500, 0.3 → 0.5. Non-positive or non-finite → 1.
double nice_max(double max_value);

// Each value's fraction of the total. Negative and non-finite values count as 0; when the
// total is 0 every share is 0 (nothing to divide, and 0 % reads right for an empty chart).
std::vector<double> shares(const std::vector<double>& values);

// Percentages rounded to `decimals` (0..3) with the largest-remainder method, so the printed
// figures add up to exactly 100 (naive rounding of 33,33 × 3 prints 99,9). All 0 when the
// total is 0.
std::vector<double> rounded_percentages(const std::vector<double>& values, int decimals);

// Length of a bar on a track of track_px that ends at axis_max: proportional, clamped to
// [0, track_px]; 0 for non-positive or non-finite input.
float bar_length_px(double value, double axis_max, float track_px);

// Widths of the segments of a 100 % bar of width_px. Proportional to the values, except that
// a non-zero segment gets at least min_px (taken from the wider segments in proportion to
// their excess over min_px) so a 1,5 % share stays visible and hoverable. When any value is
// positive the widths sum to width_px; otherwise they are all 0.
std::vector<float> stacked_widths_px(const std::vector<double>& values, float width_px, float min_px);

// How many columns to skip between tick labels so labels of label_px fit in columns of
// column_px with gap_px between them: 1 (every column), 2, 3, 4, 6 or 12 (divisors of 12, so
// the labelled months stay regular over a year).
int label_step(float column_px, float label_px, float gap_px);

}  // namespace ntm::ui::chart
