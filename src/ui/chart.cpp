#include "ui/chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>

#include <imgui.h>

#include "core/text.hpp"

namespace ntm::ui::chart {

namespace {

double clean(double v) { return std::isfinite(v) && v > 0 ? v : 0.0; }

float text_w(const std::string& s) { return s.empty() ? 0.0f : ImGui::CalcTextSize(s.c_str()).x; }

// Longest prefix of s (whole code points) that fits max_w with a trailing "…". Labels of the
// plan are short, so the quadratic measuring does not matter.
std::string fit_text(const std::string& s, float max_w) {
    if (text_w(s) <= max_w) return s;
    static constexpr const char* kEllipsis = "\xE2\x80\xA6";  // "…", in the theme's glyph ranges
    std::string out;
    size_t pos = 0;
    while (pos < s.size()) {
        std::string next = out;
        text::append_utf8(&next, text::next_code_point(s, &pos));
        if (text_w(next + kEllipsis) > max_w) break;
        out = std::move(next);
    }
    return out + kEllipsis;
}

// Black or white, whichever reads better on the fill (relative luminance, sRGB weights).
ImU32 text_on(uint32_t fill) {
    const float r = float(fill & 0xFF) / 255.0f, g = float((fill >> 8) & 0xFF) / 255.0f,
                b = float((fill >> 16) & 0xFF) / 255.0f;
    return 0.2126f * r + 0.7152f * g + 0.0722f * b > 0.5f ? IM_COL32(0, 0, 0, 255) : IM_COL32(255, 255, 255, 255);
}

ImU32 item_colour(const BarItem& it) { return it.colour != 0 ? it.colour : colour::kBlue; }

void draw_text_right(ImDrawList* dl, float right_x, float y, ImU32 col, const std::string& s) {
    if (!s.empty()) dl->AddText(ImVec2(right_x - text_w(s), y), col, s.c_str());
}

void item_tooltip(const BarItem& it) {
    if (!ImGui::BeginTooltip()) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    ImGui::TextUnformatted(it.label.c_str());
    ImGui::Separator();
    if (!it.tooltip.empty()) {
        ImGui::TextUnformatted(it.tooltip.c_str());
    } else {
        ImGui::TextUnformatted(it.value_text.c_str());
        if (!it.share_text.empty()) ImGui::TextDisabled("%s", it.share_text.c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// Right-hand columns shared by the bar chart and the legend: numbers right-aligned in columns
// of the widest entry, so digits line up down the rows.
struct NumberColumns {
    float value_w = 0;
    float share_w = 0;
    float total_w(float gap) const { return value_w + (share_w > 0 ? gap + share_w : 0); }
};

NumberColumns number_columns(const std::vector<BarItem>& items) {
    NumberColumns c;
    for (const BarItem& it : items) {
        c.value_w = std::max(c.value_w, text_w(it.value_text));
        c.share_w = std::max(c.share_w, text_w(it.share_text));
    }
    return c;
}

void draw_numbers(ImDrawList* dl, const BarItem& it, const NumberColumns& cols, float right_x, float y, float gap) {
    const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 dim_col = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    if (cols.share_w > 0) {
        draw_text_right(dl, right_x, y, dim_col, it.share_text);
        right_x -= cols.share_w + gap;
    }
    draw_text_right(dl, right_x, y, text_col, it.value_text);
}

}  // namespace

// [SECTION] Widgets

int draw_bar_chart(const char* id, const std::vector<BarItem>& items, const BarChartOptions& opt) {
    if (items.empty()) return -1;
    const float fs = ImGui::GetFontSize();
    const float line_h = ImGui::GetTextLineHeight();
    const float gap = std::round(fs * 0.5f);
    const float width = std::max(ImGui::GetContentRegionAvail().x, fs * 10);
    const NumberColumns cols = number_columns(items);

    float label_w = 0;
    double max_value = 0;
    for (const BarItem& it : items) {
        label_w = std::max(label_w, text_w(it.label));
        max_value = std::max(max_value, clean(it.value));
    }
    // Left labels only when they leave the bars most of the width; a narrow side panel puts
    // them above, where they can use the whole row.
    const float label_col = std::min(label_w, width * 0.38f);
    const bool left = opt.labels == LabelPlacement::left ||
                      (opt.labels == LabelPlacement::automatic && width >= fs * 30 && label_w <= label_col);
    const float track_x = left ? label_col + gap : 0.0f;
    const float track_w = std::max(fs * 3, width - track_x - gap - cols.total_w(gap));
    const double axis = opt.axis_max > 0 ? opt.axis_max : nice_max(max_value);

    const float pad = std::round(fs * 0.25f);
    const float bar_h = std::round(fs * 0.8f);
    const float bar_line_y = left ? pad : pad + line_h + std::round(fs * 0.15f);  // within the row
    const float row_h = bar_line_y + line_h + pad;
    const float caption_h = opt.axis_max_text.empty() ? 0.0f : line_h;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const int n = int(items.size());

    ImGui::InvisibleButton(id, ImVec2(width, row_h * float(n) + caption_h));
    int hovered = -1;
    if (ImGui::IsItemHovered()) {
        const float my = ImGui::GetIO().MousePos.y - origin.y;
        if (my >= 0 && my < row_h * float(n)) hovered = int(my / row_h);
    }

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 track_col = ImGui::GetColorU32(ImGuiCol_Text, 0.06f);
    const ImU32 highlight_col = ImGui::GetColorU32(ImGuiCol_HeaderHovered);
    const float rounding = std::round(fs * 0.15f);
    for (int i = 0; i < n; ++i) {
        const BarItem& it = items[size_t(i)];
        const float y = origin.y + row_h * float(i);
        if (i == hovered || i == opt.highlighted)
            dl->AddRectFilled(ImVec2(origin.x - pad, y), ImVec2(origin.x + width + pad, y + row_h), highlight_col,
                              rounding);
        const float label_max = left ? label_col : width;
        dl->AddText(ImVec2(origin.x, y + pad), text_col, fit_text(it.label, label_max).c_str());

        const float bar_y = y + bar_line_y + (line_h - bar_h) * 0.5f;
        const ImVec2 t0(origin.x + track_x, bar_y);
        dl->AddRectFilled(t0, ImVec2(t0.x + track_w, bar_y + bar_h), track_col, rounding);
        float len = bar_length_px(it.value, axis, track_w);
        if (clean(it.value) > 0) len = std::max(len, 1.0f);  // a tiny share still shows as a sliver
        if (len > 0) dl->AddRectFilled(t0, ImVec2(t0.x + len, bar_y + bar_h), item_colour(it), rounding);
        draw_numbers(dl, it, cols, origin.x + width, y + bar_line_y, gap);
    }
    if (caption_h > 0) {
        const ImU32 dim_col = ImGui::GetColorU32(ImGuiCol_TextDisabled);
        const float y = origin.y + row_h * float(n);
        dl->AddText(ImVec2(origin.x + track_x, y), dim_col, "0");
        draw_text_right(dl, origin.x + track_x + track_w, y, dim_col, opt.axis_max_text);
    }
    if (hovered >= 0) item_tooltip(items[size_t(hovered)]);
    return hovered;
}

int draw_stacked_bar(const char* id, const std::vector<BarItem>& segments, const StackedBarOptions& opt) {
    if (segments.empty()) return -1;
    const float fs = ImGui::GetFontSize();
    const float line_h = ImGui::GetTextLineHeight();
    const float gap = std::round(fs * 0.5f);
    const float pad = std::round(fs * 0.25f);
    const float width = std::max(ImGui::GetContentRegionAvail().x, fs * 10);
    const float bar_h = std::round(fs * 1.5f);
    const float legend_top = bar_h + std::round(fs * 0.5f);
    const float row_h = line_h + 2 * pad;
    const int n = int(segments.size());
    const float total_h = opt.legend ? legend_top + row_h * float(n) : bar_h;

    std::vector<double> values;
    for (const BarItem& s : segments) values.push_back(s.value);
    const std::vector<float> widths = stacked_widths_px(values, width, opt.min_segment_px);

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id, ImVec2(width, total_h));
    int hovered = -1;
    if (ImGui::IsItemHovered()) {
        const ImVec2 m(ImGui::GetIO().MousePos.x - origin.x, ImGui::GetIO().MousePos.y - origin.y);
        if (m.y < bar_h) {
            float x = 0;
            for (int i = 0; i < n && hovered < 0; ++i) {
                if (widths[size_t(i)] > 0 && m.x >= x && m.x < x + widths[size_t(i)]) hovered = i;
                x += widths[size_t(i)];
            }
        } else if (opt.legend && m.y >= legend_top) {
            const int row = int((m.y - legend_top) / row_h);
            if (row < n) hovered = row;
        }
    }
    const int marked = hovered >= 0 ? hovered : opt.highlighted;

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = std::round(fs * 0.2f);
    const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text);
    // Track first: if every value is 0 the bar still shows where it would be.
    dl->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + bar_h), ImGui::GetColorU32(ImGuiCol_Text, 0.06f),
                      rounding);
    float x = origin.x;
    for (int i = 0; i < n; ++i) {
        const BarItem& s = segments[size_t(i)];
        const float w = widths[size_t(i)];
        if (w <= 0) continue;
        const ImVec2 a(x, origin.y), b(x + w, origin.y + bar_h);
        const ImDrawFlags corners = (x <= origin.x ? ImDrawFlags_RoundCornersLeft : 0) |
                                    (b.x >= origin.x + width - 0.5f ? ImDrawFlags_RoundCornersRight : 0);
        dl->AddRectFilled(a, b, item_colour(s), rounding, corners ? corners : ImDrawFlags_RoundCornersNone);
        // The share inside the segment when it fits, so the bar reads without the legend.
        const float sw = text_w(s.share_text);
        if (sw > 0 && sw + gap <= w)
            dl->AddText(ImVec2(a.x + (w - sw) * 0.5f, a.y + (bar_h - line_h) * 0.5f), text_on(item_colour(s)),
                        s.share_text.c_str());
        x += w;
    }
    if (marked >= 0 && marked < n && widths[size_t(marked)] > 0) {
        float mx = origin.x;
        for (int i = 0; i < marked; ++i) mx += widths[size_t(i)];
        dl->AddRect(ImVec2(mx, origin.y), ImVec2(mx + widths[size_t(marked)], origin.y + bar_h), text_col, 0, 0,
                    std::max(1.5f, fs * 0.12f));
    }

