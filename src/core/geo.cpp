#include "core/geo.hpp"

#include <cmath>

namespace ntm::geo {

namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kDegToRad = kPi / 180.0;
}  // namespace

World lonlat_to_world(LonLat p) {
    const double lat = std::clamp(p.lat, -kMaxLatitudeDeg, kMaxLatitudeDeg);
    return {kEarthRadiusM * p.lon * kDegToRad, kEarthRadiusM * std::log(std::tan(kPi / 4 + lat * kDegToRad / 2))};
}

LonLat world_to_lonlat(World p) {
    return {p.x / kEarthRadiusM / kDegToRad, (2 * std::atan(std::exp(p.y / kEarthRadiusM)) - kPi / 2) / kDegToRad};
}

}  // namespace ntm::geo
