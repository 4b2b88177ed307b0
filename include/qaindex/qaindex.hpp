// SPDX-License-Identifier: Apache-2.0
// Umbrella header: everything a qaindex user needs.
#pragma once

#include "qaindex/analyzer.hpp"
#include "qaindex/consultation.hpp"
#include "qaindex/corpus.hpp"
#include "qaindex/database.hpp"
#include "qaindex/diagnostic.hpp"
#include "qaindex/errors.hpp"
#include "qaindex/index_writer.hpp"
#include "qaindex/lexicon.hpp"
#include "qaindex/limits.hpp"
#include "qaindex/search.hpp"
#include "qaindex/searcher.hpp"
#include "qaindex/shards.hpp"
#include "qaindex/snippet.hpp"
#include "qaindex/version.hpp"
