// camera.hpp — the 2D map camera: where the map is looked at, how far zoomed, and the
// conversions between world metres and screen pixels.
//
// Zoom uses the raster-tile convention (zoom 0 shows the whole world in 256 CSS pixels, each
// step doubles), so `state().view.zoom` means the same as in Leaflet or an OSM tile URL;
// MapLibre's zoom 0 shows the world in 512 pixels, one level less for the same scale.
// The camera knows the viewport (the part of the canvas no panel covers) so fits centre the
// map in what the user can actually see.
//
//   ntm::camera::Camera cam;
//   cam.canvas_w = 1280; cam.canvas_h = 800; cam.viewport = {0, 0, 900, 800};
//   ntm::camera::fit_box(cam, province_bbox, 24);
//   ntm::geo::ScreenPx p = ntm::camera::world_to_screen(cam, w);
#pragma once

#include "core/geo.hpp"
#include "core/pixel_rects.hpp"

namespace ntm::camera {

// A rectangle of the canvas in CSS pixels.
struct RectPx {
    double x = 0, y = 0, w = 0, h = 0;
};

struct Camera {
    geo::World center;       // world point shown at the viewport's centre
    double zoom = 8;         // web-map zoom level
    double min_zoom = 2;     // bounds, set by fit_limits()
    double max_zoom = 17;
    double canvas_w = 1;     // CSS pixels
    double canvas_h = 1;
    RectPx viewport{0, 0, 1, 1};  // the unobstructed part of the canvas
};

// Metres of Web Mercator per CSS pixel at a zoom level.
double metres_per_px(double zoom);
geo::ScreenPx world_to_screen(const Camera& cam, geo::World w);
geo::World screen_to_world(const Camera& cam, geo::ScreenPx p);
// The world box visible on the whole canvas.
geo::Box visible_world(const Camera& cam);
// The world box under a rectangle of framebuffer pixels, `px` of them to a CSS pixel.
geo::Box world_box(const Camera& cam, const pixel_rects::Rect& r, double px);

// Centre `box` in the viewport with `padding_px` on each side, at the largest zoom that fits,
// clamped to the camera's limits. An empty box leaves the camera unchanged.
void fit_box(Camera& cam, const geo::Box& box, double padding_px);
// The zoom at which `box` fits the viewport (unclamped).
double zoom_to_fit(const Camera& cam, const geo::Box& box, double padding_px);
// Sensible limits for a dataset: out to 2 levels below the fit of `home`, in to street level.
void set_limits_for(Camera& cam, const geo::Box& home, double padding_px);
// Zoom by `delta` levels keeping the world point under `anchor` fixed (wheel and pinch).
void zoom_around(Camera& cam, geo::ScreenPx anchor, double delta);
// Move the map by a screen displacement (drag).
void pan_by(Camera& cam, double dx_px, double dy_px);
// Keep the centre within `bounds` (grown by half a viewport) so the map cannot be lost.
void clamp_center(Camera& cam, const geo::Box& bounds);

}  // namespace ntm::camera
