# SPDX-License-Identifier: Apache-2.0
# Sources of the lexicon module (explicit list, no globbing).
