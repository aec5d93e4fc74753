// rows.hpp — rows of text cells side by side (the task list, the shortcut list), each cell
// wrapping inside its column, a row as tall as its tallest cell, with an optional background
// behind a row and a line under it.
//
// Why not ImGui's tables: these two lists were the only users of imgui_tables.cpp, ~12 KB of
// viewer.wasm (gzip) on the way to the first frame (issue 5's download budget), and they need
// none of what makes a table a table (resizing, sorting, scrolling, clipping, saved widths).
// The cells are ImGui groups placed with SameLine and wrapped with PushTextWrapPos; a row's
// background is drawn under its cells through an ImDrawListSplitter, once the row's height is
// known. A cell's text wraps at its column; a single word wider than the column is not clipped.
//
//   ntm::ui::Rows rows({{0, 3.0f}, {0, 1.6f}, {90, 0}});   // two stretched columns, one 90 px wide
//   rows.begin_row();
//   rows.cell(0); ImGui::TextWrapped("...");
//   rows.cell(1); ImGui::TextWrapped("...");
//   rows.end_row(background, /*line_below=*/true);
#pragma once

#include <imgui.h>

#include <array>
#include <initializer_list>

namespace ntm::ui {

// A column: `fixed` > 0 is its width in pixels (its text's width, padding excluded), otherwise
// it takes `weight`'s share of what the fixed columns leave.
struct RowColumn {
    float fixed = 0;
    float weight = 0;
};

constexpr int kMaxRowColumns = 4;

// Where each column's text starts (from the rows' left edge) and how wide it may be, for rows
// `total` pixels wide with `pad` pixels of padding at both sides of every cell. Pure maths:
// callable without an ImGui context. Widths never go below 1 px.
struct RowLayout {
    std::array<float, kMaxRowColumns> x{};
    std::array<float, kMaxRowColumns> w{};
    int count = 0;
};
RowLayout layout_rows(std::initializer_list<RowColumn> columns, float total, float pad);

class Rows {
public:
    // Rows from the cursor to the right edge of the content region (or `width` if > 0), with
    // the style's CellPadding.x at both sides of each cell.
    explicit Rows(std::initializer_list<RowColumn> columns, float width = 0);
    Rows(const Rows&) = delete;
    Rows& operator=(const Rows&) = delete;

    void begin_row();
    void cell(int column);  // ends the cell before it (if any) and starts this one
    // Ends the open cell now: ImGui's "last item" is then the cell (for a tooltip over it).
    void end_cell();
    // Ends the row; `background` (alpha > 0) is painted under the whole row, `line` (alpha > 0)
    // drawn along its bottom edge.
    void end_row(ImU32 background = 0, ImU32 line = 0);

private:
    RowLayout layout_;
    float left_ = 0;        // window-local x of the rows' left edge
    float width_ = 0;
    float row_top_ = 0;     // screen y
    int open_cell_ = -1;
    int cells_in_row_ = 0;
    // One splitter for every Rows (a row is merged before the next begins, and rows do not
    // nest): its two channels keep their buffers from frame to frame, so a frame of rows
    // allocates nothing once the longest row has been drawn.
    ImDrawListSplitter& splitter_;
};

}  // namespace ntm::ui
