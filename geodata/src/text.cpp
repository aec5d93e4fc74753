// text.cpp — Unicode with ICU: NFC normalisation and Vietnamese sort order.
//
// Vietnamese can be written precomposed ("ò" U+00F2) or decomposed ("o" + U+0300), and a font
// or a string comparison sees two different names. The asset stores NFC so that the viewer's
// search and the plan files' keys compare bytes.

#include <unicode/coll.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include "internal.hpp"

namespace ntm::pipeline::detail {

std::optional<std::string> to_nfc(const std::string& s, bool& changed) {
    changed = false;
    // UnicodeString::fromUTF8 silently substitutes U+FFFD; ask u_strFromUTF8 whether it is valid.
    UErrorCode status = U_ZERO_ERROR;
    int32_t length16 = 0;
    u_strFromUTF8(nullptr, 0, &length16, s.data(), static_cast<int32_t>(s.size()), &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return std::nullopt;

    status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return s;  // ICU data missing: leave the name as it is
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    if (nfc->isNormalized(u, status) && U_SUCCESS(status)) return s;
    status = U_ZERO_ERROR;
    const icu::UnicodeString n = nfc->normalize(u, status);
    if (U_FAILURE(status)) return s;
    std::string out;
    n.toUTF8String(out);
    changed = out != s;
    return out;
}

std::string loose_key(const std::string& nfc) {
    std::string out;
    for (char c : nfc)
        if (c != ' ' && c != '\t') out += c;
    return out;
}

struct Collator::Impl {
    std::unique_ptr<icu::Collator> coll;
};

Collator::Collator() : impl_(std::make_unique<Impl>()) {
    UErrorCode status = U_ZERO_ERROR;
    impl_->coll.reset(icu::Collator::createInstance(icu::Locale("vi"), status));
    if (U_FAILURE(status)) impl_->coll.reset();
    if (impl_->coll) {
        status = U_ZERO_ERROR;
        impl_->coll->setAttribute(UCOL_NUMERIC_COLLATION, UCOL_ON, status);
    }
}

Collator::~Collator() = default;

std::string Collator::sort_key(const std::string& utf8) const {
    if (!impl_->coll) return utf8;  // no ICU collation data: byte order is still a stable order
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
    std::string key(64, '\0');
    int32_t n = impl_->coll->getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), static_cast<int32_t>(key.size()));
    if (n > static_cast<int32_t>(key.size())) {
        key.resize(static_cast<size_t>(n));
        n = impl_->coll->getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), n);
    }
    key.resize(n > 0 ? static_cast<size_t>(n) : 0);
    // Ties (names ICU deems equal) fall back to bytes so the order never depends on input order.
    return key + '\0' + utf8;
}

}  // namespace ntm::pipeline::detail
