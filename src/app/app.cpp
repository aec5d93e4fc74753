#include "app/app.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "core/json_out.hpp"
#include "core/text.hpp"
#include "ui/strings.hpp"

namespace ntm::app {

// [SECTION] Colours

namespace {

// Base map: rural communes warm, urban units (phường, thị trấn) slightly cooler, so the
// towns read at a glance; both light enough for labels and thematic layers on top.
constexpr render::Rgba kRuralFill{243, 238, 224, 255};
constexpr render::Rgba kUrbanFill{226, 224, 236, 255};
constexpr render::Rgba kContextFill{214, 214, 206, 255};
constexpr render::Rgba kSelectedFill{255, 214, 130, 255};
constexpr double kFitPaddingPx = 24;
constexpr double kDragThresholdPx = 5;

render::Rgba darker(render::Rgba c, double f) {
    return {uint8_t(c.r * f), uint8_t(c.g * f), uint8_t(c.b * f), c.a};
}
render::Rgba faded(render::Rgba c) {
    // Communes outside the selected district fade towards the background.
    return {uint8_t((c.r + 2 * 236) / 3), uint8_t((c.g + 2 * 238) / 3), uint8_t((c.b + 2 * 240) / 3), c.a};
}

render::Rgba rgba(legend::Rgb c) { return {c.r, c.g, c.b, 255}; }

void update_colours(App& app) {
    const auto& communes = app.map.communes;
    const bool thematic = app.layer != legend::Layer::boundaries && app.classes.size() == communes.size();
    for (size_t i = 0; i < communes.size(); ++i) {
        const asset::Feature& c = communes[i];
        render::Rgba fill = c.type == asset::UnitType::xa ? kRuralFill : kUrbanFill;
        bool hatched = false;
        if (thematic) {
            fill = rgba(legend::class_colour(app.classes[i]));
            hatched = legend::class_hatched(app.classes[i]);
        }
        if (int(i) == app.selected && !thematic) fill = kSelectedFill;
        else if (app.selected_district >= 0 && c.parent != app.selected_district) fill = faded(fill);
        if (int(i) == app.hovered) fill = darker(fill, 0.88);
        app.renderer.set_fill(render::Layer::communes, uint32_t(i), fill, hatched);
    }
    for (size_t i = 0; i < app.map.context.size(); ++i)
        app.renderer.set_fill(render::Layer::context, uint32_t(i), kContextFill);
    app.renderer.commit_colours();
    app.colours_dirty = false;
}

// District targets drawn as coloured outlines on the targets layer: the standard's colour.
void update_district_highlights(App& app) {
    app.district_highlights.clear();
    if (app.layer != legend::Layer::targets) return;
    for (const plan::DistrictTarget& t : app.plan.district_targets) {
        const int d = find_district(app, t.district);
        if (d < 0) continue;
        legend::Class cls = t.standard == plan::Standard::kieu_mau   ? legend::Class::kieu_mau
                            : t.standard == plan::Standard::nang_cao ? legend::Class::nang_cao
                                                                     : legend::Class::ntm;
        const legend::Rgb c = legend::class_colour(cls);
        app.district_highlights.push_back({d, t.milestone == plan::DistrictMilestone::dossier ? 3.5f : 5.0f,
                                           {c.r, c.g, c.b, 255}});
    }
}

void refresh_layer(App& app) {
    app.classes = legend::classify(app.layer, app.map, app.plan, app.plan_loaded, app.status, app.status_loaded);
    update_district_highlights(app);
    app.colours_dirty = true;
    app.view_changed = true;
}

void place_markers(App& app) {
    app.markers.clear();
    app.marker_anchor.clear();
    app.marker_dy_px.clear();
    for (size_t i = 0; i < app.plan.models.size(); ++i) {
        const plan::PilotModel& m = app.plan.models[i];
        const int d = find_district(app, m.unit.district);
        if (d < 0) continue;
        const int c = m.unit.commune.empty() ? -1 : find_commune(app, d, m.unit.commune);
        app.marker_anchor.push_back(c >= 0 ? app.map.communes[size_t(c)].label : app.map.districts[size_t(d)].label);
        app.marker_dy_px.push_back(c >= 0 ? 0.f : 20.f);
        app.markers.push_back({0, 0, int(i) + 1});
    }
}

void update_marker_positions(App& app) {
    for (size_t i = 0; i < app.markers.size(); ++i) {
        const geo::ScreenPx p = camera::world_to_screen(app.cam, app.marker_anchor[i]);
        app.markers[i].x = float(p.x);
        app.markers[i].y = float(p.y) + app.marker_dy_px[i];
    }
}

}  // namespace

// [SECTION] Loading

void add_error(App& app, std::string message_vi, std::string_view file_name) {
    if (std::find(app.errors.begin(), app.errors.end(), message_vi) != app.errors.end()) return;
    app.errors.push_back(std::move(message_vi));
    app.error_files.resize(app.errors.size() - 1);  // errors may have been added directly
    app.error_files.emplace_back(file_name);
    app.view_changed = true;
}

namespace {

// Forgets the messages about a file before it is loaded again.
void clear_file_errors(App& app, std::string_view file_name) {
    if (file_name.empty()) return;
    app.error_files.resize(app.errors.size());
    for (size_t i = app.errors.size(); i-- > 0;)
        if (app.error_files[i] == file_name) {
            app.errors.erase(app.errors.begin() + std::ptrdiff_t(i));
            app.error_files.erase(app.error_files.begin() + std::ptrdiff_t(i));
        }
    app.view_changed = true;
}

void set_file_failed(App& app, std::string_view file_name, bool failed) {
    if (file_name.empty()) return;
    const auto it = std::find(app.failed_files.begin(), app.failed_files.end(), file_name);
    if (failed && it == app.failed_files.end()) app.failed_files.emplace_back(file_name);
    if (!failed && it != app.failed_files.end()) app.failed_files.erase(it);
}

// A problem without an item is about the whole file (not JSON, cut short, wrong format): the
// file may be fixed on the server or arrive whole next time, so it is offered for "Thử lại".
bool whole_file_failed(const std::vector<plan::Problem>& problems) {
    return std::any_of(problems.begin(), problems.end(), [](const plan::Problem& p) { return p.item.empty(); });
}

// A plan, status or tour file read again: its problems replace those it had.
void take_problems(App& app, std::string_view file_name, const std::vector<plan::Problem>& problems) {
    clear_file_errors(app, file_name);
    for (const plan::Problem& p : problems) add_error(app, p.message_vi, file_name);
    set_file_failed(app, file_name, whole_file_failed(problems));
}

}  // namespace

void file_failed(App& app, std::string_view file_name, std::string message_vi) {
    clear_file_errors(app, file_name);
    add_error(app, std::move(message_vi), file_name);
    set_file_failed(app, file_name, true);
    if (app.tour_fetching && file_name == app.tour_file) {
        // The presentation that asked for it does not start; "Thử lại" fetches it again.
        app.tour_fetching = false;
        app.tour_pending_step = -1;
    }
}

void file_loaded(App& app, std::string_view file_name) {
    clear_file_errors(app, file_name);
    set_file_failed(app, file_name, false);
}

void restore_gl(App& app) {
    app.renderer.forget_gl_objects();
    if (app.has_map) {
        std::string gl_error;
        if (!app.renderer.upload(app.map, &gl_error)) add_error(app, ui::tr(ui::Key::error_webgl2_draw) + gl_error);
    }
    app.colours_dirty = true;
    app.view_changed = true;
}

bool load_asset(App& app, const uint8_t* bytes, size_t size, std::string_view file_name) {
    clear_file_errors(app, file_name);
    Result<asset::MapAsset> r = asset::decode(bytes, size);
    if (!r) {
        add_error(app, r.error().message_vi, file_name);
        set_file_failed(app, file_name, true);
        return false;
    }
    std::string gl_error;
    if (!app.renderer.finish_programs(&gl_error)) {
        add_error(app, ui::tr(ui::Key::error_webgl2_draw) + gl_error);
        return false;
    }
    set_file_failed(app, file_name, false);
    app.map = std::move(*r);
    app.renderer.upload(app.map, &gl_error);  // keeps app.map: its levels of detail are built later
    app.has_map = true;
    app.commune_index = pick::build(app.map, app.map.communes);
    app.search_index = search::build_index(app.map);
    app.gazetteer = plan::gazetteer_from_asset(app.map);  // once: the plan, status and tour files check against it
    app.home = geo::Box{};
    for (const auto& p : app.map.province) app.home.extend(p.bbox);
    if (app.home.empty())
        for (const auto& c : app.map.communes) app.home.extend(c.bbox);
    app.hovered = app.selected = app.selected_district = -1;
    app.fitted_once = false;
    app.colours_dirty = true;
    app.view_changed = true;
    app.frames_since_load = 0;
    app.labels = LabelCache{};
    set_canvas(app, app.css_w, app.css_h, app.pixel_ratio);
    return true;
}

// [SECTION] Plan files

void load_plan(App& app, std::string_view json_text, std::string_view file_name) {
    plan::PlanLoad r = plan::load_plan(json_text, file_name, app.gazetteer);
    take_problems(app, file_name, r.problems);
    app.plan = std::move(r.plan);
    app.plan_loaded = true;
    place_markers(app);
    refresh_layer(app);
}

void load_status(App& app, std::string_view json_text, std::string_view file_name) {
    plan::StatusLoad r = plan::load_status(json_text, file_name, app.gazetteer);
    take_problems(app, file_name, r.problems);
    app.status = std::move(r.status);
    app.status_loaded = true;
    refresh_layer(app);
}

void load_tour(App& app, std::string_view json_text, std::string_view file_name) {
    tour::TourLoad r = tour::load_tour(json_text, file_name, app.gazetteer);
    take_problems(app, file_name, r.problems);
    app.tour = std::move(r.tour);
    app.tour_loaded = true;
    app.tour_fetching = false;
    // Loaded again while presenting (after "Thử lại"): stay on a step that still exists.
    if (app.presenting) {
        if (app.tour.steps.empty()) set_presenting(app, false);
        else app.tour_step = std::min(app.tour_step, int(app.tour.steps.size()) - 1);
    }
    // Fetched because presentation mode was asked for: show the step asked for.
    const int pending = app.tour_pending_step;
    app.tour_pending_step = -1;
    if (pending >= 0 && !app.presenting && !app.tour.steps.empty()) {
        if (pending == 0 && app.tour_pending_animate) set_presenting(app, true);
        else tour_go(app, pending, app.tour_pending_animate);
    }
}

void offer_tour(App& app, std::string_view file_name) { app.tour_file = std::string(file_name); }

bool tour_available(const App& app) {
    return app.tour_loaded ? !app.tour.steps.empty() : !app.tour_file.empty();
}

namespace {

// Asks the platform for the tour file (once until it arrives or fails) and notes the step to
// show then. False when there is nothing to fetch.
bool fetch_tour_for(App& app, int step, bool animate) {
    if (app.tour_loaded || app.tour_file.empty()) return false;
    app.tour_pending_step = std::max(0, step);
    app.tour_pending_animate = animate;
    if (!app.tour_fetching) {
        app.tour_fetching = true;
        app.tour_fetch_request = true;
    }
    return true;
}

}  // namespace

void set_layer(App& app, legend::Layer layer) {
    app.layer = layer;
    refresh_layer(app);
}

// [SECTION] Layout and view

void layout(App& app) {
    // Wide screens (laptop 1366×768, projector 1920×1080): panel on the right. Narrow screens
    // (phones in portrait): the panel is a drawer along the bottom, collapsed to its title bar
    // until opened, so the map keeps the screen.
    app.narrow = app.css_w < 760;
    if (!app.narrow) {
        const double w = std::clamp(app.css_w * 0.3, 300.0, app.presenting ? 460.0 : 400.0);
        app.panel = {float(app.css_w - w - 10), 10.f, float(w), float(app.css_h - 20)};
        app.cam.viewport = {0, 0, app.css_w - w - 20, app.css_h};
    } else {
        const double h = app.drawer_open ? std::round(app.css_h * 0.55) : 58.0;
        app.panel = {4.f, float(app.css_h - h), float(app.css_w - 8), float(h - 4)};
        app.cam.viewport = {0, 0, app.css_w, app.css_h - h};
    }
    // A canvas smaller than the panel (a window dragged down to nothing, a hidden iframe) keeps a
    // map viewport of at least a pixel: an empty or negative one would make the fitted zoom
    // infinite or NaN, and the camera would never recover when the window grows again.
    app.cam.viewport.w = std::max(1.0, app.cam.viewport.w);
    app.cam.viewport.h = std::max(1.0, app.cam.viewport.h);
    app.panel.w = std::max(0.f, app.panel.w);
    app.panel.h = std::max(0.f, app.panel.h);
    app.cam.canvas_w = app.css_w;
    app.cam.canvas_h = app.css_h;
    app.view_changed = true;
}

void set_canvas(App& app, double css_w, double css_h, double pixel_ratio) {
    app.css_w = std::max(1.0, css_w);
    app.css_h = std::max(1.0, css_h);
    app.pixel_ratio = pixel_ratio > 0 ? pixel_ratio : 1;
    layout(app);
    if (app.has_map) {
        camera::set_limits_for(app.cam, app.home, kFitPaddingPx);
        if (!app.fitted_once) {
            camera::fit_box(app.cam, app.home, kFitPaddingPx);
            app.fitted_once = true;
        }
        app.cam.zoom = std::clamp(app.cam.zoom, app.cam.min_zoom, app.cam.max_zoom);
    }
}

namespace {

void fly_to(App& app, geo::World center, double zoom, bool animate, double duration_ms = 450) {
    zoom = std::clamp(zoom, app.cam.min_zoom, app.cam.max_zoom);
    if (!animate) {
        app.flight.active = false;
        app.cam.center = center;
        app.cam.zoom = zoom;
    } else {
        app.flight = {true, -1, duration_ms, app.cam.center, center, app.cam.zoom, zoom};
    }
    app.view_changed = true;
}

void fly_to_box(App& app, const geo::Box& box, bool animate) {
    const double zoom = camera::zoom_to_fit(app.cam, box, kFitPaddingPx);
    fly_to(app, box.center(), zoom, animate);
}

void step_flight(App& app, double now_ms) {
    Flight& f = app.flight;
    if (!f.active) return;
    if (f.start_ms < 0) f.start_ms = now_ms;
    const double t = f.duration_ms > 0 ? std::clamp((now_ms - f.start_ms) / f.duration_ms, 0.0, 1.0) : 1.0;
    // Ease in-out cubic; the cube multiplied out, not std::pow: the C library's pow (this was its
    // last call) is 0.8 KiB of viewer.wasm, gzip.
    const double u = 2 - 2 * t;
    const double e = t < 0.5 ? 4 * t * t * t : 1 - u * u * u / 2;
    app.cam.center = {f.from_center.x + (f.to_center.x - f.from_center.x) * e,
                      f.from_center.y + (f.to_center.y - f.from_center.y) * e};
    app.cam.zoom = f.from_zoom + (f.to_zoom - f.from_zoom) * e;
    if (t >= 1) f.active = false;
    app.view_changed = true;
}

}  // namespace

void fit_home(App& app, bool animate) { fly_to_box(app, app.home, animate); }

void set_view(App& app, geo::LonLat center, double zoom) {
    fly_to(app, geo::lonlat_to_world(center), zoom, false);
}

void fly_to_view(App& app, geo::LonLat center, double zoom, double duration_ms) {
    fly_to(app, geo::lonlat_to_world(center), zoom, duration_ms > 0, duration_ms);
}

bool is_animating(const App& app) { return app.flight.active; }

bool needs_frame(const App& app, double now_ms) {
    if (app.flight.active) return true;
    // The last frame drew labels from sprites (the view moved): the view at rest draws them as text.
    if (app.labels.sprites.drew_sprites()) return true;
    return app.presenting && app.tour.idle_return_seconds > 0 && app.tour_step > 0 &&
           now_ms - app.last_input_ms > app.tour.idle_return_seconds * 1000.0;
}

// [SECTION] Selection

namespace {
bool model_is_at(const App& app, int model, int commune) {
    if (model < 0 || size_t(model) >= app.markers.size() || commune < 0) return false;
    const plan::PilotModel& m = app.plan.models[size_t(app.markers[size_t(model)].number - 1)];
    const asset::Feature& c = app.map.communes[size_t(commune)];
    return c.name == m.unit.commune && c.parent >= 0 && app.map.districts[size_t(c.parent)].name == m.unit.district;
}
}  // namespace

void select_commune(App& app, int commune, bool zoom_to) {
    if (commune < 0 || size_t(commune) >= app.map.communes.size()) return clear_selection(app);
    app.selected = commune;
    app.selected_district = app.map.communes[size_t(commune)].parent;
    if (app.selected_model >= 0 && !model_is_at(app, app.selected_model, commune)) app.selected_model = -1;
    if (zoom_to) {
        // Show the commune in its district's context, closer for small units.
        const geo::Box& b = app.map.communes[size_t(commune)].bbox;
        geo::Box around = b;
        const double grow = std::max(b.width(), b.height()) * 1.5;
        around.extend(geo::World{b.min_x - grow, b.min_y - grow});
        around.extend(geo::World{b.max_x + grow, b.max_y + grow});
        fly_to_box(app, around, false);
    }
    app.colours_dirty = true;
    app.view_changed = true;
}

void select_district(App& app, int district, bool animate) {
    if (district < 0 || size_t(district) >= app.map.districts.size()) return clear_selection(app);
    app.selected = -1;
    app.selected_district = district;
    app.selected_model = -1;
    fly_to_box(app, app.map.districts[size_t(district)].bbox, animate);
    app.colours_dirty = true;
}

void select_model(App& app, int model, bool zoom_to) {
    if (model < 0 || size_t(model) >= app.markers.size()) {
        app.selected_model = -1;
        return;
    }
    app.selected_model = model;
    const plan::PilotModel& m = app.plan.models[size_t(app.markers[size_t(model)].number - 1)];
    const int d = find_district(app, m.unit.district);
    const int c = m.unit.commune.empty() ? -1 : find_commune(app, d, m.unit.commune);
    if (c >= 0) select_commune(app, c, false);
    else if (d >= 0) {
        app.selected = -1;
        app.selected_district = d;
        app.colours_dirty = true;
    }
    if (zoom_to && d >= 0)
        fly_to_box(app, c >= 0 ? app.map.communes[size_t(c)].bbox : app.map.districts[size_t(d)].bbox, true);
    app.view_changed = true;
}

void note_input(App& app, double now_ms) { app.last_input_ms = now_ms; }

// [SECTION] Search, language, URL state

void search_set_open(App& app, bool open) {
    if (app.search_open == open) return;
    app.search_open = open;
    app.search_focus_request = open ? 1 : -1;
    if (!open) {
        app.search_query.clear();
        app.search_results.clear();
    }
    app.view_changed = true;
}

void search_set_text(App& app, const std::string& text) {
    app.search_query = text.substr(0, 200);
    search::search_into(app.search_index, app.search_query, 8, &app.search_results);
    app.search_cursor = 0;
    app.view_changed = true;
}

void search_move(App& app, int delta) {
    if (app.search_results.empty()) return;
    const int n = int(app.search_results.size());
    app.search_cursor = ((app.search_cursor + delta) % n + n) % n;
    app.view_changed = true;
}

void search_choose(App& app, int index) {
    if (index < 0) index = app.search_cursor;
    if (index < 0 || size_t(index) >= app.search_results.size()) return;
    const search::Match m = app.search_results[size_t(index)];
    search_set_open(app, false);
    if (m.commune >= 0) select_commune(app, m.commune, true);
    else if (m.district >= 0) select_district(app, m.district, true);
}

std::string search_json(const App& app, const std::string& text) {
    json_out::Out o;
    o.begin_array();
    for (const search::Match& m : ntm::search::search(app.search_index, text, 0)) {
        o.begin_object().key("district").str(app.map.districts[size_t(m.district)].name).key("commune");
        if (m.commune >= 0) o.str(app.map.communes[size_t(m.commune)].name);
        else o.null();
        o.end_object();
    }
    return o.end_array().text();
}

void set_language(App& app, i18n::Lang lang) {
    i18n::set_language(lang);
    app.view_changed = true;
    app.labels = LabelCache{};
}

url_state::ViewState view_state(const App& app) {
    url_state::ViewState s;
    const geo::ScreenPx centre{app.cam.viewport.x + app.cam.viewport.w / 2, app.cam.viewport.y + app.cam.viewport.h / 2};
    const geo::LonLat ll = geo::world_to_lonlat(camera::screen_to_world(app.cam, centre));
    s.view = url_state::View{ll.lon, ll.lat, app.cam.zoom};
    if (app.selected >= 0) {
        const asset::Feature& c = app.map.communes[size_t(app.selected)];
        s.district = c.parent >= 0 ? app.map.districts[size_t(c.parent)].name : std::string();
        s.commune = c.name;
    } else if (app.selected_district >= 0) {
        s.district = app.map.districts[size_t(app.selected_district)].name;
    }
    s.layer = legend::layer_id(app.layer);
    s.lang = i18n::lang_id(i18n::language());
    if (app.presenting && app.tour_step >= 0) s.tour_step = app.tour_step;
    return s;
}

void apply_view_state(App& app, const url_state::ViewState& s) {
    if (std::optional<i18n::Lang> l = i18n::lang_from_id(s.lang)) set_language(app, *l);
    legend::Layer layer;
    if (!s.layer.empty() && legend::layer_from_id(s.layer, &layer)) set_layer(app, layer);
    if (s.tour_step) {
        tour_go(app, *s.tour_step, false);
    } else {
        set_presenting(app, false);  // also forgets a step still waiting for the tour file
    }
    // Names come from a link: looked up, never trusted; unknown ones are ignored.
    const int d = s.district.empty() ? -1 : find_district(app, s.district);
    const int c = d >= 0 && !s.commune.empty() ? find_commune(app, d, s.commune) : -1;
    if (c >= 0) select_commune(app, c, false);
    else if (d >= 0) {
        app.selected = -1;
        app.selected_district = d;
        app.colours_dirty = true;
    } else if (!s.tour_step) {
        clear_selection(app);
    }
    if (s.view) fly_to(app, geo::lonlat_to_world({s.view->lon, s.view->lat}), s.view->zoom, false);
    app.view_changed = true;
}

void set_presenting(App& app, bool on) {
    if (!on) app.tour_pending_step = -1;  // leaving before the tour arrived: do not start then
    if (on && fetch_tour_for(app, 0, true)) return;
    if (app.presenting == on) return;
    app.presenting = on;
    app.ui_scale = on ? 1.35f : 1.0f;
    app.fonts_dirty = true;
    app.fullscreen_request = on ? 1 : -1;
    app.tour_district_highlights.clear();
    app.tour_commune_highlights.clear();
    layout(app);
    app.last_input_ms = app.now_ms;
    if (on) {
        clear_selection(app);
        tour_go(app, 0, true);
    } else {
        app.tour_step = -1;
        clear_selection(app);
        fit_home(app, true);
    }
    app.colours_dirty = true;
}

void tour_go(App& app, int step, bool animate) {
    if (fetch_tour_for(app, step, animate)) return;
    if (app.tour.steps.empty()) return;
    if (!app.presenting) {
        app.presenting = true;
        app.ui_scale = 1.35f;
        app.fonts_dirty = true;
        app.fullscreen_request = 1;
        layout(app);
    }
    step = std::clamp(step, 0, int(app.tour.steps.size()) - 1);
    app.tour_step = step;
    const tour::Step& s = app.tour.steps[size_t(step)];
    clear_selection(app);
    if (s.layer) set_layer(app, *s.layer);
    const int d = s.camera.unit.district.empty() ? -1 : find_district(app, s.camera.unit.district);
    switch (s.camera.kind) {
        case tour::CameraKind::province: fly_to_box(app, app.home, animate); break;
        case tour::CameraKind::district:
            if (d >= 0) fly_to_box(app, app.map.districts[size_t(d)].bbox, animate);
            break;
        case tour::CameraKind::commune:
            if (const int c = d >= 0 ? find_commune(app, d, s.camera.unit.commune) : -1; c >= 0) {
                geo::Box b = app.map.communes[size_t(c)].bbox;
                const double grow = std::max(b.width(), b.height());
                b.extend(geo::World{b.min_x - grow, b.min_y - grow});
                b.extend(geo::World{b.max_x + grow, b.max_y + grow});
                fly_to_box(app, b, animate);
            }
            break;
        case tour::CameraKind::lonlat:
            fly_to(app, geo::lonlat_to_world({s.camera.lon, s.camera.lat}), s.camera.zoom, animate, 700);
            break;
    }
    if (animate && app.flight.active) app.flight.duration_ms = 900;  // calm moves for an audience
    // Outlines for the step's units: nothing depends on hovering in front of an audience.
    app.tour_district_highlights.clear();
    app.tour_commune_highlights.clear();
    for (const plan::UnitRef& u : s.highlight) {
        const int hd = find_district(app, u.district);
        if (hd < 0) continue;
        if (u.commune.empty()) {
            app.tour_district_highlights.push_back({hd, 5.0f, {200, 20, 60, 255}});
        } else if (const int hc = find_commune(app, hd, u.commune); hc >= 0) {
            app.tour_commune_highlights.push_back({hc, 3.5f, {200, 20, 60, 255}});
        }
    }
    app.view_changed = true;
}

void clear_selection(App& app) {
    app.selected_model = -1;
    app.selected = -1;
    app.selected_district = -1;
    app.colours_dirty = true;
    app.view_changed = true;
}

int find_district(const App& app, const std::string& name) {
    for (size_t i = 0; i < app.map.districts.size(); ++i)
        if (app.map.districts[i].name == name) return int(i);
    return -1;
}

int find_commune(const App& app, int district, const std::string& name) {
    for (size_t i = 0; i < app.map.communes.size(); ++i)
        if (app.map.communes[i].parent == district && app.map.communes[i].name == name) return int(i);
    return -1;
}

// [SECTION] Input

bool over_ui(const App& app, double x, double y) {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (!ctx) return false;
    for (ImGuiWindow* w : ctx->Windows) {
        if (!w->WasActive || w->Hidden || (w->Flags & ImGuiWindowFlags_Tooltip)) continue;
        if (x >= w->Pos.x && x < w->Pos.x + w->Size.x && y >= w->Pos.y && y < w->Pos.y + w->Size.y) return true;
    }
    (void)app;
    return false;
}

namespace {

int commune_at(const App& app, double x, double y) {
    if (!app.has_map) return -1;
    return pick::find(app.commune_index, app.map, app.map.communes, camera::screen_to_world(app.cam, {x, y}));
}

void set_hovered(App& app, int commune) {
    if (commune == app.hovered) return;
    app.hovered = commune;
    app.colours_dirty = true;
}

}  // namespace

void pointer_down(App& app, int id, double x, double y) {
    Gesture& g = app.gesture;
    if (g.count == 0) {
        g.on_ui = over_ui(app, x, y);
        g.dragged = false;
        g.down_x = x;
        g.down_y = y;
    }
    if (g.count < 2) g.pointers[g.count++] = {id, x, y};
    if (g.count == 2) {
        g.pinch_distance = std::hypot(g.pointers[1].x - g.pointers[0].x, g.pointers[1].y - g.pointers[0].y);
        g.dragged = true;  // a pinch is never a click
    }
    app.flight.active = false;
}

void pointer_move(App& app, int id, double x, double y, bool buttons_down) {
    Gesture& g = app.gesture;
    int k = -1;
    for (int i = 0; i < g.count; ++i)
        if (g.pointers[i].id == id) k = i;
    if (k < 0 || !buttons_down) {
        // Hover: a model marker wins over the commune beneath it; panels win over both.
        const bool ui = over_ui(app, x, y);
        const int marker = ui ? -1 : ui::marker_at(app.markers, x, y);
        if (marker != app.hovered_model) {
            app.hovered_model = marker;
            app.view_changed = true;
        }
        set_hovered(app, ui || marker >= 0 ? -1 : commune_at(app, x, y));
        return;
    }
    if (g.on_ui) return;
    const Pointer before = g.pointers[k];
    g.pointers[k].x = x;
    g.pointers[k].y = y;
    if (std::hypot(x - g.down_x, y - g.down_y) > kDragThresholdPx) g.dragged = true;
    if (g.count == 1) {
        if (g.dragged) camera::pan_by(app.cam, x - before.x, y - before.y);
    } else {
        // Pinch: zoom by the change in finger distance around their midpoint, pan with it.
        const Pointer& a = g.pointers[0];
        const Pointer& b = g.pointers[1];
        const double d = std::hypot(b.x - a.x, b.y - a.y);
        const double mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2;
        const double pmx = k == 0 ? (before.x + b.x) / 2 : (a.x + before.x) / 2;
        const double pmy = k == 0 ? (before.y + b.y) / 2 : (a.y + before.y) / 2;
        camera::pan_by(app.cam, mx - pmx, my - pmy);
        if (g.pinch_distance > 1 && d > 1) camera::zoom_around(app.cam, {mx, my}, std::log2(d / g.pinch_distance));
        g.pinch_distance = d;
    }
    camera::clamp_center(app.cam, app.home);
    app.view_changed = true;
    set_hovered(app, -1);
}

void pointer_up(App& app, int id, double x, double y) {
    Gesture& g = app.gesture;
    int k = -1;
    for (int i = 0; i < g.count; ++i)
        if (g.pointers[i].id == id) k = i;
    if (k < 0) return;
    const bool was_click = g.count == 1 && !g.dragged && !g.on_ui;
    for (int i = k; i + 1 < g.count; ++i) g.pointers[i] = g.pointers[i + 1];
    --g.count;
    if (g.count == 1) g.pinch_distance = 0;
    if (!was_click) return;
    if (const int marker = ui::marker_at(app.markers, x, y); marker >= 0) return select_model(app, marker, false);
    const int c = commune_at(app, x, y);
    if (c >= 0) select_commune(app, c, false);
    else clear_selection(app);  // a click on empty space clears
}

void pointer_leave(App& app) {
    set_hovered(app, -1);
    app.hovered_model = -1;
}

void wheel(App& app, double x, double y, double delta_y_px) {
    if (over_ui(app, x, y) || !app.has_map) return;
    // 100 px of wheel (one notch in most browsers) = half a zoom level.
    camera::zoom_around(app.cam, {x, y}, -delta_y_px / 200.0);
    camera::clamp_center(app.cam, app.home);
    app.flight.active = false;
    app.view_changed = true;
}

void double_click(App& app, double x, double y) {
    if (over_ui(app, x, y) || !app.has_map) return;
    const geo::World target = camera::screen_to_world(app.cam, {x, y});
    camera::Camera probe = app.cam;
    camera::zoom_around(probe, {x, y}, 1);
    (void)target;
    fly_to(app, probe.center, probe.zoom, true, 300);
}

void key_down(App& app, const std::string& key) {
    if (app.presenting) {
        // What presentation clickers send: PageDown/PageUp, arrows; plus space, Home, Esc.
        if (key == "ArrowRight" || key == "ArrowDown" || key == "PageDown" || key == " " || key == "Enter")
            tour_go(app, app.tour_step + 1, true);
        else if (key == "ArrowLeft" || key == "ArrowUp" || key == "PageUp" || key == "Backspace")
            tour_go(app, app.tour_step - 1, true);
        else if (key == "Home")
            tour_go(app, 0, true);
        else if (key == "End")
            tour_go(app, int(app.tour.steps.size()) - 1, true);
        else if (key == "Escape")
            set_presenting(app, false);
        return;
    }
    if (key == "p" || key == "P") {
        if (tour_available(app)) set_presenting(app, true);
        return;
    }
    if (key == "/") {
        search_set_open(app, true);
        return;
    }
    if (key == "l" || key == "L") {
        set_language(app, i18n::language() == i18n::Lang::vi ? i18n::Lang::en : i18n::Lang::vi);
        return;
    }
    const double pan_px = std::min(app.cam.viewport.w, app.cam.viewport.h) * 0.2;
    if (key == "Escape") {
        if (app.help_open) app.help_open = false;
        else if (app.about_open) app.about_open = false;
        else clear_selection(app);
    } else if (key == "?") {
        app.help_open = !app.help_open;
    } else if (key == "ArrowLeft" || key == "ArrowRight" || key == "ArrowUp" || key == "ArrowDown") {
        const double dx = key == "ArrowLeft" ? pan_px : key == "ArrowRight" ? -pan_px : 0;
        const double dy = key == "ArrowUp" ? pan_px : key == "ArrowDown" ? -pan_px : 0;
        camera::Camera probe = app.cam;
        camera::pan_by(probe, dx, dy);
        camera::clamp_center(probe, app.home);
        fly_to(app, probe.center, probe.zoom, true, 200);
    } else if (key == "1" || key == "2" || key == "3") {
        set_layer(app, key == "1" ? legend::Layer::targets : key == "2" ? legend::Layer::status : legend::Layer::boundaries);
    } else if (key == "Home") {
        fit_home(app, true);
    } else if (key == "+" || key == "=") {
        double_click(app, app.cam.viewport.x + app.cam.viewport.w / 2, app.cam.viewport.y + app.cam.viewport.h / 2);
    } else if (key == "-") {
        fly_to(app, app.cam.center, app.cam.zoom - 1, true, 300);
    }
}

// [SECTION] Labels

namespace {

// A label is centred on its anchor and no name is wider than this at the label sizes: an anchor
// further than half of it outside the canvas cannot put a label on screen.
constexpr double kLabelReachPx = 200;
// No name is narrower than this: a feature narrower on screen cannot hold its label, measured
// or not (saves measuring the thousands of tiny communes of a national view).
constexpr double kNarrowestLabelPx = 16;

void place_labels(App& app) {
    LabelCache& lc = app.labels;
    const camera::Camera& cam = app.cam;
    if (lc.zoom == cam.zoom && lc.cx == cam.center.x && lc.cy == cam.center.y && lc.w == app.css_w &&
        lc.h == app.css_h && lc.selected == app.selected && lc.district == app.selected_district &&
        lc.markers == app.markers.size())
        return;
    lc.markers = app.markers.size();
    lc.zoom = cam.zoom;
    lc.cx = cam.center.x;
    lc.cy = cam.center.y;
    lc.w = app.css_w;
    lc.h = app.css_h;
    lc.selected = app.selected;
    lc.district = app.selected_district;
    lc.candidates.clear();
    lc.texts.clear();
    lc.kinds.clear();
    lc.keys.clear();

    const asset::MapAsset& map = app.map;
    const float scale = ImGui::GetIO().FontGlobalScale;
    if (lc.measured_scale != scale || lc.commune_w.size() != map.communes.size() ||
        lc.district_w.size() != map.districts.size() || lc.context_w.size() != map.context.size()) {
        lc.measured_scale = scale;
        lc.commune_w.assign(map.communes.size(), -1);
        lc.district_w.assign(map.districts.size(), -1);
        lc.context_w.assign(map.context.size(), -1);
    }
    if (lc.commune_order.size() != map.communes.size()) {
        lc.commune_order.resize(map.communes.size());
        for (uint32_t i = 0; i < lc.commune_order.size(); ++i) lc.commune_order[i] = i;
        std::stable_sort(lc.commune_order.begin(), lc.commune_order.end(),
                         [&](uint32_t a, uint32_t b) { return map.communes[a].area_ha > map.communes[b].area_ha; });
    }

    const double mpp = camera::metres_per_px(cam.zoom);
    const double right = cam.viewport.x + cam.viewport.w, bottom = app.css_h;
    auto add = [&](const asset::Feature& f, float& width, ImFont* font, LabelKind kind, uint32_t key, bool forced) {
        const geo::ScreenPx a = camera::world_to_screen(cam, f.label);
        const bool near = a.x > -kLabelReachPx && a.x < right + kLabelReachPx && a.y > -kLabelReachPx &&
                          a.y < bottom + kLabelReachPx;
        const double room = kind == LabelKind::context ? 1e9 : f.bbox.width() / mpp * 1.1;
        if (!forced && (!near || room < kNarrowestLabelPx)) return;
        const float size = font->FontSize * scale;
        if (width < 0) width = font->CalcTextSizeA(size, 1e9f, 0, f.name.c_str()).x;
        if (!forced && width > room) return;  // labels::place would skip it too
        labels::Candidate c;
        c.anchor = a;
        c.width_px = width;
        c.height_px = size;  // one line
        c.room_px = room;
        c.forced = forced;
        lc.candidates.push_back(c);
        lc.texts.push_back(&f.name);
        lc.kinds.push_back(kind);
        lc.keys.push_back(key);
    };
    // Model markers reserve their place first: labels never cover them.
    for (const ui::ModelMarker& m : app.markers) {
        labels::Candidate c;
        c.anchor = {m.x, m.y};
        c.width_px = c.height_px = 2 * ui::kMarkerRadiusPx;
        c.forced = true;
        lc.candidates.push_back(c);
        lc.texts.push_back(nullptr);
        lc.kinds.push_back(LabelKind::marker);
        lc.keys.push_back(0);
    }
    // Priority: the selection, districts, then communes from large to small. Sprite keys
    // (ui::LabelSprites): districts, then communes, then context provinces, by index.
    const uint32_t districts = uint32_t(map.districts.size()), communes = uint32_t(map.communes.size());
    for (uint32_t i = 0; i < districts; ++i)
        add(map.districts[i], lc.district_w[i], app.fonts.label_bold, LabelKind::district, i, false);
    for (uint32_t i : lc.commune_order)
        add(map.communes[i], lc.commune_w[i], app.fonts.label, LabelKind::commune, districts + i, int(i) == app.selected);
    for (uint32_t i = 0; i < uint32_t(map.context.size()); ++i)
        add(map.context[i], lc.context_w[i], app.fonts.label, LabelKind::context, districts + communes + i, false);
    labels::place(lc.candidates, 3, lc.shown, right, bottom, &lc.work);
}

}  // namespace

ui::HaloText halo_text(const App& app) {
    ui::HaloText t;
    // The fonts draw_labels gives each kind of label.
    for (const asset::Feature& f : app.map.districts) t.bold.push_back(f.name);
    for (const auto* layer : {&app.map.communes, &app.map.context})
        for (const asset::Feature& f : *layer) t.regular.push_back(f.name);
    return t;
}

namespace {

void draw_labels(App& app) {
    LabelCache& lc = app.labels;
    // Moving: the view differs from the one the labels were last placed for. Then the labels are
    // drawn from their sprites (ui::LabelSprites: two triangles a label instead of two a letter),
    // and at rest as text. Never in a PNG export, drawn at a scale of its own.
    const camera::Camera& cam = app.cam;
    const bool moving = lc.zoom >= 0 && !app.exporting &&
                        (lc.zoom != cam.zoom || lc.cx != cam.center.x || lc.cy != cam.center.y || lc.w != app.css_w ||
                         lc.h != app.css_h);
    place_labels(app);
    const asset::MapAsset& map = app.map;
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const float scale = ImGui::GetIO().FontGlobalScale;
    lc.sprites.begin_frame(app.sprite_sheet, moving, map.districts.size() + map.communes.size() + map.context.size(),
                           scale);
    // Sprites first, in one batch between two blend changes; then, as text, the labels that
    // have none this frame (labels never overlap: their order does not matter).
    lc.as_sprite.assign(lc.candidates.size(), 0);
    // New sprites only in batches (ui::LabelSprites::kNewSpritesBatch): each batch is a switch
    // to the sheet's framebuffer, more than a few labels drawn as text cost.
    size_t without_sprite = 0;
    for (size_t i = 0; i < lc.candidates.size(); ++i)
        if (lc.shown[i] && lc.texts[i] && !lc.sprites.has(lc.keys[i])) ++without_sprite;
    lc.sprites.give_new(without_sprite >= ui::LabelSprites::kNewSpritesBatch);
    for (int pass = 0; pass < 2; ++pass) {
        for (size_t i = 0; i < lc.candidates.size(); ++i) {
            if (!lc.shown[i] || !lc.texts[i]) continue;
            if (pass == 1 && lc.as_sprite[i]) continue;
            const labels::Candidate& c = lc.candidates[i];
            const LabelKind kind = lc.kinds[i];
            ui::LabelText t;
            t.font = kind == LabelKind::district ? app.fonts.label_bold : app.fonts.label;
            t.size = t.font->FontSize * scale;
            t.ink = kind == LabelKind::context    ? IM_COL32(110, 110, 100, 255)
                    : kind == LabelKind::district ? IM_COL32(25, 30, 45, 255)
                                                  : IM_COL32(55, 55, 60, 255);
            // A halo in the background colour keeps text readable over lines and fills: the
            // label font's grown twin (ui::Fonts::label_halo), one copy beneath the text.
            t.halo = kind == LabelKind::district ? app.fonts.label_bold_halo : app.fonts.label_halo;
            t.halo_ink = IM_COL32(255, 255, 255, 220);
            t.text = lc.texts[i]->c_str();
            const ImVec2 pos(float(std::round(c.anchor.x - c.width_px / 2)), float(std::round(c.anchor.y - c.height_px / 2)));
            if (pass == 0) {
                lc.as_sprite[i] = lc.sprites.draw(*dl, lc.keys[i], t, pos);
            } else {
                ui::add_label_text(*dl, t, pos);
            }
        }
        if (pass == 0) lc.sprites.end_frame(*dl);
    }
}

}  // namespace

// [SECTION] Frame

void build_ui(App& app, double now_ms) {
    app.now_ms = now_ms;
    if (app.last_input_ms == 0) app.last_input_ms = now_ms;
    // A wall screen left alone returns to the overview.
    if (app.presenting && app.tour.idle_return_seconds > 0 && app.tour_step > 0 &&
        now_ms - app.last_input_ms > app.tour.idle_return_seconds * 1000.0) {
        tour_go(app, 0, true);
        app.last_input_ms = now_ms;
    }
    step_flight(app, now_ms);
    app.opaque_panel = {};
    if (!app.has_map || !app.fonts.body) return;
    if (app.colours_dirty) update_colours(app);
    update_marker_positions(app);
    draw_labels(app);
    ui::draw_model_markers(app.markers, app.hovered_model, app.selected_model, app.fonts);

    ui::PanelView v;
    v.map = &app.map;
    v.fonts = &app.fonts;
    v.selected_commune = app.selected;
    v.selected_district = app.selected_district;
    v.hovered_commune = app.hovered;
    v.errors = &app.errors;
    v.plan = &app.plan;
    v.status = &app.status;
    v.plan_loaded = app.plan_loaded;
    v.status_loaded = app.status_loaded;
    v.layer = app.layer;
    v.classes = &app.classes;
    v.selected_model = app.selected_model;
    v.hovered_model = app.hovered_model;
    v.narrow = app.narrow;
    v.drawer_open = app.drawer_open;
    v.model_numbers.clear();
    for (const ui::ModelMarker& m : app.markers) v.model_numbers.push_back(m.number - 1);
    v.presenting = app.presenting;
    v.search_open = app.search_open;
    v.search_query = &app.search_query;
    v.search_results = &app.search_results;
    v.search_cursor = app.search_cursor;
    v.tour = app.tour_loaded ? &app.tour : nullptr;
    v.can_present = tour_available(app);
    v.tour_step = app.tour_step;
    const ui::Command cmd = app.presenting ? ui::draw_presentation_panel(v, app.panel) : ui::draw_side_panel(v, app.panel);
    app.opaque_panel = app.panel;  // both panels have the style's opaque WindowBg (ui/theme.cpp)
    if (app.gesture.count == 0 && !app.exporting) {
        if (app.hovered_model >= 0) ui::draw_model_tooltip(v, app.hovered_model);
        else if (app.hovered >= 0) ui::draw_hover_tooltip(v);
    }
    ui::draw_about_box(app.about_open, {0, 0, float(app.css_w), float(app.css_h)});
    ui::draw_help_overlay(app.help_open, {0, 0, float(app.css_w), float(app.css_h)});
    v.can_retry = !app.failed_files.empty();
    const ui::Command error_cmd =
        ui::draw_error_list(v, {10, 10, float(std::clamp(app.cam.viewport.w - 20, 200.0, 520.0)), 0}, &app.retry_button);
    if (error_cmd.kind == ui::CommandKind::retry_files) app.retry_requested = true;
    switch (cmd.kind) {
        case ui::CommandKind::select_district: select_district(app, cmd.index, true); break;
        case ui::CommandKind::select_commune: select_commune(app, cmd.index, false); break;
        case ui::CommandKind::clear_selection:
            clear_selection(app);
            fit_home(app, true);
            break;
        case ui::CommandKind::show_about: app.about_open = true; break;
        case ui::CommandKind::set_layer: set_layer(app, legend::Layer(cmd.index)); break;
        case ui::CommandKind::select_model: select_model(app, cmd.index, true); break;
        case ui::CommandKind::export_png: app.export_requested = cmd.index; break;
        case ui::CommandKind::toggle_drawer:
            app.drawer_open = !app.drawer_open;
            layout(app);
            break;
        case ui::CommandKind::show_help: app.help_open = true; break;
        case ui::CommandKind::present: set_presenting(app, cmd.index != 0); break;
        case ui::CommandKind::tour_step: tour_go(app, cmd.index, true); break;
        case ui::CommandKind::open_search: search_set_open(app, true); break;
        case ui::CommandKind::choose_search: search_choose(app, cmd.index); break;
        case ui::CommandKind::set_language: set_language(app, cmd.index == 1 ? i18n::Lang::en : i18n::Lang::vi); break;
        case ui::CommandKind::retry_files: app.retry_requested = true; break;
        case ui::CommandKind::none: break;
    }
}

render::Frame map_frame(App& app, int framebuffer_w, int framebuffer_h) {
    render::Frame f;
    f.camera = &app.cam;
    f.pixel_ratio = app.pixel_ratio;
    f.framebuffer_w = framebuffer_w;
    f.framebuffer_h = framebuffer_h;
    f.background = {205, 222, 232, 255};  // water-like blue-grey beyond the land
    f.hovered_commune = app.hovered;
    f.selected_commune = app.selected;
    f.selected_district = app.selected < 0 ? app.selected_district : -1;
    const auto& dh = app.presenting ? app.tour_district_highlights : app.district_highlights;
    if (app.presenting) {
        // The layer's district targets stay visible under the step's own outlines.
        app.frame_district_highlights = app.district_highlights;
        app.frame_district_highlights.insert(app.frame_district_highlights.end(), dh.begin(), dh.end());
        f.district_highlights = app.frame_district_highlights.data();
        f.district_highlight_count = int(app.frame_district_highlights.size());
    } else {
        f.district_highlights = app.district_highlights.data();
        f.district_highlight_count = int(app.district_highlights.size());
    }
    f.commune_highlights = app.tour_commune_highlights.data();
    f.commune_highlight_count = app.presenting ? int(app.tour_commune_highlights.size()) : 0;
    f.outline_scale = app.presenting ? 1.6f : 1.0f;
    // The opaque panel's interior: inset by its corner radius and border, inwards to whole device
    // pixels, so that every pixel in it is the panel's own.
    const ui::RectPx& p = app.opaque_panel;
    app.opaque_interior_px = {};
    if (p.w > 0 && p.h > 0) {
        const ImGuiStyle& style = ImGui::GetStyle();
        const double inset = double(style.WindowRounding + style.WindowBorderSize) + 1;
        const double sx = framebuffer_w / std::max(1.0, app.css_w), sy = framebuffer_h / std::max(1.0, app.css_h);
        const pixel_rects::Rect r{int(std::ceil((p.x + inset) * sx)), int(std::ceil((p.y + inset) * sy)),
                                  int(std::floor((p.x + p.w - inset) * sx)), int(std::floor((p.y + p.h - inset) * sy))};
        app.opaque_interior_px = pixel_rects::intersection(r, {0, 0, framebuffer_w, framebuffer_h});
    }
    f.covered = app.opaque_interior_px;
    f.may_use_tiles = !app.exporting;
    return f;
}

void draw_map(App& app, const render::Frame& f) {
    app.renderer.draw(f);
    ++app.frames_drawn;
    if (app.has_map) ++app.frames_since_load;
}

// [SECTION] Public API payloads

namespace {

// {"district", "commune"} of a commune, or null.
void put_unit(json_out::Out& o, const App& app, int commune) {
    if (commune < 0 || size_t(commune) >= app.map.communes.size()) {
        o.null();
        return;
    }
    const asset::Feature& c = app.map.communes[size_t(commune)];
    o.begin_object()
        .key("district").str(c.parent >= 0 ? std::string_view(app.map.districts[size_t(c.parent)].name) : "")
        .key("commune").str(c.name)
        .end_object();
}

// The id of the pilot model behind a map marker, or null.
void put_model_id(json_out::Out& o, const App& app, int marker) {
    if (marker < 0) o.null();
    else o.str(app.plan.models[size_t(app.markers[size_t(marker)].number - 1)].id);
}

}  // namespace

std::string state_json(const App& app) {
    const geo::ScreenPx centre{app.cam.viewport.x + app.cam.viewport.w / 2, app.cam.viewport.y + app.cam.viewport.h / 2};
    const geo::LonLat ll = geo::world_to_lonlat(camera::screen_to_world(app.cam, centre));
    json_out::Out o;
    o.begin_object();
    o.key("communeCount").integer(int64_t(app.map.communes.size()));
    o.key("districtCount").integer(int64_t(app.map.districts.size()));
    o.key("selected");
    if (app.selected < 0 && app.selected_district >= 0)
        o.begin_object().key("district").str(app.map.districts[size_t(app.selected_district)].name).key("commune").null().end_object();
    else
        put_unit(o, app, app.selected);
    o.key("hovered");
    put_unit(o, app, app.hovered);
    o.key("view").begin_object().key("lon").num(ll.lon).key("lat").num(ll.lat).key("zoom").num(app.cam.zoom).end_object();
    o.key("errors").begin_array();
    for (const std::string& e : app.errors) o.str(e);
    o.end_array();
    o.key("layer").str(legend::layer_id(app.layer));
    o.key("tourStep");
    if (app.presenting) o.integer(app.tour_step);
    else o.null();
    o.key("tourSteps").integer(int64_t(app.tour.steps.size()));
    o.key("presenting").boolean(app.presenting);
    o.key("lang").str(i18n::lang_id(i18n::language()));
    o.key("hoveredModel");
    put_model_id(o, app, app.hovered_model);
    o.key("selectedModel");
    put_model_id(o, app, app.selected_model);
    return o.end_object().text();
}

std::string pick_json(const App& app, double lon, double lat) {
    if (!app.has_map) return "null";
    const int c = pick::find(app.commune_index, app.map, app.map.communes, geo::lonlat_to_world({lon, lat}));
    json_out::Out o;
    put_unit(o, app, c);
    return o.text();
}

std::string project_json(const App& app, double lon, double lat) {
    const geo::ScreenPx p = camera::world_to_screen(app.cam, geo::lonlat_to_world({lon, lat}));
    json_out::Out o;
    return o.begin_object().key("x").num(p.x).key("y").num(p.y).end_object().text();
}

std::string unproject_json(const App& app, double x, double y) {
    const geo::LonLat ll = geo::world_to_lonlat(camera::screen_to_world(app.cam, {x, y}));
    json_out::Out o;
    return o.begin_object().key("lon").num(ll.lon).key("lat").num(ll.lat).end_object().text();
}

std::string units_json(const App& app) {
    json_out::Out o;
    o.begin_array();
    for (const auto& c : app.map.communes) {
        const geo::LonLat a = geo::world_to_lonlat(c.label);
        o.begin_object()
            .key("district").str(c.parent >= 0 ? std::string_view(app.map.districts[size_t(c.parent)].name) : "")
            .key("commune").str(c.name)
            .key("type").str(asset::unit_type_id(c.type))
            .key("lon").num(a.lon)
            .key("lat").num(a.lat)
            .end_object();
    }
    return o.end_array().text();
}

}  // namespace ntm::app

