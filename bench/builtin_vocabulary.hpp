// SPDX-License-Identifier: Apache-2.0
// The generator's built-in fallback material: English prose, symptoms, conditions, Chinese samples.
#pragma once

#include <string>
#include <vector>

namespace qaindex::bench::builtin {

/// A symptom with its everyday and clinical phrasings and the specialty that handles it.
struct BuiltinSymptom {
    std::string name;
    std::vector<std::string> lay;
    std::vector<std::string> clinical;
    std::string specialty;
};

/// Chinese titles, question and answer sentences of one department.
struct BuiltinChinese {
    std::string department;
    std::vector<std::string> titles;
    std::vector<std::string> questions;
    std::vector<std::string> answers;
};

/// Consultation-style English paragraphs (questions and replies).
const std::vector<std::string>& english_texts();
/// About fifty common symptoms.
const std::vector<BuiltinSymptom>& symptoms();
/// Common condition names.
const std::vector<std::string>& conditions();
/// A few Chinese consultation sentences per department.
const std::vector<BuiltinChinese>& chinese();

}  // namespace qaindex::bench::builtin
