#include <catch2/catch.hpp>

#include "core/camera.hpp"

using namespace ntm;
using namespace ntm::camera;

namespace {
Camera make_camera() {
    Camera c;
    c.canvas_w = 1280;
    c.canvas_h = 800;
    c.viewport = {0, 0, 900, 800};  // a 380 px panel on the right
    return c;
}
geo::Box province() {
    geo::Box b;
    b.extend(geo::lonlat_to_world({105.5, 9.2}));
    b.extend(geo::lonlat_to_world({106.3, 9.95}));
    return b;
}
}  // namespace

TEST_CASE("Screen and world conversions are inverse", "[camera]") {
    Camera c = make_camera();
    c.center = geo::lonlat_to_world({105.9, 9.6});
    c.zoom = 9.3;
    for (geo::ScreenPx p : {geo::ScreenPx{0, 0}, geo::ScreenPx{450, 400}, geo::ScreenPx{1279, 799}}) {
        const geo::ScreenPx back = world_to_screen(c, screen_to_world(c, p));
        CHECK(back.x == Approx(p.x).margin(1e-6));
        CHECK(back.y == Approx(p.y).margin(1e-6));
    }
    // North is up: a point further north is higher on screen.
    CHECK(world_to_screen(c, geo::lonlat_to_world({105.9, 9.7})).y < world_to_screen(c, c.center).y);
}

TEST_CASE("A rectangle of framebuffer pixels covers the world under it", "[camera]") {
    Camera c = make_camera();
    c.center = geo::lonlat_to_world({105.9, 9.6});
    c.zoom = 9.3;
    // Two framebuffer pixels to a CSS pixel (a high-DPI screen): the panel at 900-1280 CSS px.
    const geo::Box panel = world_box(c, {1800, 0, 2560, 1600}, 2.0);
    CHECK(panel.min_x == Approx(screen_to_world(c, {900, 0}).x));
    CHECK(panel.max_x == Approx(screen_to_world(c, {1280, 0}).x));
    CHECK(panel.max_y == Approx(screen_to_world(c, {0, 0}).y));  // the top of the screen is north
    CHECK(panel.min_y == Approx(screen_to_world(c, {0, 800}).y));
    CHECK(visible_world(c).encloses(panel));
}

TEST_CASE("Fitting puts the whole province inside the unobstructed viewport, undistorted", "[camera]") {
    Camera c = make_camera();
    c.min_zoom = 0;
    fit_box(c, province(), 20);
    const geo::ScreenPx a = world_to_screen(c, {province().min_x, province().max_y});
    const geo::ScreenPx b = world_to_screen(c, {province().max_x, province().min_y});
    CHECK(a.x >= 20 - 1e-6);
    CHECK(b.x <= 880 + 1e-6);
    CHECK(a.y >= 20 - 1e-6);
    CHECK(b.y <= 780 + 1e-6);
    // One side touches its padding (largest zoom that fits).
    CHECK((std::abs(a.x - 20) < 1e-6 || std::abs(a.y - 20) < 1e-6));
    // Same scale on both axes: the map keeps its aspect.
    CHECK((b.x - a.x) / (b.y - a.y) == Approx(province().width() / province().height()));
}

TEST_CASE("Zoom stays within limits and keeps the point under the cursor", "[camera]") {
    Camera c = make_camera();
    set_limits_for(c, province(), 20);
    fit_box(c, province(), 20);
    const double home = c.zoom;
    CHECK(c.min_zoom == Approx(home - 2));
    const geo::ScreenPx cursor{300, 200};
    const geo::World under = screen_to_world(c, cursor);
    zoom_around(c, cursor, 1.5);
    const geo::World after = screen_to_world(c, cursor);
    CHECK(after.x == Approx(under.x));
    CHECK(after.y == Approx(under.y));
    zoom_around(c, cursor, 100);
    CHECK(c.zoom == c.max_zoom);
    zoom_around(c, cursor, -100);
    CHECK(c.zoom == c.min_zoom);
}

TEST_CASE("Panning moves the map with the pointer and cannot lose it", "[camera]") {
    Camera c = make_camera();
    fit_box(c, province(), 20);
    const geo::World w = screen_to_world(c, {400, 300});
    pan_by(c, 50, -20);
    const geo::ScreenPx p = world_to_screen(c, w);
    CHECK(p.x == Approx(450));
    CHECK(p.y == Approx(280));
    pan_by(c, 1e7, 1e7);
    clamp_center(c, province());
    const geo::ScreenPx q = world_to_screen(c, province().center());
    CHECK(q.x <= 900 + 450 + 1e-6);
}
