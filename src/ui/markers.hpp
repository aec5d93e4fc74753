// markers.hpp — the pilot-model markers drawn over the map: numbered pins a leader can point
// at on a projector, with hit testing for hover and click.
//
//   std::vector<ntm::ui::ModelMarker> m = ...;   // screen positions from the camera
//   ntm::ui::draw_model_markers(m, hovered, selected, fonts);
//   int hit = ntm::ui::marker_at(m, mouse_x, mouse_y);
#pragma once

#include <vector>

#include "ui/theme.hpp"

namespace ntm::ui {

struct ModelMarker {
    float x = 0, y = 0;  // CSS px, canvas-relative
    int number = 0;      // 1-based, as in the model list
};

inline constexpr float kMarkerRadiusPx = 11;

void draw_model_markers(const std::vector<ModelMarker>& markers, int hovered, int selected, const Fonts& fonts);
// Index of the marker under (x, y), or -1.
int marker_at(const std::vector<ModelMarker>& markers, double x, double y);

}  // namespace ntm::ui
