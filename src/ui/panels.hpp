// panels.hpp — the ImGui overlays of the map: side panel (province → district → commune),
// hover tooltip, about box and the error list.
//
// Immediate-mode functions: they read plain state and return what the user asked for as a
// Command; they never change the app themselves. Every string comes from the translation table (ui/strings.hpp).
//
//   ntm::ui::Command cmd = ntm::ui::draw_side_panel(view, rect);
//   if (cmd.kind == ntm::ui::CommandKind::select_district) app_select_district(app, cmd.index);
#pragma once

#include <string>
#include <vector>

#include "core/asset.hpp"
#include "core/legend.hpp"
#include "core/plan.hpp"
#include "core/search.hpp"
#include "core/tour.hpp"
#include "ui/theme.hpp"

namespace ntm::ui {

enum class CommandKind { none, select_district, select_commune, clear_selection, show_about, set_layer, select_model, export_png,
                         toggle_drawer, show_help, present, tour_step, open_search, choose_search,
                         set_language, retry_files };

struct Command {
    CommandKind kind = CommandKind::none;
    int index = -1;  // district, commune or marker index, the legend::Layer, or the export scale
};

// What the panels read. Plain data, filled by the app each frame.
struct PanelView {
    const asset::MapAsset* map = nullptr;
    const Fonts* fonts = nullptr;
    int selected_commune = -1;
    int selected_district = -1;
    int hovered_commune = -1;
    const std::vector<std::string>* errors = nullptr;
    bool can_retry = false;  // some data file did not load: the error list offers to fetch it again
    // The plan layer
    const plan::Plan* plan = nullptr;
    const plan::StatusFile* status = nullptr;
    bool plan_loaded = false, status_loaded = false;
    legend::Layer layer = legend::Layer::targets;
    const std::vector<legend::Class>* classes = nullptr;  // per commune
    int selected_model = -1, hovered_model = -1;          // marker indices
    std::vector<int> model_numbers;                        // marker index → plan.models index
    bool narrow = false, drawer_open = false;              // phone layout
    bool presenting = false;
    const tour::Tour* tour = nullptr;
    bool can_present = false;  // a tour with steps, or one to be fetched when asked for
    int tour_step = -1;
    bool search_open = false;
    const std::string* search_query = nullptr;
    const std::vector<search::Match>* search_results = nullptr;
    int search_cursor = 0;
};

struct RectPx {
    float x = 0, y = 0, w = 0, h = 0;
};

Command draw_side_panel(const PanelView& v, RectPx rect);
// Presentation mode: the tour step (title, text, step n of m, previous/next/exit) and only what
// the audience needs for it (legend, models, funding or calendar). Nothing depends on hovering.
Command draw_presentation_panel(const PanelView& v, RectPx rect);
void draw_hover_tooltip(const PanelView& v);
void draw_model_tooltip(const PanelView& v, int marker);
// `open` is cleared when the user closes the box.
void draw_about_box(bool& open, RectPx canvas);
// The keyboard shortcuts (?), closed with Esc or its button.
void draw_help_overlay(bool& open, RectPx canvas);
// The messages, and a "Thử lại" button when `v.can_retry` (Command retry_files); the button's
// rectangle goes to `retry_button` (zero size when there is none), for tests and automation.
Command draw_error_list(const PanelView& v, RectPx rect, RectPx* retry_button = nullptr);

}  // namespace ntm::ui