    if (opt.legend) {
        const NumberColumns cols = number_columns(segments);
        const float swatch = std::round(fs * 0.75f);
        const float label_max = width - swatch - gap - gap - cols.total_w(gap);
        for (int i = 0; i < n; ++i) {
            const BarItem& s = segments[size_t(i)];
            const float y = origin.y + legend_top + row_h * float(i);
            if (i == marked)
                dl->AddRectFilled(ImVec2(origin.x - pad, y), ImVec2(origin.x + width + pad, y + row_h),
                                  ImGui::GetColorU32(ImGuiCol_HeaderHovered), rounding);
            const float sy = y + pad + (line_h - swatch) * 0.5f;
            dl->AddRectFilled(ImVec2(origin.x, sy), ImVec2(origin.x + swatch, sy + swatch), item_colour(s),
                              std::round(fs * 0.1f));
            dl->AddText(ImVec2(origin.x + swatch + gap, y + pad), text_col, fit_text(s.label, label_max).c_str());
            draw_numbers(dl, s, cols, origin.x + width, y + pad, gap);
        }
    }
    if (hovered >= 0) item_tooltip(segments[size_t(hovered)]);
    return hovered;
}

// [SECTION] Layout maths

double nice_max(double max_value) {
    if (!std::isfinite(max_value) || max_value <= 0) return 1.0;
    const double base = text::power_of_ten(int(std::floor(std::log10(max_value))));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0, 20.0}) {  // 20: log10 rounding down a power of ten
        if (m * base >= max_value) return m * base;
    }
    return max_value;  // not reached: 20 × 10^floor(log10 x) > x
}

