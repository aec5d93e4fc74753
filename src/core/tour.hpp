// tour.hpp — the guided tour of presentation mode (issue 4), read from a data file the office
// can edit without rebuilding: geodata/tour/tour-2024.json, format in geodata/tour/FORMAT.md.
//
// What it does: loads the steps (title, text, camera target, layer, highlighted units, panel)
// and the idle-return time, checking every step against the map's unit names (plan::Gazetteer)
// and the layer ids (legend::layer_from_id). As plan.hpp: loading never fails as a whole unless
// the text is not a tour file; a bad step is dropped with a plan::Problem naming the file, the
// step and the reason in Vietnamese, and the valid steps are kept. A misspelt highlighted unit
// only loses its highlight (the step still makes sense without it) and is reported as well.
// What it doesn't: no file I/O, no camera maths (the app fits the target's bounding box with
// camera::fit_box), no figures: the texts avoid numbers so the app's legend and panels show the
// computed ones.
//
//   ntm::tour::TourLoad r = ntm::tour::load_tour(text, "tour-2024.json", ntm::plan::gazetteer_from_asset(map));
//   for (const auto& p : r.problems) show(p.message_vi);
//   const ntm::tour::Step& s = r.tour.steps[i];
//   show_caption(ntm::tour::step_title(s, english), ntm::tour::step_text(s, english));
//   if (s.camera.kind == ntm::tour::CameraKind::district) fly_to(district_bbox(s.camera.unit.district));
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/legend.hpp"
#include "core/plan.hpp"

namespace ntm::tour {

inline constexpr int kFormatVersion = 1;             // "format_version" of the file
inline constexpr int kDefaultIdleReturnSeconds = 120;  // when the file does not say
inline constexpr int kMaxIdleReturnSeconds = 86400;  // one day; 0 turns the idle return off
inline constexpr double kMinZoom = 0.0;
inline constexpr double kMaxZoom = 20.0;

// Where the camera goes for a step.
enum class CameraKind {
    province,  // fit the whole province
    district,  // fit unit.district
    commune,   // fit (unit.district, unit.commune)
    lonlat,    // centre lon/lat at zoom
};

struct CameraTarget {
    CameraKind kind = CameraKind::province;
    plan::UnitRef unit;  // district / commune kinds: exact map names
    double lon = 0;      // lonlat kind: degrees east
    double lat = 0;      // lonlat kind: degrees north
    double zoom = 0;     // lonlat kind: web-map zoom, kMinZoom..kMaxZoom
};

// The side panel a step opens for the audience; none keeps the map alone.
enum class Panel { none, funding, calendar, models, legend };
const char* panel_id(Panel p);  // "", "funding", "calendar", "models", "legend"
std::optional<Panel> panel_from_id(std::string_view id);

struct Step {
    std::string title;     // Vietnamese, required
    std::string text;      // Vietnamese, required
    std::string title_en;  // optional; "" = show the Vietnamese
    std::string text_en;   // optional; "" = show the Vietnamese
    CameraTarget camera;
    std::optional<legend::Layer> layer;  // nullopt = leave the layer as it is
    std::vector<plan::UnitRef> highlight;  // units outlined for the audience; commune "" = a whole district
    Panel panel = Panel::none;
};

struct Tour {
    std::string title;     // shown at the start of presentation mode; may be empty
    std::string title_en;
    // After this many seconds without input the tour returns to step 0; 0 = never.
    int idle_return_seconds = kDefaultIdleReturnSeconds;
    std::vector<Step> steps;
};

struct TourLoad {
    Tour tour;                           // the valid part
    std::vector<plan::Problem> problems;  // empty when the file is entirely valid
};

TourLoad load_tour(std::string_view json_text, std::string_view file_name, const plan::Gazetteer& gaz);

// The text to show in the chosen language: English when asked for and written, else Vietnamese.
const std::string& step_title(const Step& s, bool english);
const std::string& step_text(const Step& s, bool english);

}  // namespace ntm::tour
