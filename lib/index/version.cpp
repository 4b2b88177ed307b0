// SPDX-License-Identifier: Apache-2.0
// version() and version_info(): the library's version and those of what it links.
#include "qaindex/version.hpp"

#include <xapian.h>

#include "analysis/icu_text.hpp"
#include "index/schema.hpp"

namespace qaindex {

std::string_view version() noexcept {
    return QAINDEX_VERSION;
}

VersionInfo version_info() {
    return {.qaindex = std::string(version()),
            .schema = std::string(schema::kVersion),
            .xapian = Xapian::version_string(),
            .icu = detail::icu_version()};
}

std::string version_text(std::string_view tool) {
    const VersionInfo info = version_info();
    return std::string(tool) + " " + info.qaindex + "\nindex schema " + info.schema +
           ", Xapian " + info.xapian + ", ICU " + info.icu;
}

}  // namespace qaindex
