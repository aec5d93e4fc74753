// shared_edges.hpp — which outline segments of a layer repeat an edge an earlier feature of the
// same layer already has: the border two neighbouring communes (or districts) share.
//
// The renderer draws a layer's outlines once per edge (the repeats only doubled the vertex and
// pixel work, which software WebGL pays in full: commune outlines were ~40 % of a national
// flight frame) and keeps every feature's complete rings for drawing one feature alone (the
// selected commune). Two segments are the same edge when their two ends are the same points,
// in either direction; the decoder gives a shared vertex the same coordinates in both rings.
//
//   std::vector<uint8_t> rep = ntm::shared_edges::repeated(map, map.communes);
//   // rep[s] for the s-th segment walked feature by feature, ring by ring, vertex i -> i + 1
#pragma once

#include <cstdint>
#include <vector>

#include "core/asset.hpp"

namespace ntm::shared_edges {

// One flag per segment of `features` (in walk order: features in table order, their rings in
// order, segment i from vertex i to vertex i + 1 of the ring, the last back to the first):
// 1 if an earlier segment of the same features has the same two end points.
std::vector<uint8_t> repeated(const asset::MapAsset& map, const std::vector<asset::Feature>& features);

}  // namespace ntm::shared_edges