std::vector<double> shares(const std::vector<double>& values) {
    double total = 0;
    for (double v : values) total += clean(v);
    std::vector<double> out(values.size(), 0.0);
    if (total <= 0) return out;
    for (size_t i = 0; i < values.size(); ++i) out[i] = clean(values[i]) / total;
    return out;
}

std::vector<double> rounded_percentages(const std::vector<double>& values, int decimals) {
    decimals = std::clamp(decimals, 0, 3);
    const double scale = text::power_of_ten(decimals);
    const int64_t units = int64_t(100 * scale);  // 100 % in steps of the last printed digit
    const std::vector<double> f = shares(values);
    std::vector<double> out(values.size(), 0.0);
    if (std::all_of(f.begin(), f.end(), [](double s) { return s == 0; })) return out;

    std::vector<int64_t> whole(f.size());
    std::vector<double> rest(f.size());
    int64_t left = units;
    for (size_t i = 0; i < f.size(); ++i) {
        const double raw = f[i] * double(units);
        whole[i] = int64_t(std::floor(raw));
        rest[i] = raw - double(whole[i]);
        left -= whole[i];
    }
    // Hand the units lost to flooring to the largest remainders (ties: the larger value).
    std::vector<size_t> order(f.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return rest[a] != rest[b] ? rest[a] > rest[b] : f[a] > f[b]; });
    for (size_t k = 0; k < order.size() && left > 0; ++k, --left) ++whole[order[k]];
    for (size_t i = 0; i < f.size(); ++i) out[i] = double(whole[i]) / scale;
    return out;
}

