#include "ui/rows.hpp"

#include <algorithm>

namespace ntm::ui {

RowLayout layout_rows(std::initializer_list<RowColumn> columns, float total, float pad) {
    RowLayout out;
    out.count = std::min(int(columns.size()), kMaxRowColumns);
    float fixed = 0, weights = 0;
    int i = 0;
    for (const RowColumn& c : columns) {
        if (i++ == out.count) break;
        if (c.fixed > 0)
            fixed += c.fixed;
        else
            weights += std::max(0.0f, c.weight);
    }
    const float stretch = std::max(0.0f, total - fixed - 2 * pad * float(out.count));
    float x = 0;
    i = 0;
    for (const RowColumn& c : columns) {
        if (i == out.count) break;
        const float w = c.fixed > 0 ? c.fixed : weights > 0 ? stretch * std::max(0.0f, c.weight) / weights : 0;
        out.x[size_t(i)] = x + pad;
        out.w[size_t(i)] = std::max(1.0f, w);
        x += w + 2 * pad;
        ++i;
    }
    return out;
}

namespace {
ImDrawListSplitter& shared_splitter() {
    static ImDrawListSplitter splitter;
    return splitter;
}
}  // namespace

Rows::Rows(std::initializer_list<RowColumn> columns, float width) : splitter_(shared_splitter()) {
    left_ = ImGui::GetCursorPosX();
    width_ = width > 0 ? width : ImGui::GetContentRegionAvail().x;
    layout_ = layout_rows(columns, width_, ImGui::GetStyle().CellPadding.x);
}

void Rows::begin_row() {
    // Half the item spacing above the row's text belongs to the row (and half below): rows
    // follow each other with no gap, as a table's do.
    row_top_ = ImGui::GetCursorScreenPos().y - ImGui::GetStyle().ItemSpacing.y * 0.5f;
    splitter_.Split(ImGui::GetWindowDrawList(), 2);
    splitter_.SetCurrentChannel(ImGui::GetWindowDrawList(), 1);
    open_cell_ = -1;
    cells_in_row_ = 0;
}

void Rows::end_cell() {
    if (open_cell_ < 0) return;
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    open_cell_ = -1;
}

void Rows::cell(int column) {
    if (column < 0 || column >= layout_.count) return;
    end_cell();
    const float x = left_ + layout_.x[size_t(column)];
    if (cells_in_row_++ == 0)
        ImGui::SetCursorPosX(x);
    else
        ImGui::SameLine(x);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(x + layout_.w[size_t(column)]);
    open_cell_ = column;
}

void Rows::end_row(ImU32 background, ImU32 line) {
    end_cell();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // The last cell's EndGroup moved the cursor to the next line: the row's height is known now.
    const float bottom = ImGui::GetCursorScreenPos().y - ImGui::GetStyle().ItemSpacing.y * 0.5f;
    const float x0 = ImGui::GetWindowPos().x - ImGui::GetScrollX() + left_;
    const float x1 = x0 + width_;
    splitter_.SetCurrentChannel(dl, 0);
    if ((background >> IM_COL32_A_SHIFT) & 0xFF) dl->AddRectFilled(ImVec2(x0, row_top_), ImVec2(x1, bottom), background);
    // On the row's last pixel row: the next row's background starts right below it.
    if ((line >> IM_COL32_A_SHIFT) & 0xFF) dl->AddLine(ImVec2(x0, bottom - 1), ImVec2(x1, bottom - 1), line);
    splitter_.Merge(dl);
}

}  // namespace ntm::ui