namespace ntm::app {

namespace {

void put_models(json_out::Out& o, const std::vector<const plan::PilotModel*>& models) {
    o.begin_array();
    for (const plan::PilotModel* m : models)
        o.begin_object()
            .key("id").str(m->id)
            .key("name").str(m->name)
            .key("district").str(m->unit.district)
            .key("commune").str_or_null(m->unit.commune)
            .key("leadAgency").str(m->lead_agency)
            .key("period").str(m->period_text)
            .key("source").str(m->source)
            .end_object();
    o.end_array();
}

void put_status(json_out::Out& o, const plan::UnitStatus* s) {
    if (!s) {  // no data
        o.null();
        return;
    }
    o.begin_object().key("standard");
    if (s->standard == plan::Standard::none) o.null();
    else o.str(plan::standard_id(s->standard));
    o.key("recognisedOn");
    if (s->recognised_on.is_set()) o.str(plan::date_iso(s->recognised_on));
    else o.null();
    o.key("decision").str(s->decision).key("criteriaMet");
    if (s->criteria_met >= 0) o.integer(s->criteria_met);
    else o.null();
    o.key("note").str(s->note).end_object();
}

}  // namespace

std::string info_json(const App& app, const std::string& district, const std::string& commune) {
    const int d = find_district(app, district);
    if (d < 0) return "null";
    json_out::Out o;
    if (commune.empty()) {
        const asset::Feature& f = app.map.districts[size_t(d)];
        const std::vector<const plan::DistrictTarget*> targets = plan::find_district_targets(app.plan, district);
        const char* recognition = nullptr;
        for (const plan::DistrictTarget* t : targets)
            if (t->milestone == plan::DistrictMilestone::recognition) recognition = plan::standard_id(t->standard);
        int communes = 0, with_target = 0;
        for (size_t i = 0; i < app.map.communes.size(); ++i) {
            if (app.map.communes[i].parent != d) continue;
            ++communes;
            if (plan::find_commune_target(app.plan, district, app.map.communes[i].name)) ++with_target;
        }
        o.begin_object()
            .key("name").str(f.name)
            .key("district").str(f.name)
            .key("type").str(asset::unit_type_id(f.type))
            .key("target2024");
        if (recognition) o.str(recognition);
        else o.null();
        o.key("districtTargets").begin_array();
        for (const plan::DistrictTarget* t : targets)
            o.begin_object()
                .key("standard").str(plan::standard_id(t->standard))
                .key("milestone").str(plan::milestone_id(t->milestone))
                .key("asWritten").str(t->as_written)
                .key("source").str(t->source)
                .end_object();
        o.end_array().key("status");
        put_status(o, plan::find_status(app.status, district, ""));
        o.key("models");
        put_models(o, plan::models_in_district(app.plan, district));
        o.key("communeCount").integer(communes)
            .key("communesWithTarget").integer(with_target)
            .key("areaHa").num(f.area_ha);
        return o.end_object().text();
    }
    const int c = find_commune(app, d, commune);
    if (c < 0) return "null";
    const asset::Feature& f = app.map.communes[size_t(c)];
    const plan::CommuneTarget* t = plan::find_commune_target(app.plan, district, commune);
    const bool applicable = f.type == asset::UnitType::xa;
    o.begin_object()
        .key("name").str(f.name)
        .key("district").str(district)
        .key("type").str(asset::unit_type_id(f.type))
        .key("applicable").boolean(applicable)
        .key("target2024");
    if (t) o.str(plan::standard_id(t->standard)).key("targetSource").str(t->source);
    else o.null().key("targetSource").null();
    o.key("status");
    put_status(o, applicable ? plan::find_status(app.status, district, commune) : nullptr);
    o.key("models");
    put_models(o, plan::models_at(app.plan, district, commune));
    o.key("population2009");
    if (f.population > 0) o.integer(int64_t(f.population));
    else o.null();
    o.key("areaHa").num(f.area_ha);
    return o.end_object().text();
}

std::string legend_json(const App& app) {
    json_out::Out o;
    o.begin_object().key("layer").str(legend::layer_id(app.layer)).key("rows").begin_array();
    if (app.layer != legend::Layer::boundaries)
        for (const legend::Row& r : legend::rows(app.layer, app.classes))
            o.begin_object()
                .key("class").str(legend::class_id(r.cls))
                .key("label").str(ui::legend_row_label(app.layer, r))
                .key("count").integer(r.count)
                .end_object();
    o.end_array().key("districtTargets").begin_array();
    if (app.layer == legend::Layer::targets)
        for (const plan::DistrictTarget& t : app.plan.district_targets)
            o.begin_object()
                .key("district").str(t.district)
                .key("standard").str(plan::standard_id(t.standard))
                .key("milestone").str(plan::milestone_id(t.milestone))
                .end_object();
    return o.end_array().end_object().text();
}

std::string models_json(const App& app) {
    json_out::Out o;
    o.begin_array();
    for (size_t i = 0; i < app.markers.size(); ++i) {
        const plan::PilotModel& m = app.plan.models[size_t(app.markers[i].number - 1)];
        const geo::ScreenPx p = camera::world_to_screen(app.cam, app.marker_anchor[i]);
        o.begin_object()
            .key("number").integer(app.markers[i].number)
            .key("id").str(m.id)
            .key("name").str(m.name)
            .key("district").str(m.unit.district)
            .key("commune").str_or_null(m.unit.commune)
            .key("x").num(p.x)
            .key("y").num(p.y + app.marker_dy_px[i])
            .end_object();
    }
    return o.end_array().text();
}

std::string export_caption_json(const App& app, int year, int month, int day) {
    std::string title = ui::tr(ui::Key::app_title);
    std::string subtitle = ui::layer_label(app.layer);
    if (app.selected >= 0) {
        const asset::Feature& c = app.map.communes[size_t(app.selected)];
        subtitle += " — " + c.name + (c.parent >= 0 ? ", " + app.map.districts[size_t(c.parent)].name : std::string());
    } else if (app.selected_district >= 0) {
        subtitle += " — " + app.map.districts[size_t(app.selected_district)].name;
    }
    const std::string source = std::string(ui::tr(ui::Key::export_source)) + " · " + ui::tr(ui::Key::export_date) + " " +
                               ntm::i18n::format_date(year, month, day);
    json_out::Out o;
    return o.begin_object().key("title").str(title).key("subtitle").str(subtitle).key("source").str(source).end_object().text();
}

std::string funds_json(const App& app) {
    json_out::Out o;
    o.begin_object().key("sources").begin_array();
    for (const plan::FundingSource& s : app.plan.funding.sources)
        o.begin_object()
            .key("id").str(s.id)
            .key("name").str(s.label.empty() ? s.name : s.label)
            .key("wording").str(s.name)
            .key("amount").num(s.amount_million_dong)
            .key("investment").num(s.investment_million_dong)
            .key("recurrent").num(s.recurrent_million_dong)
            .key("source").str(s.source)
            .end_object();
    o.end_array();
    const plan::FundingTotals t = plan::funding_totals(app.plan.funding);
    o.key("total").num(t.amount_million_dong)
        .key("investment").num(t.investment_million_dong)
        .key("recurrent").num(t.recurrent_million_dong)
        .key("unsplit").num(t.unsplit_million_dong)
        .key("unit").str("million-dong");
    return o.end_object().text();
}

}  // namespace ntm::app
