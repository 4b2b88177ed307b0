// SPDX-License-Identifier: Apache-2.0
// Test helper for the corpus tests: sinks that keep what the readers emit.
#pragma once

#include <string>
#include <vector>

#include "qaindex/consultation.hpp"
#include "qaindex/corpus.hpp"
#include "qaindex/diagnostic.hpp"

namespace qaindex::test {

/// Keeps every entry and diagnostic a reader sends.
struct Collected {
    std::vector<Consultation> entries;
    std::vector<Diagnostic> diagnostics;

    [[nodiscard]] EntrySink entry_sink() {
        return [this](Consultation&& entry) { entries.push_back(std::move(entry)); };
    }
    [[nodiscard]] DiagnosticSink diagnostic_sink() {
        return [this](const Diagnostic& diagnostic) { diagnostics.push_back(diagnostic); };
    }
};

/// A Diagnostic with the fields the tests compare (message aside).
struct DiagnosticKey {
    std::string file;
    std::optional<std::size_t> line;
    std::optional<std::string> record;
    Problem problem = Problem::Malformed;

    bool operator==(const DiagnosticKey&) const = default;
};

inline DiagnosticKey key_of(const Diagnostic& d) {
    return {d.file, d.line, d.record, d.problem};
}

}  // namespace qaindex::test
