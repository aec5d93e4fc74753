// app.hpp — the viewer application: owns the map, camera, selection and overlays, turns input
// into camera moves and selections, and draws one frame.
//
// Platform code (src/platform/web) creates the GL context and the ImGui context, forwards
// pointer, wheel and key events here, and calls app_frame() once per animation frame. Everything
// a user or the public JS API can do goes through the functions below, so the page, the tests and
// the UI share one path.
//
//   ntm::app::App app;
//   ntm::app::load_asset(app, bytes, size);
//   ntm::app::set_canvas(app, 1280, 800, 2.0);
//   ntm::app::frame(app, now_ms);          // inside ImGui::NewFrame() / ImGui::Render()
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/asset.hpp"
#include "core/camera.hpp"
#include "core/i18n.hpp"
#include "core/pixel_rects.hpp"
#include "core/labels.hpp"
#include "core/legend.hpp"
#include "core/plan.hpp"
#include "core/search.hpp"
#include "core/tour.hpp"
#include "core/url_state.hpp"
#include "core/pick.hpp"
#include "render/map_renderer.hpp"
#include "ui/label_sprites.hpp"
#include "ui/markers.hpp"
#include "ui/panels.hpp"
#include "ui/theme.hpp"

namespace ntm::app {

struct Pointer {
    int id = -1;
    double x = 0, y = 0;  // CSS px, canvas-relative
};

struct Gesture {
    Pointer pointers[2];
    int count = 0;
    bool on_ui = false;        // the gesture started on a panel: the map ignores it
    bool dragged = false;      // moved far enough to be a drag, not a click
    double down_x = 0, down_y = 0;
    double pinch_distance = 0;
};

struct Flight {
    bool active = false;
    double start_ms = 0, duration_ms = 0;
    geo::World from_center, to_center;
    double from_zoom = 0, to_zoom = 0;
};

enum class LabelKind : uint8_t { marker, district, commune, context };

// Reset (LabelCache{}) whenever the map, the font atlas or the language changes.
struct LabelCache {
    // The view the placement was computed for; recomputed only when it changes.
    double zoom = -1, cx = 0, cy = 0, w = 0, h = 0;
    int selected = -2, district = -2;
    size_t markers = 0;
    // Per map: communes by area, largest first (their label priority).
    std::vector<uint32_t> commune_order;
    // Per feature, text width in CSS px at `measured_scale` (-1 = not measured yet): a feature is
    // measured the first time its anchor comes near the screen, never again for this atlas.
    std::vector<float> commune_w, district_w, context_w;
    float measured_scale = 0;
    // The current view's candidates: only features whose anchor is near the screen.
    std::vector<labels::Candidate> candidates;
    std::vector<const std::string*> texts;
    std::vector<LabelKind> kinds;
    std::vector<uint32_t> keys;  // each candidate's key in `sprites`
    std::vector<uint8_t> shown;
    // While the view moves, labels are drawn from sprites (ui/label_sprites.hpp); which were.
    ui::LabelSprites sprites;
    std::vector<uint8_t> as_sprite;
    labels::Workspace work;
};

struct App {
    // Data
    asset::MapAsset map;
    bool has_map = false;
    pick::Index commune_index;
    plan::Gazetteer gazetteer;  // the map's unit names, for checking the plan files
    geo::Box home;  // the province, fitted at start and on "back to province"

    // View
    camera::Camera cam;
    double css_w = 1, css_h = 1, pixel_ratio = 1;
    ui::RectPx panel;  // the side panel's rectangle
    // The panel as drawn in this frame, with its opaque background (zero size: none drawn), and
    // its interior in device pixels (set by draw_map): the map is not drawn there, and the
    // platform copies it from the cached UI layer without blending.
    ui::RectPx opaque_panel;
    pixel_rects::Rect opaque_interior_px;
    bool fitted_once = false;
    Flight flight;

    // Selection and interaction
    int hovered = -1, selected = -1, selected_district = -1;
    Gesture gesture;
    bool about_open = false;
    bool help_open = false;    // the keyboard shortcut overlay (?)
    bool narrow = false;       // phone layout: the panel is a bottom drawer
    bool drawer_open = false;  // the drawer's state on narrow screens
    bool presenting = false;   // presentation mode (projector)
    bool exporting = false;    // drawing a PNG export: no hover tooltips
    int export_requested = 0;  // scale asked for from the panel; the platform starts the export
    bool colours_dirty = true;
    bool view_changed = true;  // something moved since the last drawn frame

