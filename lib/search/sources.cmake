# SPDX-License-Identifier: Apache-2.0
# Sources of the search module (explicit list, no globbing).