float bar_length_px(double value, double axis_max, float track_px) {
    if (!(axis_max > 0) || !std::isfinite(axis_max) || !(track_px > 0)) return 0.0f;
    const double len = clean(value) / axis_max * double(track_px);
    return float(std::min(len, double(track_px)));
}

std::vector<float> stacked_widths_px(const std::vector<double>& values, float width_px, float min_px) {
    const std::vector<double> f = shares(values);
    std::vector<float> w(f.size(), 0.0f);
    if (!(width_px > 0)) return w;
    size_t nonzero = 0;
    for (size_t i = 0; i < f.size(); ++i) {
        w[i] = float(f[i] * double(width_px));
        if (f[i] > 0) ++nonzero;
    }
    if (nonzero == 0 || !(min_px > 0)) return w;
    min_px = std::min(min_px, width_px / float(nonzero));  // cannot give everyone more than a fair split

    float deficit = 0, excess = 0;
    for (size_t i = 0; i < w.size(); ++i) {
        if (f[i] <= 0) continue;
        if (w[i] < min_px)
            deficit += min_px - w[i];
        else
            excess += w[i] - min_px;
    }
    if (deficit <= 0 || excess <= 0) return w;
    const float take = deficit / excess;  // ≤ 1 because nonzero × min_px ≤ width_px
    for (size_t i = 0; i < w.size(); ++i) {
        if (f[i] <= 0) continue;
        w[i] = w[i] < min_px ? min_px : w[i] - (w[i] - min_px) * take;
    }
    return w;
}

int label_step(float column_px, float label_px, float gap_px) {
    for (int step : {1, 2, 3, 4, 6}) {
        if (column_px * float(step) >= label_px + gap_px) return step;
    }
    return 12;
}

}  // namespace ntm::ui::chart