    // The 2024 plan and the achieved-status file (geodata/plan/), with their thematic layer.
    plan::Plan plan;
    plan::StatusFile status;
    bool plan_loaded = false, status_loaded = false;
    legend::Layer layer = legend::Layer::targets;
    std::vector<legend::Class> classes;  // per commune, for `layer`
    std::vector<render::OutlineHighlight> district_highlights;
    std::vector<ui::ModelMarker> markers;  // one per plan model, screen positions refreshed per frame
    std::vector<geo::World> marker_anchor;  // the model's commune (or district) anchor
    std::vector<float> marker_dy_px;        // district-wide models sit below the district's name
    int hovered_model = -1, selected_model = -1;

    // Presentation mode: the guided tour (geodata/tour/), larger type, thicker lines.
    tour::Tour tour;
    bool tour_loaded = false;
    // The tour file is fetched only when presentation mode is asked for (issue 5: the default
    // page does not download what it does not show). `tour_file` is its name, set by the platform
    // when the dataset has a tour ("" for none); `tour_fetch_request` asks the platform to fetch
    // it; `tour_pending_step` (-1 none) is the step to show once it is here.
    std::string tour_file;
    bool tour_fetching = false;
    bool tour_fetch_request = false;
    int tour_pending_step = -1;
    bool tour_pending_animate = true;
    int tour_step = -1;                  // current step while presenting
    double now_ms = 0, last_input_ms = 0;  // for the idle return of a wall screen
    float ui_scale = 1.0f;               // 1.35 while presenting
    bool fonts_dirty = false;            // the platform re-rasterises fonts (ui_scale changed)
    int fullscreen_request = 0;          // +1 enter, -1 leave: the platform calls the browser
    std::vector<render::OutlineHighlight> tour_district_highlights, tour_commune_highlights;
    std::vector<render::OutlineHighlight> frame_district_highlights;  // reused per frame: no allocation

    // Search (Ctrl+K or /): the text comes from the page's input element so that Vietnamese
    // input methods (Telex, VNI) work; results are ranked by core/search.
    search::Index search_index;
    bool search_open = false;
    std::string search_query;
    std::vector<search::Match> search_results;
    int search_cursor = 0;
    int search_focus_request = 0;  // +1 focus the page's input, -1 blur it

    // Messages shown to the user (Vietnamese), also reported by the JS API.
    std::vector<std::string> errors;
    // Per message, the data file it is about ("" for none), so that loading the file again
    // replaces its messages instead of piling them up.
    std::vector<std::string> error_files;
    // Data files that could not be used at all (missing, cut short, unreadable): the error list
    // offers "Thử lại", which asks the platform (retry_requested) to fetch them again.
    std::vector<std::string> failed_files;
    bool retry_requested = false;
    ui::RectPx retry_button;  // where the error list drew its button (zero size: none)

