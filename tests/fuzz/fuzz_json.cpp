// fuzz_json.cpp — libFuzzer target for the three JSON loaders the office edits by hand: the plan
// (load_plan), the achieved-status file (load_status) and the presentation tour (load_tour).
// Every input goes to all three: a mutation of a plan file is as likely to be a bad tour file,
// and the loaders share their JSON and field-checking code.
//
// Beyond "no crash", what a loader keeps must be usable as the viewer uses it: every problem
// carries a Vietnamese message, every kept commune target names a unit of the gazetteer, and
// the funding totals are finite numbers (a NaN or an overflow would print as a wrong figure).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/plan.hpp"
#include "core/tour.hpp"
#include "support/small_gazetteer.hpp"

// An invariant the fuzzer broke: name it, then abort so that libFuzzer keeps the input.
#define require(cond) \
    ((cond) ? (void)0 : (std::fprintf(stderr, "invariant broken: %s (%s:%d)\n", #cond, __FILE__, __LINE__), std::abort()))

namespace {


bool in_gazetteer(const ntm::plan::Gazetteer& gaz, const std::string& district, const std::string& commune) {
    for (const auto& u : gaz.units)
        if (u.district == district && u.commune == commune) return true;
    return false;
}

template <typename Load>
void check_problems(const Load& r) {
    for (const auto& p : r.problems) require(!p.message_vi.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const ntm::plan::Gazetteer gaz = ntm::test::small_gazetteer();
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    const ntm::plan::PlanLoad plan = ntm::plan::load_plan(text, "fuzz.json", gaz);
    check_problems(plan);
    for (const auto& t : plan.plan.commune_targets) require(in_gazetteer(gaz, t.unit.district, t.unit.commune));
    const ntm::plan::FundingTotals totals = ntm::plan::funding_totals(plan.plan.funding);
    require(std::isfinite(totals.amount_million_dong) && std::isfinite(totals.investment_million_dong) &&
            std::isfinite(totals.recurrent_million_dong) && std::isfinite(totals.unsplit_million_dong));
    require(std::isfinite(ntm::plan::funding_total_million_dong(plan.plan.funding)));

    check_problems(ntm::plan::load_status(text, "fuzz.json", gaz));
    check_problems(ntm::tour::load_tour(text, "fuzz.json", gaz));
    return 0;
}
