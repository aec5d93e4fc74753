// pick.hpp — which feature lies under a world point.
//
// A uniform grid over the features' bounding boxes narrows the candidates, then an even-odd
// point-in-polygon test over all of a feature's rings decides. Even-odd over every ring
// handles holes and multipolygons at once because the pipeline ships valid geometry (rings
// of one feature never cross). Built once per asset; queries allocate nothing.
//
//   ntm::pick::Index idx = ntm::pick::build(map, map.communes);
//   int i = ntm::pick::find(idx, map, map.communes, world_point);   // -1 when outside
#pragma once

#include <cstdint>
#include <vector>

#include "core/asset.hpp"
#include "core/geo.hpp"

namespace ntm::pick {

struct Index {
    geo::Box bounds;
    int cols = 0, rows = 0;
    double cell_w = 1, cell_h = 1;
    std::vector<uint32_t> cell_start;  // rows*cols+1 offsets into items
    std::vector<uint32_t> items;       // feature indices per cell
};

Index build(const asset::MapAsset& map, const std::vector<asset::Feature>& features);
// Index of the feature containing `p`, or -1.
int find(const Index& index, const asset::MapAsset& map, const std::vector<asset::Feature>& features, geo::World p);
// Even-odd test of `p` against all rings of one feature.
bool feature_contains(const asset::MapAsset& map, const asset::Feature& f, geo::World p);

}  // namespace ntm::pick