    // Rendering
    render::MapRenderer renderer;
    ui::Fonts fonts;
    // The platform's texture for the labels' sprites (none: labels are always drawn as text).
    ui::SpriteSheet sprite_sheet;
    LabelCache labels;
    uint64_t frames_drawn = 0;
    uint64_t frames_since_load = 0;
};

// Loading. On failure the message is added to app.errors and the previous map (if any) stays.
// `file_name` names the asset in messages and in failed_files.
bool load_asset(App& app, const uint8_t* bytes, size_t size, std::string_view file_name = {});
// The names the map's labels draw, for cutting the label halos to their glyphs (ui::build_fonts).
// Views into app.map: valid until the next load_asset.
ui::HaloText halo_text(const App& app);
// A message for the user; `file_name` ties it to a data file (see error_files).
void add_error(App& app, std::string message_vi, std::string_view file_name = {});
// A data file could not be fetched (missing, connection lost, cut short): the message is shown
// and the file is offered for "Thử lại". file_loaded() clears both once it has loaded.
void file_failed(App& app, std::string_view file_name, std::string message_vi);
void file_loaded(App& app, std::string_view file_name);
// After a lost WebGL context has been restored: recreates the renderer's GL objects (shaders,
// buffers, colour texture) from the map kept in memory and redraws.
void restore_gl(App& app);

// Plan files (JSON text). Problems are shown to the user; the valid part is kept.
void load_plan(App& app, std::string_view json_text, std::string_view file_name);
void load_status(App& app, std::string_view json_text, std::string_view file_name);
void set_layer(App& app, legend::Layer layer);
void load_tour(App& app, std::string_view json_text, std::string_view file_name);
// The dataset has a tour in `file_name`, to be fetched when presentation mode is first asked for.
void offer_tour(App& app, std::string_view file_name);
// True when presentation mode can be entered: a loaded tour with steps, or one not fetched yet.
bool tour_available(const App& app);
// Presentation mode on/off (Esc leaves); entering starts the tour at step 0.
void set_presenting(App& app, bool on);
// Go to a tour step (entering presentation mode if needed); out-of-range steps are clamped. A tour
// not fetched yet is asked for, and the step shown once it has arrived.
void tour_go(App& app, int step, bool animate);
// Search: open/close the box, set its text, move the highlighted result, choose it.
void search_set_open(App& app, bool open);
void search_set_text(App& app, const std::string& text);
void search_move(App& app, int delta);
void search_choose(App& app, int index);  // -1: the highlighted one
std::string search_json(const App& app, const std::string& text);  // ranked [{district, commune}]

// Language of the interface ("vi" or "en"); place names stay Vietnamese.
void set_language(App& app, i18n::Lang lang);

// Shareable state in the URL hash.
url_state::ViewState view_state(const App& app);
void apply_view_state(App& app, const url_state::ViewState& s);

// Any user input: restarts the idle timer of the tour.
void note_input(App& app, double now_ms);
void select_model(App& app, int model, bool zoom_to);

// Layout and view
void set_canvas(App& app, double css_w, double css_h, double pixel_ratio);
// Places the panel and the map viewport for the canvas size and mode.
void layout(App& app);
void fit_home(App& app, bool animate);
void set_view(App& app, geo::LonLat center, double zoom);
// Animated move (ease in-out) to a view; duration 0 moves at once.
void fly_to_view(App& app, geo::LonLat center, double zoom, double duration_ms);

// Selection (indices into map.communes / map.districts; -1 clears)
void select_commune(App& app, int commune, bool zoom_to);
void select_district(App& app, int district, bool animate);
void clear_selection(App& app);
int find_district(const App& app, const std::string& name);
int find_commune(const App& app, int district, const std::string& name);

// Input (CSS px, canvas-relative). Returns true if the event was for the map (not a panel).
void pointer_down(App& app, int id, double x, double y);
void pointer_move(App& app, int id, double x, double y, bool buttons_down);
void pointer_up(App& app, int id, double x, double y);
void pointer_leave(App& app);
void wheel(App& app, double x, double y, double delta_y_px);
void double_click(App& app, double x, double y);
void key_down(App& app, const std::string& key);
bool over_ui(const App& app, double x, double y);

// One frame: UI (between ImGui::NewFrame and ImGui::Render) and the map draw.
void build_ui(App& app, double now_ms);
// The map's part of the frame (after build_ui: it reads the panel's place), then its drawing.
// A frame whose render::frame_signature and ImGui draw data equal the last drawn one's, with no
// colour change between (colours_dirty before build_ui), would draw the same pixels.
render::Frame map_frame(App& app, int framebuffer_w, int framebuffer_h);
void draw_map(App& app, const render::Frame& frame);
bool is_animating(const App& app);
// True when time alone should change the picture (a flight, the tour's idle return).
bool needs_frame(const App& app, double now_ms);

// Public API payloads (JSON text) for window.ntmMap.
std::string state_json(const App& app);
std::string pick_json(const App& app, double lon, double lat);
std::string project_json(const App& app, double lon, double lat);
std::string unproject_json(const App& app, double x, double y);
std::string units_json(const App& app);
// The card of a unit (commune empty: the district) as window.ntmMap.info() returns it, or "null".
std::string info_json(const App& app, const std::string& district, const std::string& commune);
std::string funds_json(const App& app);
// Title, subtitle (layer and selection) and source line printed around an exported PNG.
std::string export_caption_json(const App& app, int year, int month, int day);
// The legend of the current layer: rows with counts, and the district targets.
std::string legend_json(const App& app);
// The model markers with their screen positions (CSS px).
std::string models_json(const App& app);

}  // namespace ntm::app
