#include <catch2/catch.hpp>

#include "core/labels.hpp"

using namespace ntm::labels;

TEST_CASE("Overlapping labels: the earlier (higher priority) one wins", "[labels]") {
    std::vector<Candidate> c = {
        {{100, 100}, 80, 16},
        {{130, 104}, 80, 16},  // overlaps the first
        {{300, 100}, 80, 16},  // free
    };
    std::vector<uint8_t> shown;
    place(c, 2, shown);
    CHECK(shown == std::vector<uint8_t>{1, 0, 1});
}

TEST_CASE("No two shown labels overlap in a dense field", "[labels]") {
    std::vector<Candidate> c;
    for (int i = 0; i < 400; ++i) c.push_back({{double((i * 37) % 500), double((i * 91) % 300)}, 60, 14});
    std::vector<uint8_t> shown;
    place(c, 3, shown);
    int count = 0;
    for (size_t i = 0; i < c.size(); ++i) {
        if (!shown[i]) continue;
        ++count;
        for (size_t j = i + 1; j < c.size(); ++j) {
            if (!shown[j]) continue;
            BoxPx a{c[i].anchor.x - 33, c[i].anchor.y - 10, c[i].anchor.x + 33, c[i].anchor.y + 10};
            BoxPx b{c[j].anchor.x - 30, c[j].anchor.y - 7, c[j].anchor.x + 30, c[j].anchor.y + 7};
            CHECK_FALSE(overlaps(a, b));
        }
    }
    CHECK(count > 10);
}

TEST_CASE("A label wider than its feature waits for more zoom; a forced one always shows", "[labels]") {
    std::vector<Candidate> c = {{{100, 100}, 80, 16, 40}, {{300, 100}, 80, 16, 200}};
    std::vector<uint8_t> shown;
    place(c, 2, shown);
    CHECK(shown == std::vector<uint8_t>{0, 1});
    c.push_back({{310, 100}, 80, 16, 10, true});
    place(c, 2, shown);
    CHECK(shown == std::vector<uint8_t>{0, 0, 1});
}
