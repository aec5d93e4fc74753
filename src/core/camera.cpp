#include "core/camera.hpp"

#include <algorithm>
#include <cmath>

namespace ntm::camera {

namespace {
// Web Mercator world width in metres; at zoom 0 it spans 256 px.
constexpr double kWorldWidthM = 2 * 3.14159265358979323846 * geo::kEarthRadiusM;
}  // namespace

double metres_per_px(double zoom) { return kWorldWidthM / (256.0 * std::exp2(zoom)); }

geo::ScreenPx world_to_screen(const Camera& cam, geo::World w) {
    const double s = metres_per_px(cam.zoom);
    const double cx = cam.viewport.x + cam.viewport.w / 2;
    const double cy = cam.viewport.y + cam.viewport.h / 2;
    return {cx + (w.x - cam.center.x) / s, cy - (w.y - cam.center.y) / s};
}

geo::World screen_to_world(const Camera& cam, geo::ScreenPx p) {
    const double s = metres_per_px(cam.zoom);
    const double cx = cam.viewport.x + cam.viewport.w / 2;
    const double cy = cam.viewport.y + cam.viewport.h / 2;
    return {cam.center.x + (p.x - cx) * s, cam.center.y - (p.y - cy) * s};
}

geo::Box visible_world(const Camera& cam) {
    geo::Box b;
    b.extend(screen_to_world(cam, {0, 0}));
    b.extend(screen_to_world(cam, {cam.canvas_w, cam.canvas_h}));
    return b;
}

geo::Box world_box(const Camera& cam, const pixel_rects::Rect& r, double px) {
    geo::Box b;
    b.extend(screen_to_world(cam, {r.x0 / px, r.y0 / px}));
    b.extend(screen_to_world(cam, {r.x1 / px, r.y1 / px}));
    return b;
}

double zoom_to_fit(const Camera& cam, const geo::Box& box, double padding_px) {
    const double w = std::max(1.0, cam.viewport.w - 2 * padding_px);
    const double h = std::max(1.0, cam.viewport.h - 2 * padding_px);
    // A point box (or a degenerate line) fits at any zoom: give it a 100 m extent.
    const double bw = std::max(box.width(), 100.0);
    const double bh = std::max(box.height(), 100.0);
    const double s = std::max(bw / w, bh / h);  // metres per pixel needed
    return std::log2(kWorldWidthM / (256.0 * s));
}

void fit_box(Camera& cam, const geo::Box& box, double padding_px) {
    if (box.empty()) return;
    cam.zoom = std::clamp(zoom_to_fit(cam, box, padding_px), cam.min_zoom, cam.max_zoom);
    cam.center = box.center();
}

void set_limits_for(Camera& cam, const geo::Box& home, double padding_px) {
    if (home.empty()) return;
    cam.min_zoom = zoom_to_fit(cam, home, padding_px) - 2;
    cam.max_zoom = 17;  // street level: the boundaries are approximate beyond that
}

void zoom_around(Camera& cam, geo::ScreenPx anchor, double delta) {
    const geo::World before = screen_to_world(cam, anchor);
    cam.zoom = std::clamp(cam.zoom + delta, cam.min_zoom, cam.max_zoom);
    const geo::World after = screen_to_world(cam, anchor);
    cam.center.x += before.x - after.x;
    cam.center.y += before.y - after.y;
}

void pan_by(Camera& cam, double dx_px, double dy_px) {
    const double s = metres_per_px(cam.zoom);
    cam.center.x -= dx_px * s;
    cam.center.y += dy_px * s;
}

void clamp_center(Camera& cam, const geo::Box& bounds) {
    if (bounds.empty()) return;
    const double s = metres_per_px(cam.zoom);
    const double mx = cam.viewport.w * s / 2, my = cam.viewport.h * s / 2;
    cam.center.x = std::clamp(cam.center.x, bounds.min_x - mx, bounds.max_x + mx);
    cam.center.y = std::clamp(cam.center.y, bounds.min_y - my, bounds.max_y + my);
}

}  // namespace ntm::camera
