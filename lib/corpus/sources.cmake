# SPDX-License-Identifier: Apache-2.0
# Sources of the corpus module (explicit list, no globbing).
